package org.mailledger.command.claim;

import static org.mailledger.command.error.RuleViolationException.conflict;
import static org.mailledger.command.error.RuleViolationException.notFound;

import java.util.List;
import java.util.Optional;
import org.mailledger.schema.eventstore.EventStoreDialect;
import org.mailledger.schema.value.Quota;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The claims in the event store's own database. Races are settled by the database: the unique keys
 * for names and addresses, and the row lock that the counting UPDATE takes on the domain row for
 * limits, so two nodes cannot both take the last mailbox slot.
 */
public class JdbcClaims implements Claims {

  private static final RowMapper<DomainClaim> DOMAIN =
      (rs, n) ->
          new DomainClaim(
              rs.getString("domain_id"),
              rs.getString("name"),
              rs.getBoolean("active"),
              Quota.ofBytes(rs.getLong("default_quota")),
              Quota.ofBytes(rs.getLong("max_quota")),
              rs.getInt("max_mailboxes"),
              rs.getInt("max_aliases"),
              rs.getInt("mailbox_count"),
              rs.getInt("alias_count"));

  private static final RowMapper<AddressClaim> ADDRESS =
      (rs, n) ->
          new AddressClaim(
              rs.getString(1),
              ClaimKind.valueOf(rs.getString(2)),
              rs.getString(3),
              rs.getString(4));

  private final JdbcTemplate jdbc;
  private final EventStoreDialect dialect;

  public JdbcClaims(JdbcTemplate jdbc, EventStoreDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  @Override
  public void claimDomain(String domainId, String name, DomainLimits limits) {
    try {
      jdbc.update(
          "INSERT INTO claim_domain (domain_id, name, active, default_quota, max_quota, max_mailboxes,"
              + " max_aliases) VALUES (?, ?, TRUE, ?, ?, ?, ?)",
          domainId,
          name,
          limits.defaultQuota().bytes(),
          limits.maxQuota().bytes(),
          limits.maxMailboxes(),
          limits.maxAliases());
    } catch (DuplicateKeyException e) {
      throw conflict("domain-exists", "domain " + name + " exists already");
    }
  }

  @Override
  public void changeDomainLimits(String domainId, DomainLimits limits) {
    requireOne(
        jdbc.update(
            "UPDATE claim_domain SET default_quota = ?, max_quota = ?, max_mailboxes = ?, max_aliases = ?"
                + " WHERE domain_id = ?",
            limits.defaultQuota().bytes(),
            limits.maxQuota().bytes(),
            limits.maxMailboxes(),
            limits.maxAliases(),
            domainId),
        domainId);
  }

  @Override
  public void setDomainActive(String domainId, boolean active) {
    requireOne(
        jdbc.update("UPDATE claim_domain SET active = ? WHERE domain_id = ?", active, domainId),
        domainId);
  }

  @Override
  public void releaseDomain(String domainId) {
    int deleted =
        jdbc.update(
            "DELETE FROM claim_domain WHERE domain_id = ? AND mailbox_count = 0 AND alias_count = 0",
            domainId);
    if (deleted == 0) {
      DomainClaim domain = domainById(domainId).orElseThrow(() -> unknownDomain(domainId));
      throw conflict(
          "domain-not-empty",
          "domain "
              + domain.name()
              + " still holds "
              + domain.mailboxCount()
              + " mailbox(es) and "
              + domain.aliasCount()
              + " alias(es); delete them first");
    }
  }

  @Override
  public Optional<DomainClaim> domainById(String domainId) {
    return jdbc.query("SELECT * FROM claim_domain WHERE domain_id = ?", DOMAIN, domainId).stream()
        .findFirst();
  }

  @Override
  public Optional<DomainClaim> domainByName(String name) {
    return jdbc.query("SELECT * FROM claim_domain WHERE name = ?", DOMAIN, name).stream()
        .findFirst();
  }

  @Override
  public void claimAddress(String address, ClaimKind kind, String ownerId, String domainId) {
    String count = kind == ClaimKind.MAILBOX ? "mailbox_count" : "alias_count";
    String max = kind == ClaimKind.MAILBOX ? "max_mailboxes" : "max_aliases";
    int counted =
        jdbc.update(
            "UPDATE claim_domain SET "
                + count
                + " = "
                + count
                + " + 1 WHERE domain_id = ? AND active AND ("
                + max
                + " = 0 OR "
                + count
                + " < "
                + max
                + ")",
            domainId);
    if (counted == 0) {
      DomainClaim domain = domainById(domainId).orElseThrow(() -> unknownDomain(domainId));
      if (!domain.active()) {
        throw conflict("domain-inactive", "domain " + domain.name() + " is inactive");
      }
      throw kind == ClaimKind.MAILBOX
          ? conflict(
              "mailbox-limit-reached",
              "domain "
                  + domain.name()
                  + " holds its maximum of "
                  + domain.maxMailboxes()
                  + " mailboxes")
          : conflict(
              "alias-limit-reached",
              "domain "
                  + domain.name()
                  + " holds its maximum of "
                  + domain.maxAliases()
                  + " aliases");
    }
    try {
      jdbc.update(
          "INSERT INTO claim_address (address, kind, owner_id, domain_id) VALUES (?, ?, ?, ?)",
          address,
          kind.name(),
          ownerId,
          domainId);
    } catch (DuplicateKeyException e) {
      throw conflict("address-taken", address + " is in use already");
    }
  }

  @Override
  public void moveAddress(String oldAddress, String newAddress) {
    try {
      if (jdbc.update(
              "UPDATE claim_address SET address = ? WHERE address = ?", newAddress, oldAddress)
          != 1) {
        throw notFound("unknown-address", oldAddress + " is not in use");
      }
    } catch (DuplicateKeyException e) {
      throw conflict("address-taken", newAddress + " is in use already");
    }
    jdbc.update(
        "UPDATE claim_alias_reference SET target_address = ? WHERE target_address = ?",
        newAddress,
        oldAddress);
  }

  @Override
  public void releaseAddress(String address) {
    // The row lock makes the read and the delete one step, as DELETE ... RETURNING would on
    // PostgreSQL alone; a concurrent release waits here and then finds no row.
    List<AddressClaim> claims =
        jdbc.query(
            "SELECT address, kind, owner_id, domain_id FROM claim_address WHERE address = ?"
                + " FOR UPDATE",
            ADDRESS,
            address);
    if (claims.isEmpty()) {
      throw notFound("unknown-address", address + " is not in use");
    }
    jdbc.update("DELETE FROM claim_address WHERE address = ?", address);
    AddressClaim claim = claims.get(0);
    String count = claim.kind() == ClaimKind.MAILBOX ? "mailbox_count" : "alias_count";
    jdbc.update(
        "UPDATE claim_domain SET " + count + " = " + count + " - 1 WHERE domain_id = ?",
        claim.domainId());
  }

  @Override
  public Optional<AddressClaim> address(String address) {
    return jdbc
        .query(
            "SELECT address, kind, owner_id, domain_id FROM claim_address WHERE address = ?",
            ADDRESS,
            address)
        .stream()
        .findFirst();
  }

  @Override
  public List<AliasReference> referencesTo(String targetAddress) {
    return jdbc.query(
        "SELECT r.alias_id, a.address, r.target_address, r.role FROM claim_alias_reference r"
            + " JOIN claim_address a ON a.owner_id = r.alias_id"
            + " WHERE r.target_address = ? ORDER BY a.address, r.role",
        (rs, n) ->
            new AliasReference(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                ReferenceRole.valueOf(rs.getString(4))),
        targetAddress);
  }

  @Override
  public void addReference(String aliasId, String targetAddress, ReferenceRole role) {
    jdbc.update(
        dialect.insertUnlessPresent(
            "INSERT INTO claim_alias_reference (alias_id, target_address, role) VALUES (?, ?, ?)",
            "alias_id, target_address, role"),
        aliasId,
        targetAddress,
        role.name());
  }

  @Override
  public void removeReference(String aliasId, String targetAddress, ReferenceRole role) {
    jdbc.update(
        "DELETE FROM claim_alias_reference WHERE alias_id = ? AND target_address = ? AND role = ?",
        aliasId,
        targetAddress,
        role.name());
  }

  @Override
  public void removeReferencesFrom(String aliasId) {
    jdbc.update("DELETE FROM claim_alias_reference WHERE alias_id = ?", aliasId);
  }

  private static void requireOne(int updated, String what) {
    if (updated != 1) {
      throw unknownDomain(what);
    }
  }

  private static RuntimeException unknownDomain(String domainId) {
    return notFound("unknown-domain", "no domain " + domainId);
  }
}
