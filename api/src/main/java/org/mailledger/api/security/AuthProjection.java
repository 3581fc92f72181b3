package org.mailledger.api.security;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.mailledger.schema.admin.AdminCreatedEvent;
import org.mailledger.schema.admin.AdminDeletedEvent;
import org.mailledger.schema.admin.AdminDisabledEvent;
import org.mailledger.schema.admin.AdminDomainGrantedEvent;
import org.mailledger.schema.admin.AdminDomainRevokedEvent;
import org.mailledger.schema.admin.AdminEnabledEvent;
import org.mailledger.schema.admin.AdminPasswordChangedEvent;
import org.mailledger.schema.admin.ApiTokenIssuedEvent;
import org.mailledger.schema.admin.ApiTokenRevokedEvent;
import org.mailledger.schema.eventstore.EventStoreDialect;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps auth_admin, auth_grant and auth_token. Its processor subscribes to the event bus (see
 * {@link AuthProcessorConfig}), so these writes run in the transaction that appends the events: a
 * new admin or token authenticates on the very next request, and a failing write rolls the command
 * back rather than leaving the log and the read model apart. Every write is idempotent.
 */
@ProcessingGroup(AuthProjection.GROUP)
public class AuthProjection {

  public static final String GROUP = "auth-read-model";

  private final JdbcTemplate jdbc;
  private final EventStoreDialect dialect;

  public AuthProjection(JdbcTemplate jdbc, EventStoreDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  @EventHandler
  void on(AdminCreatedEvent event, @Timestamp Instant at) {
    jdbc.update(
        dialect.upsert(
            "INSERT INTO auth_admin (admin_id, name, role, password_hash, active, created_at)"
                + " VALUES (?, ?, ?, ?, TRUE, ?)",
            "admin_id",
            List.of("name", "role", "password_hash", "active")),
        event.adminId(),
        event.name(),
        event.role(),
        event.passwordHash(),
        utc(at));
  }

  @EventHandler
  void on(AdminPasswordChangedEvent event) {
    update(
        "UPDATE auth_admin SET password_hash = ? WHERE admin_id = ?",
        event.passwordHash(),
        event.adminId());
  }

  @EventHandler
  void on(AdminDomainGrantedEvent event) {
    jdbc.update(
        dialect.insertUnlessPresent(
            "INSERT INTO auth_grant (admin_id, domain) VALUES (?, ?)", "admin_id, domain"),
        event.adminId(),
        event.domain());
  }

  @EventHandler
  void on(AdminDomainRevokedEvent event) {
    jdbc.update(
        "DELETE FROM auth_grant WHERE admin_id = ? AND domain = ?",
        event.adminId(),
        event.domain());
  }

  @EventHandler
  void on(AdminDisabledEvent event) {
    update("UPDATE auth_admin SET active = FALSE WHERE admin_id = ?", event.adminId());
  }

  @EventHandler
  void on(AdminEnabledEvent event) {
    update("UPDATE auth_admin SET active = TRUE WHERE admin_id = ?", event.adminId());
  }

  /** Grants and tokens go with the account (ON DELETE CASCADE). */
  @EventHandler
  void on(AdminDeletedEvent event) {
    jdbc.update("DELETE FROM auth_admin WHERE admin_id = ?", event.adminId());
  }

  @EventHandler
  void on(ApiTokenIssuedEvent event, @Timestamp Instant at) {
    jdbc.update(
        dialect.insertUnlessPresent(
            "INSERT INTO auth_token (token_id, admin_id, token_hash, description, created_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
            "token_id"),
        event.tokenId(),
        event.adminId(),
        event.tokenHash(),
        event.description(),
        utc(at),
        utc(Instant.parse(event.expiresAt())));
  }

  /** The row is gone when the admin was deleted first; then there is nothing left to revoke. */
  @EventHandler
  void on(ApiTokenRevokedEvent event, @Timestamp Instant at) {
    jdbc.update(
        "UPDATE auth_token SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL",
        utc(at),
        event.tokenId());
  }

  private Object utc(Instant instant) {
    return dialect.instant(instant);
  }

  /** A change to an account that is missing would silently lose a lock-out: refuse it instead. */
  private void update(String sql, Object... args) {
    if (jdbc.update(sql, args) != 1) {
      throw new IllegalStateException("auth read model has no admin " + args[args.length - 1]);
    }
  }
}
