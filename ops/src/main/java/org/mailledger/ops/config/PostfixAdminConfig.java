package org.mailledger.ops.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The files for the {@code postfixadmin} layout. The queries are PostfixAdmin's documented ones: on
 * MySQL/MariaDB those of DOCUMENTS/POSTFIX_CONF.txt and DOVECOT.txt, unchanged; on PostgreSQL those
 * of DOCUMENTS/Postfix-Dovecot-Postgresql-Example.md and DOVECOT.txt's PostgreSQL variant, and the
 * alias-domain maps, which PostfixAdmin documents for MySQL only, with their one MySQL-only part
 * translated: {@code active = 1} becomes {@code active = true}, PostgreSQL's boolean. What its
 * documents tell the reader to change is filled in: the mail root in the Dovecot paths, and the
 * vmail uid and gid.
 */
final class PostfixAdminConfig {

  /** The tables PostfixAdmin's Postfix maps read; Dovecot reads only mailbox. */
  static final List<String> POSTFIX_TABLES = List.of("domain", "mailbox", "alias", "alias_domain");

  static final List<String> DOVECOT_TABLES = List.of("mailbox");

  private final ConfigGenerator shared;
  private final ConfigSettings s;
  private final boolean pg;

  PostfixAdminConfig(ConfigGenerator shared, ConfigSettings settings) {
    this.shared = shared;
    this.s = settings;
    this.pg = settings.dialect() == SqlDialect.POSTGRESQL;
  }

  /** PostfixAdmin names its map files after the driver: mysql_virtual_... or pgsql_virtual_... */
  private String file(String name) {
    return s.dialect().postfixMapType() + "_" + name + ".cf";
  }

  private String flag() {
    return pg ? "true" : "1";
  }

  String domains() {
    return pg
        ? "SELECT domain FROM domain WHERE domain='%s' and backupmx = false and active = true"
        : "SELECT domain FROM domain WHERE domain='%s' AND active = '1'";
  }

  String aliases() {
    return pg
        ? "SELECT goto FROM alias WHERE address='%s' AND active = true"
        : "SELECT goto FROM alias WHERE address='%s' AND active = '1'";
  }

  String aliasDomainAliases() {
    return "SELECT goto FROM alias,alias_domain WHERE alias_domain.alias_domain = '%d' and"
        + " alias.address = CONCAT('%u', '@', alias_domain.target_domain) AND alias.active = "
        + flag();
  }

  String aliasDomainCatchAll() {
    return "SELECT goto FROM alias,alias_domain WHERE alias_domain.alias_domain = '%d' and"
        + " alias.address = CONCAT('@', alias_domain.target_domain) AND alias.active = "
        + flag();
  }

  String mailboxes() {
    return pg
        ? "SELECT maildir FROM mailbox WHERE username='%s' AND active = true"
        : "SELECT CONCAT(domain,'/',maildir) FROM mailbox WHERE username='%s' AND active = '1'";
  }

  String aliasDomainMailboxes() {
    return "SELECT CONCAT(domain,'/',maildir) FROM mailbox,alias_domain WHERE"
        + " alias_domain.alias_domain = '%d' and mailbox.username = CONCAT('%u', '@',"
        + " alias_domain.target_domain) AND mailbox.active = "
        + flag();
  }

  String passwordQuery() {
    return "SELECT username AS user,password FROM mailbox WHERE username = '%u' AND active='1'";
  }

  String userQuery() {
    String root = s.mailRoot() + "/";
    String ids = s.vmailUid() + " AS uid, " + s.vmailGid() + " AS gid";
    return pg
        ? "SELECT '"
            + root
            + "' || maildir AS home, "
            + ids
            + ", '*:bytes=' || quota AS quota_rule FROM mailbox WHERE username = '%u' AND active"
            + " = '1'"
        : "SELECT CONCAT('"
            + root
            + "', maildir) AS home, "
            + ids
            + ", CONCAT('*:bytes=', quota) AS quota_rule FROM mailbox WHERE username = '%u' AND"
            + " active='1'";
  }

  String iterateQuery() {
    return "SELECT username as user FROM mailbox WHERE active = '1'";
  }

  List<GeneratedFile> files() {
    List<GeneratedFile> files = new ArrayList<>();
    files.add(
        shared.postfixMap(
            file("virtual_domains_maps"),
            "virtual_mailbox_domains: the domains we receive for, alias domains included",
            domains()));
    files.add(
        shared.postfixMap(
            file("virtual_mailbox_maps"),
            "virtual_mailbox_maps (1 of 2): the mailboxes we deliver to",
            mailboxes()));
    files.add(
        shared.postfixMap(
            file("virtual_alias_domain_mailbox_maps"),
            "virtual_mailbox_maps (2 of 2): a mailbox's address in an alias domain",
            aliasDomainMailboxes()));
    files.add(
        shared.postfixMap(
            file("virtual_alias_maps"),
            "virtual_alias_maps (1 of 3): an alias, or a mailbox (to itself), to its goto list;"
                + " the key \"@domain\" gives the catch-all",
            aliases()));
    files.add(
        shared.postfixMap(
            file("virtual_alias_domain_maps"),
            "virtual_alias_maps (2 of 3): an address in an alias domain to its target's goto",
            aliasDomainAliases()));
    files.add(
        shared.postfixMap(
            file("virtual_alias_domain_catchall_maps"),
            "virtual_alias_maps (3 of 3): an alias domain's catch-all, its target's",
            aliasDomainCatchAll()));
    files.add(
        shared.postfixMap(
            file("sender_login_maps"),
            "smtpd_sender_login_maps: PostfixAdmin's alias map, as its guides use it: a mailbox"
                + " owns its own address, and an alias's goto addresses may send as it",
            aliases()));
    files.add(new GeneratedFile("postfix/main.cf", main(), false));
    files.add(new GeneratedFile("dovecot/dovecot-sql.conf.ext", dovecotSql(), true));
    files.add(
        new GeneratedFile(
            "dovecot/auth-mailledger.conf.ext", shared.dovecotAuth("maildir:~/Maildir"), false));
    files.add(
        new GeneratedFile(
            "sql/readonly-users.sql", shared.readonlyUsers(POSTFIX_TABLES, DOVECOT_TABLES), true));
    return files;
  }

  private String main() {
    return shared.header("#")
        + "# Lines for /etc/postfix/main.cf, as PostfixAdmin's POSTFIX_CONF.txt has them; the map\n"
        + "# files go to "
        + s.postfixDir()
        + "/.\n"
        + "virtual_mailbox_domains = "
        + shared.map(file("virtual_domains_maps"))
        + "\n"
        + "virtual_mailbox_maps = "
        + shared.map(file("virtual_mailbox_maps"))
        + ", "
        + shared.map(file("virtual_alias_domain_mailbox_maps"))
        + "\n"
        + "virtual_alias_maps = "
        + shared.map(file("virtual_alias_maps"))
        + ", "
        + shared.map(file("virtual_alias_domain_maps"))
        + ", "
        + shared.map(file("virtual_alias_domain_catchall_maps"))
        + "\n"
        + "smtpd_sender_login_maps = "
        + shared.map(file("sender_login_maps"))
        + "\n"
        + "# Delivery and SASL through Dovecot: needs Dovecot's lmtp and auth listeners in\n"
        + "# /var/spool/postfix/private (see Dovecot's conf.d/10-master.conf).\n"
        + "virtual_transport = lmtp:unix:private/dovecot-lmtp\n"
        + "smtpd_sasl_type = dovecot\n"
        + "smtpd_sasl_path = private/auth\n";
  }

  private String dovecotSql() {
    return shared.header("#")
        + "# Install as "
        + s.dovecotDir()
        + "/dovecot-sql.conf.ext, readable by root only. The queries are DOVECOT.txt's.\n"
        + "driver = "
        + s.dialect().dovecotDriver()
        + "\n"
        + "connect = host="
        + s.dbHost()
        + " port="
        + s.dbPort()
        + " dbname="
        + s.dbName()
        + " user="
        + s.dovecotUser()
        + " password="
        + s.dovecotPassword()
        + "\n"
        + "default_pass_scheme = "
        + s.passwordScheme()
        + "\n"
        + "password_query = "
        + passwordQuery()
        + "\n"
        + "# home is the mailbox's own directory, named by its id: "
        + s.mailRoot()
        + "/<id>/, the mail in Maildir\n"
        + "# below it (auth-mailledger.conf.ext); quota_rule in bytes, 0 = unlimited.\n"
        + "user_query = "
        + userQuery()
        + "\n"
        + "iterate_query = "
        + iterateQuery()
        + "\n";
  }
}
