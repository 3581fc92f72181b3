package org.mailledger.ops.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailledger.ops.OpsCommand;
import picocli.CommandLine;

class ConfigCommandTest {

  // MUM's documented queries, copied from its documentation, not from our code.
  private static final Map<String, String> MUM_POSTFIX =
      Map.of(
          "tls-policies.cf",
          "SELECT policy, params FROM tls_policies WHERE domain = '%s';",
          "recipient-access.cf",
          "SELECT IF(send_only = 1, 'REJECT', 'DUNNO') AS access FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id WHERE mailboxes.local_part = '%u' AND domains.domain = '%d' AND domains.active = 1 AND mailboxes.active = 1 LIMIT 1;",
          "sender-login-maps.cf",
          "SELECT CONCAT(mailboxes.local_part, '@', domains.domain) AS owns FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id WHERE mailboxes.local_part = '%u' AND domains.domain = '%d' AND domains.active = 1 AND mailboxes.active = 1 UNION SELECT GROUP_CONCAT(CONCAT(mailboxes.local_part, '@', mailbox_domains.domain) SEPARATOR ',') AS owns FROM aliases INNER JOIN domains alias_domains ON aliases.domain_id = alias_domains.id INNER JOIN alias_senders ON aliases.id = alias_senders.alias_id INNER JOIN mailboxes ON alias_senders.mailbox_id = mailboxes.id INNER JOIN domains mailbox_domains ON mailboxes.domain_id = mailbox_domains.id WHERE aliases.local_part = '%u' AND alias_domains.domain = '%d' AND alias_domains.active = 1 AND mailbox_domains.active = 1 AND aliases.active = 1;",
          "aliases.cf",
          "SELECT GROUP_CONCAT(DISTINCT alias_recipients.recipient_address SEPARATOR ',') FROM aliases INNER JOIN alias_recipients ON aliases.id = alias_recipients.alias_id INNER JOIN domains ON aliases.domain_id = domains.id WHERE aliases.local_part = '%u' AND domains.domain = '%d' AND aliases.active = 1 AND domains.active = 1;",
          "mailboxes.cf",
          "SELECT 1 AS found FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id WHERE mailboxes.local_part = '%u' AND domains.domain = '%d' AND domains.active = 1 AND mailboxes.active = 1 LIMIT 1;",
          "domains.cf",
          "SELECT domain FROM domains WHERE domain = '%s' AND active = 1;");

  private static final String MUM_PASSWORD_QUERY =
      "SELECT mailboxes.local_part AS username, domains.domain, mailboxes.password FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id WHERE mailboxes.local_part = '%n' AND domains.domain = '%d' AND domains.active = 1 AND mailboxes.active = 1;";
  private static final String MUM_USER_QUERY =
      "SELECT mailboxes.homedir AS home, mailboxes.maildir AS mail, CONCAT('*:storage=', COALESCE(mailboxes.quota, domains.quota, 0), 'G') AS quota_rule FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id WHERE mailboxes.local_part = '%n' AND domains.domain = '%d' AND domains.active = 1 AND mailboxes.active = 1 AND mailboxes.send_only = 0;";

  private static final List<String> EXPECTED_FILES =
      List.of(
          "dovecot/auth-mailledger.conf.ext",
          "dovecot/dovecot-sql.conf.ext",
          "postfix/aliases.cf",
          "postfix/catch-all.cf",
          "postfix/domains.cf",
          "postfix/mailbox-self.cf",
          "postfix/mailboxes.cf",
          "postfix/main.cf",
          "postfix/master.cf",
          "postfix/recipient-access.cf",
          "postfix/sender-login-maps.cf",
          "postfix/tls-policies.cf",
          "sql/readonly-users.sql");

  @TempDir Path out;

  private int run(String... args) {
    return OpsCommand.commandLine()
        .setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(new StringWriter()))
        .execute(args);
  }

  private void generate(String dialect, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "config",
                "--layout",
                "mum",
                "--dialect",
                dialect,
                "--db-name",
                "mail",
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    assertThat(run(args.toArray(String[]::new))).isZero();
  }

  private String read(String path) throws IOException {
    return Files.readString(out.resolve(path));
  }

  private static String setting(String content, String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + " = (.*)$").matcher(content);
    assertThat(m.find()).as("%s in%n%s", key, content).isTrue();
    String value = m.group(1);
    assertThat(m.find()).as("%s set only once", key).isFalse();
    return value;
  }

  private List<String> files() throws IOException {
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> out.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void mysqlPostfixQueriesAreMumsByteForByte() throws IOException {
    generate("mysql");
    for (Map.Entry<String, String> e : MUM_POSTFIX.entrySet()) {
      assertThat(setting(read("postfix/" + e.getKey()), "query")).isEqualTo(e.getValue());
    }
  }

  @Test
  void mysqlDovecotQueriesAreMumsButIterateHasNoUserConditions() throws IOException {
    generate("mysql");
    String sql = read("dovecot/dovecot-sql.conf.ext");
    assertThat(setting(sql, "password_query")).isEqualTo(MUM_PASSWORD_QUERY);
    assertThat(setting(sql, "user_query")).isEqualTo(MUM_USER_QUERY);
    assertThat(setting(sql, "iterate_query"))
        .isEqualTo(
            "SELECT mailboxes.local_part AS username, domains.domain FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id WHERE domains.active = 1 AND mailboxes.active = 1 AND mailboxes.send_only = 0;")
        .doesNotContain("%n", "%d");
    assertThat(setting(sql, "default_pass_scheme")).isEqualTo("BLF-CRYPT");
    assertThat(setting(sql, "driver")).isEqualTo("mysql");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql"})
  void writesEveryFileWithSecretsOwnerOnly(String dialect) throws IOException {
    generate(dialect);
    assertThat(files()).containsExactlyElementsOf(EXPECTED_FILES);
    for (String file : EXPECTED_FILES) {
      String content = read(file);
      boolean secret =
          content.contains("password = ")
              || content.contains("PASSWORD '")
              || content.contains("password=")
              || content.contains("IDENTIFIED BY");
      String expected = secret ? "rw-------" : "rw-r--r--";
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(file))))
          .as(file)
          .isEqualTo(expected);
    }
    assertThat(Files.getPosixFilePermissions(out.resolve("postfix/domains.cf")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(out.resolve("sql/readonly-users.sql")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql"})
  void everyQueryIsOneCompleteLine(String dialect) throws IOException {
    generate(dialect);
    List<String> queries = new ArrayList<>();
    for (String file : EXPECTED_FILES) {
      String content = read(file);
      assertThat(content).as(file).doesNotContain("${", "{{", "}}", "null", "\r");
      if (file.endsWith(".cf") && !file.endsWith("main.cf") && !file.endsWith("master.cf")) {
        queries.add(setting(content, "query"));
        assertThat(setting(content, "dbname")).isEqualTo("mail");
        assertThat(setting(content, "user")).isEqualTo("mailledger_postfix");
      }
    }
    String sql = read("dovecot/dovecot-sql.conf.ext");
    queries.add(setting(sql, "password_query"));
    queries.add(setting(sql, "user_query"));
    queries.add(setting(sql, "iterate_query"));
    assertThat(queries).hasSize(11);
    for (String q : queries) {
      assertThat(q).startsWith("SELECT ").endsWith(";").doesNotContain("\n");
      // Only the placeholders Postfix and Dovecot expand, nothing of ours.
      assertThat(q.replaceAll("%[sudn]", "")).doesNotContain("%");
    }
  }

  @Test
  void postgresqlQueriesUseItsDialect() throws IOException {
    generate("postgresql");
    String all =
        String.join(
            "\n",
            setting(read("postfix/aliases.cf"), "query"),
            setting(read("postfix/recipient-access.cf"), "query"),
            setting(read("postfix/sender-login-maps.cf"), "query"),
            setting(read("dovecot/dovecot-sql.conf.ext"), "user_query"));
    assertThat(all)
        .doesNotContain("GROUP_CONCAT", "SEPARATOR", "IF(", "= 1", "= 0")
        .contains("string_agg(DISTINCT", "CASE WHEN send_only THEN 'REJECT' ELSE 'DUNNO' END")
        .contains("NOT mailboxes.send_only");
    assertThat(setting(read("postfix/domains.cf"), "hosts")).isEqualTo("127.0.0.1:5432");
    assertThat(setting(read("dovecot/dovecot-sql.conf.ext"), "driver")).isEqualTo("pgsql");
  }

  @Test
  void mainCfUsesTheMapsInAliasOrderUnderThePostfixDir() throws IOException {
    generate("postgresql", "--postfix-dir", "/etc/postfix/ml");
    String main = read("postfix/main.cf");
    assertThat(setting(main, "virtual_alias_maps"))
        .isEqualTo(
            "pgsql:/etc/postfix/ml/aliases.cf, pgsql:/etc/postfix/ml/mailbox-self.cf,"
                + " pgsql:/etc/postfix/ml/catch-all.cf");
    assertThat(setting(main, "virtual_mailbox_domains"))
        .isEqualTo("pgsql:/etc/postfix/ml/domains.cf");
    assertThat(setting(main, "smtp_tls_policy_maps"))
        .isEqualTo("pgsql:/etc/postfix/ml/tls-policies.cf");
  }

  @Test
  void generatedPasswordsDifferAndAppearWhereTheyAreUsed() throws IOException {
    generate("mysql", "--db-port", "3307");
    String postfix = setting(read("postfix/domains.cf"), "password");
    String connect = setting(read("dovecot/dovecot-sql.conf.ext"), "connect");
    assertThat(connect)
        .startsWith("host=127.0.0.1 port=3307 dbname=mail user=mailledger_dovecot password=");
    String dovecot = connect.substring(connect.indexOf("password=") + "password=".length());
    assertThat(postfix).matches("[A-Za-z0-9]{32}").isNotEqualTo(dovecot);
    assertThat(dovecot).matches("[A-Za-z0-9]{32}");
    String users = read("sql/readonly-users.sql");
    assertThat(users)
        .contains("'mailledger_postfix'@'%' IDENTIFIED BY '" + postfix + "'")
        .contains("'mailledger_dovecot'@'%' IDENTIFIED BY '" + dovecot + "'")
        .doesNotContain("layout_token_entry", "domain_event_entry", "token_entry");
  }

  @Test
  void readonlyUsersForPostgresqlGrantOnlySelectOnLookupTables() throws IOException {
    generate("postgresql", "--postfix-password", "pf.secret", "--dovecot-password", "dc.secret");
    String users = read("sql/readonly-users.sql");
    assertThat(users)
        .contains("CREATE ROLE \"mailledger_postfix\" LOGIN PASSWORD 'pf.secret'")
        .contains("GRANT CONNECT ON DATABASE \"mail\" TO \"mailledger_dovecot\";")
        .contains("GRANT SELECT ON public.domains, public.mailboxes TO \"mailledger_dovecot\";")
        .doesNotContain("layout_token_entry", "INSERT", "UPDATE", "DELETE", "ALL PRIVILEGES");
  }

  @Test
  void dovecotAuthBlocksNameTheSqlFileAndTheVmailIds() throws IOException {
    generate("mysql", "--dovecot-dir", "/opt/dc", "--vmail-uid", "6000", "--vmail-gid", "6001");
    String auth = read("dovecot/auth-mailledger.conf.ext");
    assertThat(auth)
        .contains("passdb {\n  driver = sql\n  args = /opt/dc/dovecot-sql.conf.ext\n}")
        .contains("default_fields = uid=6000 gid=6001");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--postfix-password=has space",
        "--dovecot-password=it's",
        "--postfix-password=a=b",
        "--db-name=mail;drop",
        "--postfix-user=x'y",
        "--dovecot-user=mailledger_postfix",
        "--vmail-uid=0"
      })
  void rejectsValuesThatWouldBreakAConfigLine(String option) {
    int exit =
        run(
            "config",
            "--layout",
            "mum",
            "--dialect",
            "mysql",
            "--db-name",
            "mail",
            "--out",
            out.toString(),
            option);
    assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(out).isEmptyDirectory();
  }

  @Test
  void topCommandListsConfigAndHelpWorks() {
    StringWriter help = new StringWriter();
    int exit = OpsCommand.commandLine().setOut(new PrintWriter(help)).execute("config", "--help");
    assertThat(exit).isZero();
    assertThat(help.toString()).contains("Usage: ops config", "--db-name=NAME", "--vmail-uid=UID");
    assertThat(OpsCommand.commandLine().getSubcommands()).containsKey("config");
  }
}
