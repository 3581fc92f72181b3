package org.mailledger.command.admin;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;
import static org.mailledger.command.error.RuleViolationException.conflict;
import static org.mailledger.command.error.RuleViolationException.invalid;
import static org.mailledger.command.error.RuleViolationException.notFound;

import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mailledger.schema.admin.AdminCreatedEvent;
import org.mailledger.schema.admin.AdminDeletedEvent;
import org.mailledger.schema.admin.AdminDisabledEvent;
import org.mailledger.schema.admin.AdminDomainGrantedEvent;
import org.mailledger.schema.admin.AdminDomainRevokedEvent;
import org.mailledger.schema.admin.AdminEnabledEvent;
import org.mailledger.schema.admin.AdminPasswordChangedEvent;
import org.mailledger.schema.admin.AdminRole;
import org.mailledger.schema.admin.CreateAdminCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.InvalidValueException;

/**
 * An admin account of the REST API. Its commands come through {@link AdminCommandHandler}, which
 * hashes passwords and keeps the name's claim in step in the same transaction.
 */
@Aggregate
public class AdminAccount {

  static final int MAX_GRANTS = 10_000;

  @AggregateIdentifier private String adminId;
  private String name;
  private AdminRole role;
  private boolean active;
  private final Set<String> domains = new LinkedHashSet<>();

  protected AdminAccount() {}

  AdminAccount(CreateAdminCommand command, String passwordHash) {
    if (command.role() == null) {
      throw new InvalidValueException("role", "must be SUPERADMIN or DOMAIN_ADMIN");
    }
    if (command.role() == AdminRole.SUPERADMIN && !command.domains().isEmpty()) {
      throw grantsOnlyForDomainAdmins();
    }
    if (command.domains().size() > MAX_GRANTS) {
      throw invalid("too-many-grants", "an admin takes at most " + MAX_GRANTS + " domains");
    }
    String adminName = command.name().value();
    apply(new AdminCreatedEvent(command.adminId(), adminName, command.role().name(), passwordHash));
    command.domains().stream()
        .map(DomainName::ascii)
        .distinct()
        .forEach(d -> apply(new AdminDomainGrantedEvent(command.adminId(), adminName, d)));
  }

  void changePassword(String passwordHash) {
    apply(new AdminPasswordChangedEvent(adminId, name, passwordHash));
  }

  void grant(DomainName domain) {
    if (role == AdminRole.SUPERADMIN) {
      throw grantsOnlyForDomainAdmins();
    }
    if (domains.contains(domain.ascii())) {
      throw conflict("grant-exists", name + " manages " + domain.ascii() + " already");
    }
    if (domains.size() >= MAX_GRANTS) {
      throw conflict("too-many-grants", "an admin takes at most " + MAX_GRANTS + " domains");
    }
    apply(new AdminDomainGrantedEvent(adminId, name, domain.ascii()));
  }

  void revoke(DomainName domain) {
    if (!domains.contains(domain.ascii())) {
      throw notFound("not-granted", name + " does not manage " + domain.ascii());
    }
    apply(new AdminDomainRevokedEvent(adminId, name, domain.ascii()));
  }

  boolean disable() {
    if (!active) {
      return false;
    }
    apply(new AdminDisabledEvent(adminId, name));
    return true;
  }

  boolean enable() {
    if (active) {
      return false;
    }
    apply(new AdminEnabledEvent(adminId, name));
    return true;
  }

  /** The last active superadmin is protected by the claims, which see every account. */
  void delete() {
    apply(new AdminDeletedEvent(adminId, name));
  }

  String name() {
    return name;
  }

  boolean active() {
    return active;
  }

  private static RuntimeException grantsOnlyForDomainAdmins() {
    return invalid(
        "grant-needs-domain-admin",
        "only a DOMAIN_ADMIN takes domain grants; a SUPERADMIN manages every domain");
  }

  @EventSourcingHandler
  void on(AdminCreatedEvent event) {
    adminId = event.adminId();
    name = event.name();
    role = AdminRole.valueOf(event.role());
    active = true;
  }

  @EventSourcingHandler
  void on(AdminDomainGrantedEvent event) {
    domains.add(event.domain());
  }

  @EventSourcingHandler
  void on(AdminDomainRevokedEvent event) {
    domains.remove(event.domain());
  }

  @EventSourcingHandler
  void on(AdminDisabledEvent event) {
    active = false;
  }

  @EventSourcingHandler
  void on(AdminEnabledEvent event) {
    active = true;
  }

  @EventSourcingHandler
  void on(AdminDeletedEvent event) {
    markDeleted();
  }
}
