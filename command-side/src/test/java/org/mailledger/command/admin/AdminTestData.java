package org.mailledger.command.admin;

import java.time.Instant;
import java.util.List;
import org.mailledger.schema.admin.AdminCreatedEvent;
import org.mailledger.schema.admin.AdminName;
import org.mailledger.schema.admin.AdminRole;
import org.mailledger.schema.admin.CreateAdminCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.Secret;

/** Shared values for the admin and token aggregate tests. */
final class AdminTestData {

  static final String ADMIN_ID = "e0000000-0000-0000-0000-000000000001";
  static final String OTHER_ADMIN_ID = "e0000000-0000-0000-0000-000000000002";
  static final String TOKEN_ID = "f0000000-0000-0000-0000-000000000001";
  static final String NAME = "alice";
  static final String DOMAIN = "example.org";
  static final String OTHER_DOMAIN = "example.net";
  static final String PASSWORD = "a long admin password";
  static final String HASH = "{bcrypt}$2a$04$abcdefghijklmnopqrstuu5Yy3xQ8DtrW0eHbsyL.LVpr/DWw6X2q";
  static final String SECRET = "mlt_fixed-secret-for-tests";
  static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");

  private AdminTestData() {}

  static CreateAdminCommand createDomainAdmin(String... domains) {
    return new CreateAdminCommand(
        ADMIN_ID,
        AdminName.of(NAME),
        AdminRole.DOMAIN_ADMIN,
        new Secret(PASSWORD),
        List.of(domains).stream().map(DomainName::of).toList());
  }

  static CreateAdminCommand createSuperadmin() {
    return new CreateAdminCommand(
        ADMIN_ID, AdminName.of(NAME), AdminRole.SUPERADMIN, new Secret(PASSWORD), List.of());
  }

  static AdminCreatedEvent domainAdminCreated() {
    return new AdminCreatedEvent(ADMIN_ID, NAME, "DOMAIN_ADMIN", HASH);
  }

  static AdminCreatedEvent superadminCreated() {
    return new AdminCreatedEvent(ADMIN_ID, NAME, "SUPERADMIN", HASH);
  }
}
