package org.mailledger.schema.admin;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.Secret;

/**
 * Create an admin account, active. The password arrives in plain text and is hashed by the handler;
 * {@code domains} are the grants of a {@code DOMAIN_ADMIN} (none for a {@code SUPERADMIN}).
 */
public record CreateAdminCommand(
    @TargetAggregateIdentifier String adminId,
    AdminName name,
    AdminRole role,
    Secret password,
    List<DomainName> domains) {

  public CreateAdminCommand {
    domains = domains == null ? List.of() : List.copyOf(domains);
  }
}
