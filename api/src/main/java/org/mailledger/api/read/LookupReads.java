package org.mailledger.api.read;

import java.net.IDN;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.mailledger.api.web.Page;
import org.mailledger.api.web.PageRequest;
import org.mailledger.projection.lookup.LookupDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads for the API, served from the {@code mum} lookup tables: what Postfix and Dovecot see. They
 * follow the log with the projection's lag; a write with {@code ?wait=true} returns only once they
 * show it.
 */
@Component
public class LookupReads {

  private static final String DOMAIN_COLUMNS =
      "d.id, d.domain, d.description, d.quota, d.max_quota, d.max_mailboxes, d.max_aliases, d.active,"
          + " (SELECT count(*) FROM mailboxes m WHERE m.domain_id = d.id) AS mailbox_count,"
          + " (SELECT count(*) FROM aliases a WHERE a.domain_id = d.id) AS alias_count";

  /** A domain's row and its id, for the alias domains read once the row's query has ended. */
  private record DomainRow(long id, DomainView view) {}

  // Only the row: a query run from inside a row mapper would take a second pooled connection
  // while the first is held, and enough concurrent reads then wait on each other until the pool's
  // time-out (measured: 16 concurrent GET /domains/{d} against a pool of 10 all failed after 30 s).
  private static final RowMapper<DomainRow> DOMAIN_ROW =
      (rs, n) ->
          new DomainRow(
              rs.getLong("id"),
              new DomainView(
                  rs.getString("domain"),
                  IDN.toUnicode(rs.getString("domain")),
                  rs.getString("description"),
                  rs.getLong("quota"),
                  rs.getLong("max_quota"),
                  rs.getInt("max_mailboxes"),
                  rs.getInt("max_aliases"),
                  rs.getBoolean("active"),
                  rs.getLong("mailbox_count"),
                  rs.getLong("alias_count"),
                  List.of()));

  private static final String MAILBOX_COLUMNS =
      "m.local_part, d.domain, m.name, m.quota, m.send_only, m.active, m.homedir";

  private static final RowMapper<MailboxView> MAILBOX =
      (rs, n) -> {
        String domain = rs.getString("domain");
        String local = rs.getString("local_part");
        return new MailboxView(
            local + "@" + domain,
            local + "@" + IDN.toUnicode(domain),
            rs.getString("name"),
            rs.getLong("quota"),
            rs.getBoolean("send_only"),
            rs.getBoolean("active"),
            rs.getString("homedir"));
      };

  private final JdbcTemplate jdbc;

  public LookupReads(LookupDatabase lookup) {
    this.jdbc = lookup.jdbc();
  }

  /** All domains, or only {@code among} when it is not null (a domain admin's grants). */
  public Page<DomainView> domains(PageRequest page, List<String> among) {
    if (among != null && among.isEmpty()) {
      return new Page<>(List.of(), page.page(), page.size(), 0);
    }
    // Alias domains have rows in domains too (Postfix takes them as virtual domains); they are
    // listed under /alias-domains.
    String where =
        " WHERE d.alias_target_id IS NULL"
            + (among == null
                ? ""
                : " AND d.domain IN ("
                    + String.join(", ", Collections.nCopies(among.size(), "?"))
                    + ")");
    List<Object> args = new ArrayList<>(among == null ? List.of() : among);
    long total =
        jdbc.queryForObject("SELECT count(*) FROM domains d" + where, Long.class, args.toArray());
    args.add(page.size());
    args.add(page.offset());
    List<DomainView> items =
        jdbc
            .query(
                "SELECT "
                    + DOMAIN_COLUMNS
                    + " FROM domains d"
                    + where
                    + " ORDER BY d.domain LIMIT ? OFFSET ?",
                DOMAIN_ROW,
                args.toArray())
            .stream()
            .map(this::withAliasDomains)
            .toList();
    return new Page<>(items, page.page(), page.size(), total);
  }

  public Optional<DomainView> domain(String name) {
    return jdbc
        .query(
            "SELECT "
                + DOMAIN_COLUMNS
                + " FROM domains d WHERE d.domain = ? AND d.alias_target_id IS NULL",
            DOMAIN_ROW,
            name)
        .stream()
        .findFirst()
        .map(this::withAliasDomains);
  }

  private DomainView withAliasDomains(DomainRow row) {
    return row.view()
        .withAliasDomains(
            jdbc.queryForList(
                "SELECT domain FROM domains WHERE alias_target_id = ? ORDER BY domain",
                String.class,
                row.id()));
  }

  private static final String ALIAS_DOMAINS =
      "SELECT b.domain, t.domain AS target, b.alias_active, b.active FROM domains b"
          + " JOIN domains t ON t.id = b.alias_target_id";

  private static final RowMapper<AliasDomainView> ALIAS_DOMAIN =
      (rs, n) ->
          new AliasDomainView(
              rs.getString("domain"),
              IDN.toUnicode(rs.getString("domain")),
              rs.getString("target"),
              rs.getBoolean("alias_active"),
              rs.getBoolean("active"));

  /** All alias domains, or only those whose target is {@code among} when it is not null. */
  public Page<AliasDomainView> aliasDomains(PageRequest page, List<String> among) {
    if (among != null && among.isEmpty()) {
      return new Page<>(List.of(), page.page(), page.size(), 0);
    }
    String where =
        among == null
            ? ""
            : " WHERE t.domain IN ("
                + String.join(", ", Collections.nCopies(among.size(), "?"))
                + ")";
    List<Object> args = new ArrayList<>(among == null ? List.of() : among);
    long total =
        jdbc.queryForObject(
            "SELECT count(*) FROM domains b JOIN domains t ON t.id = b.alias_target_id" + where,
            Long.class,
            args.toArray());
    args.add(page.size());
    args.add(page.offset());
    List<AliasDomainView> items =
        jdbc.query(
            ALIAS_DOMAINS + where + " ORDER BY b.domain LIMIT ? OFFSET ?",
            ALIAS_DOMAIN,
            args.toArray());
    return new Page<>(items, page.page(), page.size(), total);
  }

  public Optional<AliasDomainView> aliasDomain(String name) {
    return jdbc.query(ALIAS_DOMAINS + " WHERE b.domain = ?", ALIAS_DOMAIN, name).stream()
        .findFirst();
  }

  public Page<MailboxView> mailboxes(String domain, PageRequest page) {
    long total =
        jdbc.queryForObject(
            "SELECT count(*) FROM mailboxes m JOIN domains d ON m.domain_id = d.id WHERE d.domain = ?",
            Long.class,
            domain);
    List<MailboxView> items =
        jdbc.query(
            "SELECT "
                + MAILBOX_COLUMNS
                + " FROM mailboxes m JOIN domains d ON m.domain_id = d.id WHERE d.domain = ?"
                + " ORDER BY m.local_part LIMIT ? OFFSET ?",
            MAILBOX,
            domain,
            page.size(),
            page.offset());
    return new Page<>(items, page.page(), page.size(), total);
  }

  public Optional<MailboxView> mailbox(String localPart, String domain) {
    return jdbc
        .query(
            "SELECT "
                + MAILBOX_COLUMNS
                + " FROM mailboxes m JOIN domains d ON m.domain_id = d.id"
                + " WHERE m.local_part = ? AND d.domain = ?",
            MAILBOX,
            localPart,
            domain)
        .stream()
        .findFirst();
  }

  public Page<AliasView> aliases(String domain, PageRequest page) {
    long total =
        jdbc.queryForObject(
            "SELECT count(*) FROM aliases a JOIN domains d ON a.domain_id = d.id WHERE d.domain = ?",
            Long.class,
            domain);
    List<Long> ids =
        jdbc.queryForList(
            "SELECT a.id FROM aliases a JOIN domains d ON a.domain_id = d.id WHERE d.domain = ?"
                + " ORDER BY a.local_part LIMIT ? OFFSET ?",
            Long.class,
            domain,
            page.size(),
            page.offset());
    return new Page<>(ids.stream().map(this::alias).toList(), page.page(), page.size(), total);
  }

  /** {@code localPart} empty for the catch-all. */
  public Optional<AliasView> alias(String localPart, String domain) {
    return jdbc
        .queryForList(
            "SELECT a.id FROM aliases a JOIN domains d ON a.domain_id = d.id WHERE a.local_part = ? AND d.domain = ?",
            Long.class,
            localPart,
            domain)
        .stream()
        .findFirst()
        .map(this::alias);
  }

  private AliasView alias(long id) {
    var row =
        jdbc.queryForMap(
            "SELECT a.local_part, a.description, a.active, d.domain FROM aliases a JOIN domains d ON a.domain_id = d.id WHERE a.id = ?",
            id);
    List<String> recipients =
        jdbc.queryForList(
            "SELECT recipient_address FROM alias_recipients WHERE alias_id = ? ORDER BY recipient_address",
            String.class,
            id);
    List<String> senders =
        jdbc.queryForList(
            "SELECT CONCAT(m.local_part, '@', d.domain) FROM alias_senders s JOIN mailboxes m ON s.mailbox_id = m.id"
                + " JOIN domains d ON m.domain_id = d.id WHERE s.alias_id = ? ORDER BY 1",
            String.class,
            id);
    String local = (String) row.get("local_part");
    boolean active =
        row.get("active") instanceof Boolean b ? b : ((Number) row.get("active")).intValue() == 1;
    return new AliasView(
        local + "@" + row.get("domain"),
        local.isEmpty(),
        (String) row.get("description"),
        active,
        recipients,
        senders);
  }

  public Page<TlsPolicyView> tlsPolicies(PageRequest page) {
    long total = jdbc.queryForObject("SELECT count(*) FROM tls_policies", Long.class);
    List<TlsPolicyView> items =
        jdbc.query(
            "SELECT domain, policy, params, description FROM tls_policies ORDER BY domain LIMIT ? OFFSET ?",
            (rs, n) ->
                new TlsPolicyView(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3) == null ? "" : rs.getString(3),
                    rs.getString(4)),
            page.size(),
            page.offset());
    return new Page<>(items, page.page(), page.size(), total);
  }
}
