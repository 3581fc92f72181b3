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

  private static final String ALIAS_DOMAINS =
      "SELECT a.domain_id, a.name, a.alias_of, t.name AS target_name, a.active FROM claim_domain a"
          + " JOIN claim_domain t ON t.domain_id = a.alias_of";

  private static final RowMapper<AliasDomainClaim> ALIAS_DOMAIN =
      (rs, n) ->
          new AliasDomainClaim(
              rs.getString("domain_id"),
              rs.getString("name"),
              rs.getString("alias_of"),
              rs.getString("target_name"),
              rs.getBoolean("active"));

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
    requireNameFree(name);
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
      throw nameTaken(name);
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
    // The row lock orders this against claimAliasDomain, which takes it first as well.
    jdbc.query(
        "SELECT domain_id FROM claim_domain WHERE domain_id = ? FOR UPDATE", rs -> {}, domainId);
    // A locking read: on InnoDB a plain read would see the transaction's snapshot, taken before
    // this lock was granted, and miss an alias domain committed while this command waited.
    List<String> aliasDomains =
        jdbc.queryForList(
            "SELECT name FROM claim_domain WHERE alias_of = ? ORDER BY name FOR UPDATE",
            String.class,
            domainId);
    if (!aliasDomains.isEmpty()) {
      DomainClaim domain = domainById(domainId).orElseThrow(() -> unknownDomain(domainId));
      throw conflict(
          "domain-not-empty",
          "domain "
              + domain.name()
              + " is the target of the alias domain(s) "
              + String.join(", ", aliasDomains)
              + "; delete them first",
          aliasDomains);
    }
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
    return jdbc
        .query(
            "SELECT * FROM claim_domain WHERE domain_id = ? AND alias_of IS NULL", DOMAIN, domainId)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<DomainClaim> domainByName(String name) {
    return jdbc
        .query("SELECT * FROM claim_domain WHERE name = ? AND alias_of IS NULL", DOMAIN, name)
        .stream()
        .findFirst();
  }

  @Override
  public void claimAliasDomain(String aliasDomainId, String name, String targetName) {
    List<String[]> targets =
        jdbc.query(
            "SELECT domain_id, alias_of FROM claim_domain WHERE name = ? FOR UPDATE",
            (rs, n) -> new String[] {rs.getString(1), rs.getString(2)},
            targetName);
    if (targets.isEmpty()) {
      throw notFound("unknown-domain", "no domain " + targetName);
    }
    if (targets.get(0)[1] != null) {
      throw conflict(
          "target-is-alias-domain",
          targetName + " is itself an alias domain; an alias domain must point at a hosted domain");
    }
    requireNameFree(name);
    try {
      jdbc.update(
          "INSERT INTO claim_domain (domain_id, name, active, default_quota, max_quota, max_mailboxes,"
              + " max_aliases, alias_of) VALUES (?, ?, TRUE, 0, 0, 0, 0, ?)",
          aliasDomainId,
          name,
          targets.get(0)[0]);
    } catch (DuplicateKeyException e) {
      throw nameTaken(name);
    }
  }

  @Override
  public void setAliasDomainActive(String aliasDomainId, boolean active) {
    if (jdbc.update(
            "UPDATE claim_domain SET active = ? WHERE domain_id = ? AND alias_of IS NOT NULL",
            active,
            aliasDomainId)
        != 1) {
      throw unknownAliasDomain(aliasDomainId);
    }
  }

  @Override
  public void releaseAliasDomain(String aliasDomainId) {
    if (jdbc.update(
            "DELETE FROM claim_domain WHERE domain_id = ? AND alias_of IS NOT NULL", aliasDomainId)
        != 1) {
      throw unknownAliasDomain(aliasDomainId);
    }
  }

  @Override
  public Optional<AliasDomainClaim> aliasDomainByName(String name) {
    return jdbc.query(ALIAS_DOMAINS + " WHERE a.name = ?", ALIAS_DOMAIN, name).stream().findFirst();
  }

  @Override
  public List<AliasDomainClaim> aliasDomainsOf(String targetDomainId) {
    return jdbc.query(
        ALIAS_DOMAINS + " WHERE a.alias_of = ? ORDER BY a.name", ALIAS_DOMAIN, targetDomainId);
  }

  @Override
  public void claimAddress(String address, ClaimKind kind, String ownerId, String domainId) {
    String count = kind == ClaimKind.MAILBOX ? "mailbox_count" : "alias_count";
    String max = kind == ClaimKind.MAILBOX ? "max_mailboxes" : "max_aliases";
    // DomainLimits.hasRoomFor in SQL: checked and counted in one statement, under the row's lock.
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

  /**
   * Says what holds a taken name. Asked before the insert (after a failed one PostgreSQL refuses
   * further statements in the transaction); the unique key still decides races, with the plain
   * message.
   */
  private void requireNameFree(String name) {
    Optional<AliasDomainClaim> alias = aliasDomainByName(name);
    if (alias.isPresent()) {
      throw conflict(
          "domain-exists",
          "domain " + name + " exists already, as an alias domain of " + alias.get().targetName());
    }
  }

  private static RuntimeException nameTaken(String name) {
    return conflict("domain-exists", "domain " + name + " exists already");
  }

  private static RuntimeException unknownAliasDomain(String aliasDomainId) {
    return notFound("unknown-alias-domain", "no alias domain " + aliasDomainId);
  }

  private static RuntimeException unknownDomain(String domainId) {
    return notFound("unknown-domain", "no domain " + domainId);
  }
}
