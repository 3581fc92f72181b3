package org.mailledger.projection.mum;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.lookup.WriteBatch;
import org.mailledger.projection.support.RowId;
import org.mailledger.schema.alias.AliasCreatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainActivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainCreatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeactivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeletedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;

/**
 * MUM has no alias-domain table, so an alias domain B of a hosted domain A is expanded into rows: a
 * row in {@code domains} (Postfix then takes B as a virtual domain), and for every mailbox and
 * alias x@A a row x@B in {@code aliases} ({@code expanded_from} = the id of the row it answers for)
 * that forwards to x@A, or, for A's catch-all, carries copies of its recipients; whoever may send
 * as x@A (a mailbox itself, an alias's senders) may send as x@B. x@B is an address, never a login:
 * no row of {@code mailboxes} is made for it.
 *
 * <p>The writes are set-based statements that find "every alias domain of A" or "every row expanded
 * from x" in the tables when the batch is sent, in event order, so no handler reads a table. An
 * expanded row's id is the XOR of the id of the row it comes from and of B's id: the same log gives
 * the same ids on every replay, and the database computes them itself. A's events and B's are in
 * one sequence (the sequencing policy puts B's with its target), so these statements never race a
 * segment that applies A.
 *
 * <p>Because B's events go with A's, a name passing from one owner to another (B deleted as an
 * alias domain of A and made one of C, or a hosted domain) may have its new row written before
 * another segment removes the old one; only hosted domains have a unique name in {@code domains},
 * and every statement here that finds A by name asks for a hosted row.
 *
 * <p>B's {@code active} is its own flag ({@code alias_active}) and A's: while A is inactive, B's
 * addresses are unknown to Postfix rather than forwarded to a domain that takes no mail. A
 * send-only mailbox's row in B is inactive, as no mail may reach it.
 */
final class AliasDomainExpansion {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{(\\w+)(?:\\(([^,\\s()]+), ([^,\\s()]+)\\))?}");

  /** An address, or one catch-all recipient, copied to the alias domains of its domain. */
  private static final String COPIES_OF_ONE_RECIPIENT =
      """
      SELECT ${xor(?, d.id)}, ${xor(?, d.id)}, ?, NULL
      FROM ${domains} d
      WHERE d.alias_target_id = ?
      """;

  private final Dialect dialect;
  private final String domains;
  private final String mailboxes;
  private final String aliases;
  private final String recipients;
  private final String senders;

  AliasDomainExpansion(Dialect dialect, String prefix) {
    this.dialect = dialect;
    domains = prefix + "domains";
    mailboxes = prefix + "mailboxes";
    aliases = prefix + "aliases";
    recipients = prefix + "alias_recipients";
    senders = prefix + "alias_senders";
  }

  void on(AliasDomainCreatedEvent e, WriteBatch batch) {
    targets(batch).added(e.targetDomain());
    long b = RowId.of(e.aliasDomainId());
    String target = e.targetDomain();
    batch.execute(
        insert(
            domains,
            List.of(
                "id",
                "aggregate_id",
                "domain",
                "description",
                "active",
                "alias_target_id",
                "alias_active"),
            sql(
                """
                SELECT ?, ?, ?, ?, t.active, t.id, TRUE
                FROM ${domains} t
                WHERE t.domain = ? AND t.alias_target_id IS NULL
                """)),
        "target domain " + target + " of alias domain " + e.aliasDomain(),
        b,
        e.aliasDomainId(),
        e.aliasDomain(),
        "alias domain of " + target,
        target);
    batch.execute(
        insertAliases(
            """
            SELECT ${xor(m.id, ?)}, NULL, m.local_part, '', ?, (m.active AND NOT m.send_only), m.id
            FROM ${mailboxes} m JOIN ${domains} t ON t.id = m.domain_id
            WHERE t.domain = ? AND t.alias_target_id IS NULL
            """),
        null,
        b,
        b,
        target);
    batch.execute(
        insertAliases(
            """
            SELECT ${xor(a.id, ?)}, NULL, a.local_part, '', ?, a.active, a.id
            FROM ${aliases} a JOIN ${domains} t ON t.id = a.domain_id
            WHERE t.domain = ? AND t.alias_target_id IS NULL
            """),
        null,
        b,
        b,
        target);
    batch.execute(
        insertRecipients(
            """
            SELECT x.id, x.id, CONCAT(x.local_part, '@', ?), NULL
            FROM ${aliases} x
            WHERE x.domain_id = ? AND x.local_part <> ''
            """),
        null,
        target,
        b);
    batch.execute(
        insertRecipients(
            """
            SELECT ${xor(r.id, ?)}, ${xor(r.alias_id, ?)}, r.recipient_address, NULL
            FROM ${recipients} r
            JOIN ${aliases} a ON a.id = r.alias_id
            JOIN ${domains} t ON t.id = a.domain_id
            WHERE t.domain = ? AND t.alias_target_id IS NULL AND a.local_part = ''
            """),
        null,
        b,
        b,
        target);
    batch.execute(
        insertSenders(
            """
            SELECT ${xor(m.id, ?)}, ${xor(m.id, ?)}, m.id
            FROM ${mailboxes} m JOIN ${domains} t ON t.id = m.domain_id
            WHERE t.domain = ? AND t.alias_target_id IS NULL
            """),
        null,
        b,
        b,
        target);
    batch.execute(
        insertSenders(
            """
            SELECT ${xor(s.id, ?)}, ${xor(s.alias_id, ?)}, s.mailbox_id
            FROM ${senders} s
            JOIN ${aliases} a ON a.id = s.alias_id
            JOIN ${domains} t ON t.id = a.domain_id
            WHERE t.domain = ? AND t.alias_target_id IS NULL
            """),
        null,
        b,
        b,
        target);
  }

  void on(AliasDomainActivatedEvent e, WriteBatch batch) {
    long b = RowId.of(e.aliasDomainId());
    batch.execute(
        sql("UPDATE ${domains} SET alias_active = TRUE WHERE id = ?"),
        "alias domain " + e.aliasDomain(),
        b);
    batch.execute(
        dialect == Dialect.POSTGRESQL
            ? sql(
                """
                UPDATE ${domains} b SET active = t.active
                FROM ${domains} t
                WHERE b.id = ? AND t.id = b.alias_target_id
                """)
            : sql(
                """
                UPDATE ${domains} b JOIN ${domains} t ON t.id = b.alias_target_id
                SET b.active = t.active
                WHERE b.id = ?
                """),
        null,
        b);
  }

  void on(AliasDomainDeactivatedEvent e, WriteBatch batch) {
    batch.execute(
        sql("UPDATE ${domains} SET alias_active = FALSE, active = FALSE WHERE id = ?"),
        "alias domain " + e.aliasDomain(),
        RowId.of(e.aliasDomainId()));
  }

  void on(AliasDomainDeletedEvent e, WriteBatch batch) {
    long b = RowId.of(e.aliasDomainId());
    batch.execute(
        sql(
            """
            DELETE FROM ${recipients}
            WHERE alias_id IN (SELECT id FROM ${aliases} WHERE domain_id = ?)
            """),
        null,
        b);
    batch.execute(
        sql(
            """
            DELETE FROM ${senders}
            WHERE alias_id IN (SELECT id FROM ${aliases} WHERE domain_id = ?)
            """),
        null,
        b);
    batch.execute(sql("DELETE FROM ${aliases} WHERE domain_id = ?"), null, b);
    batch.execute(sql("DELETE FROM ${domains} WHERE id = ?"), "alias domain " + e.aliasDomain(), b);
  }

  /** A target domain's active flag, carried to its alias domains. */
  void targetActive(String domainId, String name, boolean active, WriteBatch batch) {
    if (!targets(batch).mayHave(name)) {
      return;
    }
    batch.execute(
        active
            ? sql("UPDATE ${domains} SET active = alias_active WHERE alias_target_id = ?")
            : sql("UPDATE ${domains} SET active = FALSE WHERE alias_target_id = ?"),
        null,
        RowId.of(domainId));
  }

  void mailboxCreated(MailboxCreatedEvent e, WriteBatch batch) {
    if (!targets(batch).mayHave(domainPart(e.address()))) {
      return;
    }
    long m = RowId.of(e.mailboxId());
    long a = RowId.of(e.domainId());
    batch.execute(
        insertAliases(
            """
            SELECT ${xor(?, d.id)}, NULL, ?, '', d.id, ?, ?
            FROM ${domains} d
            WHERE d.alias_target_id = ?
            """),
        null,
        m,
        localPart(e.address()),
        !e.sendOnly(),
        m,
        a);
    batch.execute(insertRecipients(COPIES_OF_ONE_RECIPIENT), null, m, m, e.address(), a);
    batch.execute(
        insertSenders(
            """
            SELECT ${xor(?, d.id)}, ${xor(?, d.id)}, ?
            FROM ${domains} d
            WHERE d.alias_target_id = ?
            """),
        null,
        m,
        m,
        m,
        a);
  }

  /** After a mailbox's active or send-only flag changed: its rows answer while it takes mail. */
  void mailboxReceiving(String mailboxId, String address, WriteBatch batch) {
    if (!targets(batch).mayHave(domainPart(address))) {
      return;
    }
    long m = RowId.of(mailboxId);
    batch.execute(
        sql(
            """
            UPDATE ${aliases}
            SET active = (SELECT (m.active AND NOT m.send_only) FROM ${mailboxes} m WHERE m.id = ?)
            WHERE expanded_from = ?
            """),
        null,
        m,
        m);
  }

  void mailboxRenamed(String mailboxId, String newAddress, WriteBatch batch) {
    if (!targets(batch).mayHave(domainPart(newAddress))) {
      return;
    }
    long m = RowId.of(mailboxId);
    batch.execute(
        sql("UPDATE ${aliases} SET local_part = ? WHERE expanded_from = ?"),
        null,
        localPart(newAddress),
        m);
    batch.execute(
        sql(
            """
            UPDATE ${recipients} SET recipient_address = ?
            WHERE alias_id IN (SELECT id FROM ${aliases} WHERE expanded_from = ?)
            """),
        null,
        newAddress,
        m);
  }

  /** The rows expanded from a mailbox or an alias, gone with it. */
  void sourceDeleted(String aggregateId, String address, WriteBatch batch) {
    if (!targets(batch).mayHave(domainPart(address))) {
      return;
    }
    long source = RowId.of(aggregateId);
    batch.execute(
        sql(
            """
            DELETE FROM ${recipients}
            WHERE alias_id IN (SELECT id FROM ${aliases} WHERE expanded_from = ?)
            """),
        null,
        source);
    batch.execute(
        sql(
            """
            DELETE FROM ${senders}
            WHERE alias_id IN (SELECT id FROM ${aliases} WHERE expanded_from = ?)
            """),
        null,
        source);
    batch.execute(sql("DELETE FROM ${aliases} WHERE expanded_from = ?"), null, source);
  }

  void aliasCreated(AliasCreatedEvent e, WriteBatch batch) {
    if (!targets(batch).mayHave(domainPart(e.address()))) {
      return;
    }
    long alias = RowId.of(e.aliasId());
    long a = RowId.of(e.domainId());
    String local = localPart(e.address());
    batch.execute(
        insertAliases(
            """
            SELECT ${xor(?, d.id)}, NULL, ?, '', d.id, TRUE, ?
            FROM ${domains} d
            WHERE d.alias_target_id = ?
            """),
        null,
        alias,
        local,
        alias,
        a);
    String sql = insertRecipients(COPIES_OF_ONE_RECIPIENT);
    if (local.isEmpty()) {
      for (String recipient : e.recipients()) {
        batch.execute(sql, null, RowId.of(e.aliasId(), recipient), alias, recipient, a);
      }
    } else {
      batch.execute(sql, null, alias, alias, e.address(), a);
    }
  }

  /** A recipient added to a catch-all is copied to its rows in the alias domains. */
  void catchAllRecipientAdded(String aliasId, String address, String recipient, WriteBatch batch) {
    if (!targets(batch).mayHave(domainPart(address))) {
      return;
    }
    batch.execute(
        insertRecipients(
            """
            SELECT ${xor(?, x.domain_id)}, x.id, ?, NULL
            FROM ${aliases} x
            WHERE x.expanded_from = ?
            """),
        null,
        RowId.of(aliasId, recipient),
        recipient,
        RowId.of(aliasId));
  }

  void catchAllRecipientRemoved(
      String aliasId, String address, String recipient, WriteBatch batch) {
    if (!targets(batch).mayHave(domainPart(address))) {
      return;
    }
    batch.execute(
        sql(
            """
            DELETE FROM ${recipients}
            WHERE alias_id IN (SELECT id FROM ${aliases} WHERE expanded_from = ?)
              AND recipient_address = ?
            """),
        null,
        RowId.of(aliasId),
        recipient);
  }

  void aliasSenderAdded(String aliasId, String address, String mailboxId, WriteBatch batch) {
    if (!targets(batch).mayHave(domainPart(address))) {
      return;
    }
    batch.execute(
        insertSenders(
            """
            SELECT ${xor(?, x.domain_id)}, x.id, ?
            FROM ${aliases} x
            WHERE x.expanded_from = ?
            """),
        null,
        RowId.of(aliasId, mailboxId),
        RowId.of(mailboxId),
        RowId.of(aliasId));
  }

  void aliasSenderRemoved(String aliasId, String address, String mailboxId, WriteBatch batch) {
    if (!targets(batch).mayHave(domainPart(address))) {
      return;
    }
    batch.execute(
        sql(
            """
            DELETE FROM ${senders}
            WHERE alias_id IN (SELECT id FROM ${aliases} WHERE expanded_from = ?)
              AND mailbox_id = ?
            """),
        null,
        RowId.of(aliasId),
        RowId.of(mailboxId));
  }

  void aliasActive(String aliasId, String address, boolean active, WriteBatch batch) {
    if (!targets(batch).mayHave(domainPart(address))) {
      return;
    }
    batch.execute(
        sql("UPDATE ${aliases} SET active = ? WHERE expanded_from = ?"),
        null,
        active,
        RowId.of(aliasId));
  }

  /**
   * The hosted domains that alias domains point at, as the tables hold them now: a batch started
   * with them skips the expansion statements of every other domain (see {@link
   * WriteBatch#mayHaveAliasDomains}), which would touch no row and, being statements in event
   * order, would split the batch's multi-row upserts.
   */
  java.util.Set<String> targets(org.springframework.jdbc.core.JdbcTemplate jdbc) {
    return new java.util.HashSet<>(
        jdbc.queryForList(
            sql(
                """
                SELECT t.domain FROM ${domains} t
                WHERE t.id IN (SELECT b.alias_target_id FROM ${domains} b
                               WHERE b.alias_target_id IS NOT NULL)
                """),
            String.class));
  }

  private static String domainPart(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }

  static boolean isCatchAll(String address) {
    return address.startsWith("@");
  }

  private String insertAliases(String select) {
    return insert(
        aliases,
        List.of(
            "id",
            "aggregate_id",
            "local_part",
            "description",
            "domain_id",
            "active",
            "expanded_from"),
        sql(select));
  }

  private String insertRecipients(String select) {
    return insert(
        recipients, List.of("id", "alias_id", "recipient_address", "mailbox_id"), sql(select));
  }

  private String insertSenders(String select) {
    return insert(senders, List.of("id", "alias_id", "mailbox_id"), sql(select));
  }

  /** INSERT … SELECT that replaces a row of the same id, as the writer's upserts do. */
  private String insert(String table, List<String> columns, String select) {
    List<String> updated = columns.subList(1, columns.size());
    String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") " + select;
    if (dialect == Dialect.POSTGRESQL) {
      return head
          + " ON CONFLICT (id) DO UPDATE SET "
          + updated.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
    }
    return head
        + " ON DUPLICATE KEY UPDATE "
        + updated.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
  }

  /**
   * The statement as the database gets it, on one line: {@code ${domains}}, {@code ${mailboxes}},
   * {@code ${aliases}}, {@code ${recipients}} and {@code ${senders}} name this writer's tables,
   * with their prefix; {@code ${xor(l, r)}} is the dialect's XOR of two ids.
   */
  private String sql(String template) {
    Matcher m = PLACEHOLDER.matcher(template.strip().replaceAll("\\s*\\n\\s*", " "));
    StringBuilder sql = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group(1)) {
            case "domains" -> domains;
            case "mailboxes" -> mailboxes;
            case "aliases" -> aliases;
            case "recipients" -> recipients;
            case "senders" -> senders;
            case "xor" -> xor(m.group(2), m.group(3));
            default -> throw new IllegalArgumentException("no value for " + m.group());
          };
      m.appendReplacement(sql, Matcher.quoteReplacement(value));
    }
    m.appendTail(sql);
    return sql.toString();
  }

  /** Bitwise XOR of two ids: of two positive 63-bit ids, again a positive 63-bit id. */
  private String xor(String left, String right) {
    return dialect == Dialect.POSTGRESQL
        ? "(CAST(" + left + " AS BIGINT) # " + right + ")"
        : "(" + left + " ^ " + right + ")";
  }

  private static String localPart(String address) {
    return address.substring(0, address.lastIndexOf('@'));
  }

  /** This transaction's knowledge of which domains have alias domains, kept on its batch. */
  private static AliasDomainTargets targets(WriteBatch batch) {
    return batch.state(AliasDomainTargets.class, AliasDomainTargets::new);
  }
}
