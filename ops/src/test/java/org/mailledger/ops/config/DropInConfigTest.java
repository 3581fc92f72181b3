package org.mailledger.ops.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailledger.ops.OpsCommand;

/**
 * {@code ops config} for the postfixadmin and dinomail layouts writes the queries of those tools'
 * own documents: the expected texts here are copied from PostfixAdmin's POSTFIX_CONF.txt,
 * DOVECOT.txt and Postfix-Dovecot-Postgresql-Example.md and from DinoMail's linking.rst, not from
 * our code; only what those documents tell the reader to fill in (mail root, uid and gid, table
 * prefix) is filled in.
 */
class DropInConfigTest {

  private static final Map<String, String> POSTFIXADMIN_MYSQL =
      Map.of(
          "mysql_virtual_alias_maps.cf",
          "SELECT goto FROM alias WHERE address='%s' AND active = '1'",
          "mysql_virtual_alias_domain_maps.cf",
          "SELECT goto FROM alias,alias_domain WHERE alias_domain.alias_domain = '%d' and alias.address = CONCAT('%u', '@', alias_domain.target_domain) AND alias.active = 1",
          "mysql_virtual_alias_domain_catchall_maps.cf",
          "SELECT goto FROM alias,alias_domain WHERE alias_domain.alias_domain = '%d' and alias.address = CONCAT('@', alias_domain.target_domain) AND alias.active = 1",
          "mysql_virtual_domains_maps.cf",
          "SELECT domain FROM domain WHERE domain='%s' AND active = '1'",
          "mysql_virtual_mailbox_maps.cf",
          "SELECT CONCAT(domain,'/',maildir) FROM mailbox WHERE username='%s' AND active = '1'",
          "mysql_virtual_alias_domain_mailbox_maps.cf",
          "SELECT CONCAT(domain,'/',maildir) FROM mailbox,alias_domain WHERE alias_domain.alias_domain = '%d' and mailbox.username = CONCAT('%u', '@', alias_domain.target_domain) AND mailbox.active = 1");

  private static final Map<String, String> POSTFIXADMIN_PGSQL =
      Map.of(
          "pgsql_virtual_alias_maps.cf",
          "SELECT goto FROM alias WHERE address='%s' AND active = true",
          "pgsql_virtual_domains_maps.cf",
          "SELECT domain FROM domain WHERE domain='%s' and backupmx = false and active = true",
          "pgsql_virtual_mailbox_maps.cf",
          "SELECT maildir FROM mailbox WHERE username='%s' AND active = true",
          "pgsql_virtual_alias_domain_maps.cf",
          "SELECT goto FROM alias,alias_domain WHERE alias_domain.alias_domain = '%d' and alias.address = CONCAT('%u', '@', alias_domain.target_domain) AND alias.active = true");

  @TempDir Path out;

  private void generate(String layout, String dialect, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "config",
                "--layout",
                layout,
                "--dialect",
                dialect,
                "--db-name",
                "mail",
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    StringWriter err = new StringWriter();
    int exit =
        OpsCommand.commandLine()
            .setOut(new PrintWriter(new StringWriter()))
            .setErr(new PrintWriter(err))
            .execute(args.toArray(String[]::new));
    assertThat(exit).as(err.toString()).isZero();
  }

  private String read(String path) throws IOException {
    return Files.readString(out.resolve(path));
  }

  private static String setting(String content, String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + " = (.*)$").matcher(content);
    assertThat(m.find()).as("%s in%n%s", key, content).isTrue();
    return m.group(1);
  }

  @Test
  void postfixAdminOnMysqlUsesPostfixConfTxtUnchanged() throws IOException {
    generate("postfixadmin", "mysql");
    for (Map.Entry<String, String> e : POSTFIXADMIN_MYSQL.entrySet()) {
      assertThat(setting(read("postfix/" + e.getKey()), "query")).isEqualTo(e.getValue());
    }
    String main = read("postfix/main.cf");
    assertThat(setting(main, "virtual_alias_maps"))
        .isEqualTo(
            "mysql:/etc/postfix/mailledger/mysql_virtual_alias_maps.cf,"
                + " mysql:/etc/postfix/mailledger/mysql_virtual_alias_domain_maps.cf,"
                + " mysql:/etc/postfix/mailledger/mysql_virtual_alias_domain_catchall_maps.cf");
    assertThat(setting(main, "virtual_mailbox_maps"))
        .isEqualTo(
            "mysql:/etc/postfix/mailledger/mysql_virtual_mailbox_maps.cf,"
                + " mysql:/etc/postfix/mailledger/mysql_virtual_alias_domain_mailbox_maps.cf");
  }

  @Test
  void postfixAdminOnMysqlUsesDovecotTxtWithTheMailRootAndIds() throws IOException {
    generate("postfixadmin", "mysql", "--mail-root", "/srv/mail/", "--vmail-uid", "1001");
    String sql = read("dovecot/dovecot-sql.conf.ext");
    assertThat(setting(sql, "password_query"))
        .isEqualTo(
            "SELECT username AS user,password FROM mailbox WHERE username = '%u' AND active='1'");
    assertThat(setting(sql, "user_query"))
        .isEqualTo(
            "SELECT CONCAT('/srv/mail/', maildir) AS home, 1001 AS uid, 5000 AS gid,"
                + " CONCAT('*:bytes=', quota) AS quota_rule FROM mailbox WHERE username = '%u'"
                + " AND active='1'");
    assertThat(setting(sql, "iterate_query"))
        .isEqualTo("SELECT username as user FROM mailbox WHERE active = '1'");
  }

  @Test
  void postfixAdminOnPostgresqlUsesItsPostgresqlDocuments() throws IOException {
    generate("postfixadmin", "postgresql");
    for (Map.Entry<String, String> e : POSTFIXADMIN_PGSQL.entrySet()) {
      assertThat(setting(read("postfix/" + e.getKey()), "query")).isEqualTo(e.getValue());
    }
    assertThat(setting(read("dovecot/dovecot-sql.conf.ext"), "user_query"))
        .isEqualTo(
            "SELECT '/var/vmail/' || maildir AS home, 5000 AS uid, 5000 AS gid, '*:bytes=' ||"
                + " quota AS quota_rule FROM mailbox WHERE username = '%u' AND active = '1'");
    assertThat(read("sql/readonly-users.sql"))
        .contains(
            "GRANT SELECT ON public.domain, public.mailbox, public.alias, public.alias_domain TO")
        .contains("GRANT SELECT ON public.mailbox TO");
  }

  @Test
  void dinoMailUsesLinkingRstWithTheTablePrefix() throws IOException {
    generate("dinomail", "postgresql", "--table-prefix", "core_");
    assertThat(setting(read("postfix/virtual-mailbox-domains.cf"), "query"))
        .isEqualTo("SELECT 1 FROM core_virtualdomain WHERE name='%s'");
    assertThat(setting(read("postfix/virtual-mailbox-maps.cf"), "query"))
        .isEqualTo("SELECT 1 FROM core_virtualuser WHERE email='%s'");
    assertThat(setting(read("postfix/virtual-alias-maps.cf"), "query"))
        .isEqualTo("SELECT destination FROM core_virtualalias WHERE source='%s'");
    assertThat(setting(read("postfix/email2email.cf"), "query"))
        .isEqualTo("SELECT email FROM core_virtualuser WHERE email='%s'");
    String sql = read("dovecot/dovecot-sql.conf.ext");
    assertThat(setting(sql, "user_query"))
        .isEqualTo(
            "SELECT email as user, concat('*:bytes=', quota) AS quota_rule, '/var/vmail/%d/%n' AS"
                + " home, 5000 AS uid, 5000 AS gid FROM core_virtualuser WHERE email='%u'");
    assertThat(setting(sql, "password_query"))
        .isEqualTo("SELECT password FROM core_virtualuser WHERE email='%u'");
    assertThat(setting(sql, "iterate_query"))
        .isEqualTo("SELECT email AS user FROM core_virtualuser");
  }

  @Test
  void dinoMailDefaultPrefixIsDinoMails() throws IOException {
    generate("dinomail", "postgresql");
    assertThat(setting(read("postfix/virtual-mailbox-domains.cf"), "query"))
        .isEqualTo("SELECT 1 FROM dinomail_virtualdomain WHERE name='%s'");
  }

  @Test
  void aBadTablePrefixIsRefused() {
    int exit =
        OpsCommand.commandLine()
            .setOut(new PrintWriter(new StringWriter()))
            .setErr(new PrintWriter(new StringWriter()))
            .execute(
                "config",
                "--layout=dinomail",
                "--dialect=postgresql",
                "--db-name=mail",
                "--table-prefix=x'; DROP",
                "--out=" + out);
    assertThat(exit).isEqualTo(2);
    assertThat(out.resolve("postfix")).doesNotExist();
  }
}
