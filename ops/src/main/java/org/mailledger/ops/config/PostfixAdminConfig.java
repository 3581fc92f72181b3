package org.mailledger.ops.config;

import java.util.List;
import java.util.Map;

/**
 * The files for the {@code postfixadmin} layout. The queries are PostfixAdmin's documented ones: on
 * MySQL/MariaDB those of DOCUMENTS/POSTFIX_CONF.txt and DOVECOT.txt, unchanged; on PostgreSQL those
 * of DOCUMENTS/Postfix-Dovecot-Postgresql-Example.md and DOVECOT.txt's PostgreSQL variant, and the
 * alias-domain maps, which PostfixAdmin documents for MySQL only, with their one MySQL-only part
 * translated: {@code active = 1} becomes {@code active = true}, PostgreSQL's boolean ({@code
 * ${true}}). What its documents tell the reader to change is filled in: the mail root in the
 * Dovecot paths, and the vmail uid and gid.
 */
final class PostfixAdminConfig {

  /** The tables PostfixAdmin's Postfix maps read; Dovecot reads only mailbox. */
  static final List<String> POSTFIX_TABLES = List.of("domain", "mailbox", "alias", "alias_domain");

  static final List<String> DOVECOT_TABLES = List.of("mailbox");

  private static final String DOMAINS_MYSQL =
      """
      SELECT domain FROM domain WHERE domain='%s' AND active = '1'
      """;

  private static final String DOMAINS_POSTGRESQL =
      """
      SELECT domain FROM domain WHERE domain='%s' and backupmx = false and active = true
      """;

  private static final String MAILBOXES_MYSQL =
      """
      SELECT CONCAT(domain,'/',maildir) FROM mailbox WHERE username='%s' AND active = '1'
      """;

  private static final String MAILBOXES_POSTGRESQL =
      """
      SELECT maildir FROM mailbox WHERE username='%s' AND active = true
      """;

  private static final String ALIAS_DOMAIN_MAILBOXES =
      """
      SELECT CONCAT(domain,'/',maildir) FROM mailbox,alias_domain
      WHERE alias_domain.alias_domain = '%d'
      and mailbox.username = CONCAT('%u', '@', alias_domain.target_domain)
      AND mailbox.active = ${true}
      """;

  private static final String ALIASES_MYSQL =
      """
      SELECT goto FROM alias WHERE address='%s' AND active = '1'
      """;

  private static final String ALIASES_POSTGRESQL =
      """
      SELECT goto FROM alias WHERE address='%s' AND active = true
      """;

  private static final String ALIAS_DOMAIN_ALIASES =
      """
      SELECT goto FROM alias,alias_domain
      WHERE alias_domain.alias_domain = '%d'
      and alias.address = CONCAT('%u', '@', alias_domain.target_domain)
      AND alias.active = ${true}
      """;

  private static final String ALIAS_DOMAIN_CATCH_ALL =
      """
      SELECT goto FROM alias,alias_domain
      WHERE alias_domain.alias_domain = '%d'
      and alias.address = CONCAT('@', alias_domain.target_domain)
      AND alias.active = ${true}
      """;

  private static final String PASSWORD_QUERY =
      """
      SELECT username AS user,password FROM mailbox WHERE username = '%u' AND active='1'
      """;

  private static final String USER_QUERY_MYSQL =
      """
      SELECT CONCAT('${mail_root}/', maildir) AS home, ${vmail_uid} AS uid, ${vmail_gid} AS gid,
        CONCAT('*:bytes=', quota) AS quota_rule
      FROM mailbox WHERE username = '%u' AND active='1'
      """;

  private static final String USER_QUERY_POSTGRESQL =
      """
      SELECT '${mail_root}/' || maildir AS home, ${vmail_uid} AS uid, ${vmail_gid} AS gid,
        '*:bytes=' || quota AS quota_rule
      FROM mailbox WHERE username = '%u' AND active = '1'
      """;

  private static final String ITERATE_QUERY =
      """
      SELECT username as user FROM mailbox WHERE active = '1'
      """;

  // PostfixAdmin names its map files after the driver: mysql_virtual_... or pgsql_virtual_...
  private static final String MAIN_CF =
      """
      # Lines for /etc/postfix/main.cf, as PostfixAdmin's POSTFIX_CONF.txt has them; the map
      # files go to ${postfix_dir}/.
      virtual_mailbox_domains = ${maps}/${map_type}_virtual_domains_maps.cf
      virtual_mailbox_maps = ${maps}/${map_type}_virtual_mailbox_maps.cf, \
      ${maps}/${map_type}_virtual_alias_domain_mailbox_maps.cf
      virtual_alias_maps = ${maps}/${map_type}_virtual_alias_maps.cf, \
      ${maps}/${map_type}_virtual_alias_domain_maps.cf, \
      ${maps}/${map_type}_virtual_alias_domain_catchall_maps.cf
      smtpd_sender_login_maps = ${maps}/${map_type}_sender_login_maps.cf
      ${dovecot_delivery}
      """;

  private static final String DOVECOT_QUERIES =
      """
      password_query = ${password_query}
      # home is the mailbox's own directory, named by its id: ${mail_root}/<id>/, the mail in Maildir
      # below it (auth-mailledger.conf.ext); quota_rule in bytes, 0 = unlimited.
      user_query = ${user_query}
      iterate_query = ${iterate_query}
      """;

  private final ConfigGenerator shared;
  private final ConfigSettings s;
  private final boolean pg;

  PostfixAdminConfig(ConfigGenerator shared, ConfigSettings settings) {
    this.shared = shared;
    this.s = settings;
    this.pg = settings.dialect() == SqlDialect.POSTGRESQL;
  }

  private String file(String name) {
    return s.dialect().postfixMapType() + "_" + name + ".cf";
  }

  List<GeneratedFile> files() {
    String aliases = pg ? ALIASES_POSTGRESQL : ALIASES_MYSQL;
    return List.of(
        shared.postfixMap(
            file("virtual_domains_maps"),
            "virtual_mailbox_domains: the domains we receive for, alias domains included",
            pg ? DOMAINS_POSTGRESQL : DOMAINS_MYSQL),
        shared.postfixMap(
            file("virtual_mailbox_maps"),
            "virtual_mailbox_maps (1 of 2): the mailboxes we deliver to",
            pg ? MAILBOXES_POSTGRESQL : MAILBOXES_MYSQL),
        shared.postfixMap(
            file("virtual_alias_domain_mailbox_maps"),
            "virtual_mailbox_maps (2 of 2): a mailbox's address in an alias domain",
            ALIAS_DOMAIN_MAILBOXES),
        shared.postfixMap(
            file("virtual_alias_maps"),
            "virtual_alias_maps (1 of 3): an alias, or a mailbox (to itself), to its goto list;"
                + " the key \"@domain\" gives the catch-all",
            aliases),
        shared.postfixMap(
            file("virtual_alias_domain_maps"),
            "virtual_alias_maps (2 of 3): an address in an alias domain to its target's goto",
            ALIAS_DOMAIN_ALIASES),
        shared.postfixMap(
            file("virtual_alias_domain_catchall_maps"),
            "virtual_alias_maps (3 of 3): an alias domain's catch-all, its target's",
            ALIAS_DOMAIN_CATCH_ALL),
        shared.postfixMap(
            file("sender_login_maps"),
            "smtpd_sender_login_maps: PostfixAdmin's alias map, as its guides use it: a mailbox"
                + " owns its own address, and an alias's goto addresses may send as it",
            aliases),
        shared.postfixMain(MAIN_CF),
        shared.dovecotSql(
            " The queries are DOVECOT.txt's.",
            DOVECOT_QUERIES,
            Map.of(
                "password_query", PASSWORD_QUERY,
                "user_query", pg ? USER_QUERY_POSTGRESQL : USER_QUERY_MYSQL,
                "iterate_query", ITERATE_QUERY)),
        shared.dovecotAuth("maildir:~/Maildir"),
        shared.readonlyUsers(POSTFIX_TABLES, DOVECOT_TABLES));
  }
}
