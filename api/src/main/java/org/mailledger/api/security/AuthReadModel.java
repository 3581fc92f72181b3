package org.mailledger.api.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailledger.schema.eventstore.EventStoreDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads the tables that {@link AuthProjection} keeps: who may log in, with what rights. */
@Component
public class AuthReadModel {

  private static final RowMapper<TokenRecord> TOKEN =
      (rs, n) ->
          new TokenRecord(
              rs.getString("token_id"),
              rs.getString("admin_id"),
              rs.getString("name"),
              rs.getString("description"),
              instant(rs, "created_at"),
              instant(rs, "expires_at"),
              instant(rs, "revoked_at"));

  private static final String TOKENS =
      "SELECT t.token_id, t.admin_id, a.name, t.description, t.created_at, t.expires_at,"
          + " t.revoked_at FROM auth_token t JOIN auth_admin a ON a.admin_id = t.admin_id";

  private final JdbcTemplate jdbc;
  private final EventStoreDialect dialect;

  public AuthReadModel(JdbcTemplate jdbc, EventStoreDialect dialect) {
    this.dialect = dialect;
    this.jdbc = jdbc;
  }

  public boolean anyAdmin() {
    return Boolean.TRUE.equals(
        jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM auth_admin)", Boolean.class));
  }

  public Optional<AdminRecord> admin(String name) {
    return admins("WHERE a.name = ?", name).stream().findFirst();
  }

  public List<AdminRecord> admins() {
    return admins("");
  }

  /** Who a usable token logs in as, with the admin's role and grants: what a request needs. */
  public record TokenLogin(String tokenId, String adminName, String role, List<String> domains) {}

  /**
   * The login of the token with this hash, if it is neither revoked nor expired and its admin is
   * active: token, admin and grants in one query, so every request reads them at once and as one
   * consistent state (a revoked grant counts from the next request on).
   */
  public Optional<TokenLogin> tokenLogin(String tokenHash, Instant now) {
    List<TokenLogin> rows =
        jdbc.query(
            "SELECT t.token_id, a.name, a.role, g.domain FROM auth_token t"
                + " JOIN auth_admin a ON a.admin_id = t.admin_id"
                + " LEFT JOIN auth_grant g ON g.admin_id = a.admin_id"
                + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND a.active"
                + " ORDER BY g.domain",
            (rs, n) ->
                new TokenLogin(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4) == null ? List.of() : List.of(rs.getString(4))),
            tokenHash,
            dialect.instant(now));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    TokenLogin first = rows.get(0);
    List<String> domains = rows.stream().flatMap(r -> r.domains().stream()).toList();
    return Optional.of(new TokenLogin(first.tokenId(), first.adminName(), first.role(), domains));
  }

  public Optional<TokenRecord> token(String tokenId) {
    return jdbc.query(TOKENS + " WHERE t.token_id = ?", TOKEN, tokenId).stream().findFirst();
  }

  public List<TokenRecord> tokens() {
    return jdbc.query(TOKENS + " ORDER BY a.name, t.created_at, t.token_id", TOKEN);
  }

  public List<TokenRecord> tokensOf(String adminName) {
    return jdbc.query(
        TOKENS + " WHERE a.name = ? ORDER BY t.created_at, t.token_id", TOKEN, adminName);
  }

  public List<String> domainsOf(String adminId) {
    return jdbc.queryForList(
        "SELECT domain FROM auth_grant WHERE admin_id = ? ORDER BY domain", String.class, adminId);
  }

  private List<AdminRecord> admins(String where, Object... args) {
    Map<String, AdminRecord> admins = new LinkedHashMap<>();
    jdbc.query(
        "SELECT a.admin_id, a.name, a.role, a.password_hash, a.active, a.created_at FROM auth_admin a "
            + where
            + " ORDER BY a.name",
        rs -> {
          admins.put(
              rs.getString("admin_id"),
              new AdminRecord(
                  rs.getString("admin_id"),
                  rs.getString("name"),
                  rs.getString("role"),
                  rs.getString("password_hash"),
                  rs.getBoolean("active"),
                  instant(rs, "created_at"),
                  List.of()));
        },
        args);
    if (admins.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> grants = new LinkedHashMap<>();
    jdbc.query(
        "SELECT g.admin_id, g.domain FROM auth_grant g JOIN auth_admin a ON a.admin_id = g.admin_id "
            + where
            + " ORDER BY g.domain",
        rs -> {
          grants.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        },
        args);
    return admins.values().stream()
        .map(
            a ->
                new AdminRecord(
                    a.adminId(),
                    a.name(),
                    a.role(),
                    a.passwordHash(),
                    a.active(),
                    a.createdAt(),
                    List.copyOf(grants.getOrDefault(a.adminId(), List.of()))))
        .toList();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    java.sql.Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
