package org.mailledger.ops.config;

import java.util.List;
import java.util.Map;

/**
 * The files for the {@code dinomail} layout, with the queries of DinoMail's documentation
 * (docs/source/linking.rst) unchanged but for what it tells the reader to fill in: the table
 * prefix, the mail root and the vmail uid and gid. Dovecot's user query is the documented one
 * joined onto one line.
 */
final class DinoMailConfig {

  private static final String DOMAINS =
      """
      SELECT 1 FROM ${table_prefix}virtualdomain WHERE name='%s'
      """;

  private static final String MAILBOXES =
      """
      SELECT 1 FROM ${table_prefix}virtualuser WHERE email='%s'
      """;

  private static final String ALIASES =
      """
      SELECT destination FROM ${table_prefix}virtualalias WHERE source='%s'
      """;

  private static final String EMAIL2EMAIL =
      """
      SELECT email FROM ${table_prefix}virtualuser WHERE email='%s'
      """;

  private static final String USER_QUERY =
      """
      SELECT email as user, concat('*:bytes=', quota) AS quota_rule,
        '${mail_root}/%d/%n' AS home, ${vmail_uid} AS uid, ${vmail_gid} AS gid
      FROM ${table_prefix}virtualuser WHERE email='%u'
      """;

  private static final String PASSWORD_QUERY =
      """
      SELECT password FROM ${table_prefix}virtualuser WHERE email='%u'
      """;

  private static final String ITERATE_QUERY =
      """
      SELECT email AS user FROM ${table_prefix}virtualuser
      """;

  private static final String MAIN_CF =
      """
      # Lines for /etc/postfix/main.cf, as DinoMail's documentation has them; the map files go
      # to ${postfix_dir}/.
      virtual_mailbox_domains = ${maps}/virtual-mailbox-domains.cf
      virtual_mailbox_maps = ${maps}/virtual-mailbox-maps.cf
      # Postfix tries the full address in every table before it tries "@domain", so
      # email2email keeps a catch-all from swallowing mail to existing mailboxes.
      virtual_alias_maps = ${maps}/virtual-alias-maps.cf, ${maps}/email2email.cf
      ${dovecot_delivery}
      """;

  private static final String DOVECOT_QUERIES =
      """
      user_query = ${user_query}
      password_query = ${password_query}
      iterate_query = ${iterate_query}
      """;

  private final ConfigGenerator shared;
  private final ConfigSettings s;

  DinoMailConfig(ConfigGenerator shared, ConfigSettings settings) {
    this.shared = shared;
    this.s = settings;
  }

  List<GeneratedFile> files() {
    String users = s.tablePrefix() + "virtualuser";
    return List.of(
        shared.postfixMap(
            "virtual-mailbox-domains.cf",
            "virtual_mailbox_domains: the domains we receive for, alias domains included",
            DOMAINS),
        shared.postfixMap(
            "virtual-mailbox-maps.cf",
            "virtual_mailbox_maps: the mailboxes we deliver to",
            MAILBOXES),
        shared.postfixMap(
            "virtual-alias-maps.cf",
            "virtual_alias_maps (1 of 2): an alias to its destinations, one row each; the key"
                + " \"@domain\" gives the catch-all",
            ALIASES),
        shared.postfixMap(
            "email2email.cf",
            "virtual_alias_maps (2 of 2): a mailbox to itself, so a catch-all never takes its mail",
            EMAIL2EMAIL),
        shared.postfixMain(MAIN_CF),
        shared.dovecotSql(
            "",
            DOVECOT_QUERIES,
            Map.of(
                "user_query", USER_QUERY,
                "password_query", PASSWORD_QUERY,
                "iterate_query", ITERATE_QUERY)),
        shared.dovecotAuth("maildir:~/Maildir"),
        shared.readonlyUsers(
            List.of(s.tablePrefix() + "virtualdomain", users, s.tablePrefix() + "virtualalias"),
            List.of(users)));
  }
}
