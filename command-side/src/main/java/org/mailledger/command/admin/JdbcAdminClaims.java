package org.mailledger.command.admin;

import static org.mailledger.command.error.RuleViolationException.conflict;
import static org.mailledger.command.error.RuleViolationException.notFound;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The admin claims in the event store's database. The unique key on the name settles concurrent
 * creations; locking every active superadmin row, always in the same order, serializes the commands
 * that could take away the last one, without deadlocks.
 */
public class JdbcAdminClaims implements AdminClaims {

  private static final RowMapper<AdminClaim> CLAIM =
      (rs, n) ->
          new AdminClaim(
              rs.getString("admin_id"),
              rs.getString("name"),
              rs.getBoolean("superadmin"),
              rs.getBoolean("active"));

  private final JdbcTemplate jdbc;

  public JdbcAdminClaims(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void claimAdmin(String adminId, String name, boolean superadmin) {
    try {
      jdbc.update(
          "INSERT INTO claim_admin (admin_id, name, superadmin, active) VALUES (?, ?, ?, TRUE)",
          adminId,
          name,
          superadmin);
    } catch (DuplicateKeyException e) {
      throw conflict("admin-exists", "admin " + name + " exists already");
    }
  }

  @Override
  public void setActive(String adminId, boolean active) {
    if (!active) {
      keepOneActiveSuperadmin(adminId);
    }
    if (jdbc.update("UPDATE claim_admin SET active = ? WHERE admin_id = ?", active, adminId) != 1) {
      throw unknownAdmin(adminId);
    }
  }

  @Override
  public void releaseAdmin(String adminId) {
    keepOneActiveSuperadmin(adminId);
    if (jdbc.update("DELETE FROM claim_admin WHERE admin_id = ?", adminId) != 1) {
      throw unknownAdmin(adminId);
    }
  }

  @Override
  public Optional<AdminClaim> adminById(String adminId) {
    return jdbc.query("SELECT * FROM claim_admin WHERE admin_id = ?", CLAIM, adminId).stream()
        .findFirst();
  }

  @Override
  public Optional<AdminClaim> adminByName(String name) {
    return jdbc.query("SELECT * FROM claim_admin WHERE name = ?", CLAIM, name).stream().findFirst();
  }

  private void keepOneActiveSuperadmin(String adminId) {
    // A waiting FOR UPDATE re-reads the rows it waited for, so after a concurrent disable commits
    // this sees the account as inactive and refuses the second one.
    List<String> active =
        jdbc.queryForList(
            "SELECT admin_id FROM claim_admin WHERE superadmin AND active ORDER BY admin_id"
                + " FOR UPDATE",
            String.class);
    if (active.equals(List.of(adminId))) {
      throw conflict(
          "last-superadmin",
          "this is the last active SUPERADMIN; create or enable another one first");
    }
  }

  private static RuntimeException unknownAdmin(String adminId) {
    return notFound("unknown-admin", "no admin " + adminId);
  }
}
