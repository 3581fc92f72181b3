package org.mailledger.ops.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The files for the {@code dinomail} layout, with the queries of DinoMail's documentation
 * (docs/source/linking.rst) unchanged but for what it tells the reader to fill in: the table
 * prefix, the mail root and the vmail uid and gid. Dovecot's user query is the documented one
 * joined onto one line.
 */
final class DinoMailConfig {

  private final ConfigGenerator shared;
  private final ConfigSettings s;
  private final String domains;
  private final String users;
  private final String aliases;

  DinoMailConfig(ConfigGenerator shared, ConfigSettings settings) {
    this.shared = shared;
    this.s = settings;
    this.domains = settings.tablePrefix() + "virtualdomain";
    this.users = settings.tablePrefix() + "virtualuser";
    this.aliases = settings.tablePrefix() + "virtualalias";
  }

  String domains() {
    return "SELECT 1 FROM " + domains + " WHERE name='%s'";
  }

  String mailboxes() {
    return "SELECT 1 FROM " + users + " WHERE email='%s'";
  }

  String aliases() {
    return "SELECT destination FROM " + aliases + " WHERE source='%s'";
  }

  String email2email() {
    return "SELECT email FROM " + users + " WHERE email='%s'";
  }

  String userQuery() {
    return "SELECT email as user, concat('*:bytes=', quota) AS quota_rule, '"
        + s.mailRoot()
        + "/%d/%n' AS home, "
        + s.vmailUid()
        + " AS uid, "
        + s.vmailGid()
        + " AS gid FROM "
        + users
        + " WHERE email='%u'";
  }

  String passwordQuery() {
    return "SELECT password FROM " + users + " WHERE email='%u'";
  }

  String iterateQuery() {
    return "SELECT email AS user FROM " + users;
  }

  List<GeneratedFile> files() {
    List<GeneratedFile> files = new ArrayList<>();
    files.add(
        shared.postfixMap(
            "virtual-mailbox-domains.cf",
            "virtual_mailbox_domains: the domains we receive for, alias domains included",
            domains()));
    files.add(
        shared.postfixMap(
            "virtual-mailbox-maps.cf",
            "virtual_mailbox_maps: the mailboxes we deliver to",
            mailboxes()));
    files.add(
        shared.postfixMap(
            "virtual-alias-maps.cf",
            "virtual_alias_maps (1 of 2): an alias to its destinations, one row each; the key"
                + " \"@domain\" gives the catch-all",
            aliases()));
    files.add(
        shared.postfixMap(
            "email2email.cf",
            "virtual_alias_maps (2 of 2): a mailbox to itself, so a catch-all never takes its mail",
            email2email()));
    files.add(new GeneratedFile("postfix/main.cf", main(), false));
    files.add(new GeneratedFile("dovecot/dovecot-sql.conf.ext", dovecotSql(), true));
    files.add(
        new GeneratedFile(
            "dovecot/auth-mailledger.conf.ext", shared.dovecotAuth("maildir:~/Maildir"), false));
    files.add(
        new GeneratedFile(
            "sql/readonly-users.sql",
            shared.readonlyUsers(List.of(domains, users, aliases), List.of(users)),
            true));
    return files;
  }

  private String main() {
    return shared.header("#")
        + "# Lines for /etc/postfix/main.cf, as DinoMail's documentation has them; the map files go\n"
        + "# to "
        + s.postfixDir()
        + "/.\n"
        + "virtual_mailbox_domains = "
        + shared.map("virtual-mailbox-domains.cf")
        + "\n"
        + "virtual_mailbox_maps = "
        + shared.map("virtual-mailbox-maps.cf")
        + "\n"
        + "# Postfix tries the full address in every table before it tries \"@domain\", so\n"
        + "# email2email keeps a catch-all from swallowing mail to existing mailboxes.\n"
        + "virtual_alias_maps = "
        + shared.map("virtual-alias-maps.cf")
        + ", "
        + shared.map("email2email.cf")
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
        + "/dovecot-sql.conf.ext, readable by root only.\n"
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
        + "user_query = "
        + userQuery()
        + "\n"
        + "password_query = "
        + passwordQuery()
        + "\n"
        + "iterate_query = "
        + iterateQuery()
        + "\n";
  }
}
