package org.mailledger.ops.config;

/**
 * The queries of MUM's documentation for the {@code mum} layout, plus the two maps MUM lacks.
 *
 * <p>On MySQL/MariaDB they are MUM's text unchanged, so an existing MUM installation can switch to
 * Mailledger without editing a query; only Dovecot's iterate query differs (see there). The
 * PostgreSQL variants follow the documented translation: {@code IF} becomes {@code CASE}, {@code
 * GROUP_CONCAT} becomes {@code string_agg}, flag tests {@code x = 1} become {@code x}.
 */
public final class MumQueries {

  private static final LookupQueries MYSQL =
      new LookupQueries(
          // domains.cf
          """
          SELECT domain FROM domains WHERE domain = '%s' AND active = 1;
          """,
          // mailboxes.cf
          """
          SELECT 1 AS found
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE mailboxes.local_part = '%u' AND domains.domain = '%d'
            AND domains.active = 1 AND mailboxes.active = 1
          LIMIT 1;
          """,
          // aliases.cf
          """
          SELECT GROUP_CONCAT(DISTINCT alias_recipients.recipient_address SEPARATOR ',')
          FROM aliases
          INNER JOIN alias_recipients ON aliases.id = alias_recipients.alias_id
          INNER JOIN domains ON aliases.domain_id = domains.id
          WHERE aliases.local_part = '%u' AND domains.domain = '%d'
            AND aliases.active = 1 AND domains.active = 1;
          """,
          // mailbox-self.cf: maps an active mailbox to itself, so that the catch-all, looked up
          // only after every table has missed the full address, never takes mail meant for an
          // existing mailbox.
          """
          SELECT CONCAT(mailboxes.local_part, '@', domains.domain) AS address
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE mailboxes.local_part = '%u' AND domains.domain = '%d'
            AND domains.active = 1 AND mailboxes.active = 1
          LIMIT 1;
          """,
          // catch-all.cf: Postfix suppresses a query using %u when the key "@domain" has no local
          // part, so MUM's alias query can never answer for the catch-all. This one uses only %d
          // and %s, and the %s test makes it answer the key "@domain" alone, not every address of
          // the domain.
          """
          SELECT GROUP_CONCAT(DISTINCT alias_recipients.recipient_address SEPARATOR ',')
          FROM aliases
          INNER JOIN alias_recipients ON aliases.id = alias_recipients.alias_id
          INNER JOIN domains ON aliases.domain_id = domains.id
          WHERE aliases.local_part = '' AND domains.domain = '%d' AND '%s' = CONCAT('@', '%d')
            AND aliases.active = 1 AND domains.active = 1;
          """,
          // sender-login-maps.cf
          """
          SELECT CONCAT(mailboxes.local_part, '@', domains.domain) AS owns
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE mailboxes.local_part = '%u' AND domains.domain = '%d'
            AND domains.active = 1 AND mailboxes.active = 1
          UNION
          SELECT GROUP_CONCAT(CONCAT(mailboxes.local_part, '@', mailbox_domains.domain)
              SEPARATOR ',') AS owns
          FROM aliases
          INNER JOIN domains alias_domains ON aliases.domain_id = alias_domains.id
          INNER JOIN alias_senders ON aliases.id = alias_senders.alias_id
          INNER JOIN mailboxes ON alias_senders.mailbox_id = mailboxes.id
          INNER JOIN domains mailbox_domains ON mailboxes.domain_id = mailbox_domains.id
          WHERE aliases.local_part = '%u' AND alias_domains.domain = '%d'
            AND alias_domains.active = 1 AND mailbox_domains.active = 1 AND aliases.active = 1;
          """,
          // recipient-access.cf
          """
          SELECT IF(send_only = 1, 'REJECT', 'DUNNO') AS access
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE mailboxes.local_part = '%u' AND domains.domain = '%d'
            AND domains.active = 1 AND mailboxes.active = 1
          LIMIT 1;
          """,
          // tls-policies.cf
          """
          SELECT policy, params FROM tls_policies WHERE domain = '%s';
          """,
          // Dovecot's password_query
          """
          SELECT mailboxes.local_part AS username, domains.domain, mailboxes.password
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE mailboxes.local_part = '%n' AND domains.domain = '%d'
            AND domains.active = 1 AND mailboxes.active = 1;
          """,
          // Dovecot's user_query
          """
          SELECT mailboxes.homedir AS home, mailboxes.maildir AS mail,
            CONCAT('*:storage=', COALESCE(mailboxes.quota, domains.quota, 0), 'G') AS quota_rule
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE mailboxes.local_part = '%n' AND domains.domain = '%d'
            AND domains.active = 1 AND mailboxes.active = 1 AND mailboxes.send_only = 0;
          """,
          // Dovecot's iterate_query
          """
          SELECT mailboxes.local_part AS username, domains.domain
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE domains.active = 1 AND mailboxes.active = 1 AND mailboxes.send_only = 0;
          """);

  // "HAVING COUNT(*) > 0" is the one addition to the translation: string_agg over no rows yields
  // one NULL row, which Postfix's pgsql client (unlike its mysql client) logs as "empty lookup
  // result -- ignored" on every miss. It still answers not-found, so this only keeps the mail log
  // readable; the HAVING makes the aggregate return no row at all instead.
  private static final LookupQueries POSTGRESQL =
      new LookupQueries(
          // domains.cf
          """
          SELECT domain FROM domains WHERE domain = '%s' AND active;
          """,
          // mailboxes.cf
          """
          SELECT 1 AS found
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE mailboxes.local_part = '%u' AND domains.domain = '%d'
            AND domains.active AND mailboxes.active
          LIMIT 1;
          """,
          // aliases.cf
          """
          SELECT string_agg(DISTINCT alias_recipients.recipient_address, ',')
          FROM aliases
          INNER JOIN alias_recipients ON aliases.id = alias_recipients.alias_id
          INNER JOIN domains ON aliases.domain_id = domains.id
          WHERE aliases.local_part = '%u' AND domains.domain = '%d'
            AND aliases.active AND domains.active
          HAVING COUNT(*) > 0;
          """,
          // mailbox-self.cf
          """
          SELECT CONCAT(mailboxes.local_part, '@', domains.domain) AS address
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE mailboxes.local_part = '%u' AND domains.domain = '%d'
            AND domains.active AND mailboxes.active
          LIMIT 1;
          """,
          // catch-all.cf
          """
          SELECT string_agg(DISTINCT alias_recipients.recipient_address, ',')
          FROM aliases
          INNER JOIN alias_recipients ON aliases.id = alias_recipients.alias_id
          INNER JOIN domains ON aliases.domain_id = domains.id
          WHERE aliases.local_part = '' AND domains.domain = '%d' AND '%s' = CONCAT('@', '%d')
            AND aliases.active AND domains.active
          HAVING COUNT(*) > 0;
          """,
          // sender-login-maps.cf
          """
          SELECT CONCAT(mailboxes.local_part, '@', domains.domain) AS owns
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE mailboxes.local_part = '%u' AND domains.domain = '%d'
            AND domains.active AND mailboxes.active
          UNION
          SELECT string_agg(CONCAT(mailboxes.local_part, '@', mailbox_domains.domain), ',')
            AS owns
          FROM aliases
          INNER JOIN domains alias_domains ON aliases.domain_id = alias_domains.id
          INNER JOIN alias_senders ON aliases.id = alias_senders.alias_id
          INNER JOIN mailboxes ON alias_senders.mailbox_id = mailboxes.id
          INNER JOIN domains mailbox_domains ON mailboxes.domain_id = mailbox_domains.id
          WHERE aliases.local_part = '%u' AND alias_domains.domain = '%d'
            AND alias_domains.active AND mailbox_domains.active AND aliases.active
          HAVING COUNT(*) > 0;
          """,
          // recipient-access.cf
          """
          SELECT CASE WHEN send_only THEN 'REJECT' ELSE 'DUNNO' END AS access
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE mailboxes.local_part = '%u' AND domains.domain = '%d'
            AND domains.active AND mailboxes.active
          LIMIT 1;
          """,
          // tls-policies.cf
          """
          SELECT policy, params FROM tls_policies WHERE domain = '%s';
          """,
          // Dovecot's password_query
          """
          SELECT mailboxes.local_part AS username, domains.domain, mailboxes.password
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE mailboxes.local_part = '%n' AND domains.domain = '%d'
            AND domains.active AND mailboxes.active;
          """,
          // Dovecot's user_query
          """
          SELECT mailboxes.homedir AS home, mailboxes.maildir AS mail,
            CONCAT('*:storage=', COALESCE(mailboxes.quota, domains.quota, 0), 'G') AS quota_rule
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE mailboxes.local_part = '%n' AND domains.domain = '%d'
            AND domains.active AND mailboxes.active AND NOT mailboxes.send_only;
          """,
          // Dovecot's iterate_query
          """
          SELECT mailboxes.local_part AS username, domains.domain
          FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id
          WHERE domains.active AND mailboxes.active AND NOT mailboxes.send_only;
          """);

  private MumQueries() {}

  public static LookupQueries forDialect(SqlDialect dialect) {
    return switch (dialect) {
      case POSTGRESQL -> POSTGRESQL;
      case MYSQL -> MYSQL;
    };
  }
}
