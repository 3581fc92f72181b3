package org.mailledger.api.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An admin account as the API shows it: never its password hash. Writes add the log position of
 * their last event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdminView(
    String name,
    String role,
    boolean active,
    List<String> domains,
    Instant createdAt,
    Long position) {

  static AdminView of(AdminRecord admin, Long position) {
    return new AdminView(
        admin.name(), admin.role(), admin.active(), admin.domains(), admin.createdAt(), position);
  }
}
