package org.mailledger.ops.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailledger.ops.OpsCommand;
import org.mailledger.ops.config.SqlDialect;
import org.mailledger.ops.e2e.CommandsTestApplication;
import org.mailledger.ops.e2e.LookupEngine;
import org.mailledger.ops.export.TableWriter;
import org.mailledger.projection.dinomail.DinoMailLayout;
import org.mailledger.projection.fold.EventLog;
import org.mailledger.projection.fold.LayoutRows;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.projection.postfixadmin.PostfixAdminLayout;
import org.mailledger.projection.progress.LayoutProgress;
import org.mailledger.projection.support.RowId;
import org.mailledger.schema.alias.AddAliasRecipientCommand;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.DeactivateAliasCommand;
import org.mailledger.schema.alias.DeleteAliasCommand;
import org.mailledger.schema.alias.RemoveAliasRecipientCommand;
import org.mailledger.schema.aliasdomain.CreateAliasDomainCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeactivateDomainCommand;
import org.mailledger.schema.mailbox.ChangeMailboxPasswordCommand;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.RenameMailboxCommand;
import org.mailledger.schema.tls.RemoveTlsPolicyCommand;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.LocalPart;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ops verify}, {@code export}, {@code status} and {@code log} against a log filled through
 * the command side and the tables of every layout kept by the real projection. The app is stopped
 * before the tools run, so the tables change only where a test changes them by hand. The tests run
 * in order: the corruption comes last. Once with the lookup tables on each engine; the log is the
 * suite's event store.
 *
 * <p>One instance serves every engine (per-class lifecycle): {@link #fill} sets each field anew.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ParameterizedClass(name = "lookup tables on {0}")
@EnumSource(LookupEngine.class)
class LogToolsTest {

  static final String PASSWORD = "a long enough secret";
  static final List<String> LAYOUTS = Layouts.NAMES;
  static final long GIB = 1024L * 1024 * 1024;

  @Parameter LookupEngine engine;

  TestDatabase log;
  TestDatabase lookup;
  String aliceId;
  String teamId;
  String orgId;
  Instant beforeQuotaChange;
  LayoutRows liveBeforeQuotaChange;
  Map<String, LayoutRows> layoutsBeforeQuotaChange;
  Instant afterAll;

  @BeforeParameterizedClassInvocation
  void fill() throws Exception {
    log = TestDatabases.eventStore();
    lookup = engine.newDatabase();
    aliceId = UUID.randomUUID().toString();
    teamId = UUID.randomUUID().toString();
    orgId = UUID.randomUUID().toString();
    layoutsBeforeQuotaChange = new HashMap<>();
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(CommandsTestApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                Map.ofEntries(
                    Map.entry("spring.datasource.url", log.jdbcUrl()),
                    Map.entry("spring.datasource.username", log.username()),
                    Map.entry("spring.datasource.password", nonNull(log.password())),
                    Map.entry("mailledger.lookup.datasource.url", lookup.jdbcUrl()),
                    Map.entry("mailledger.lookup.datasource.username", lookup.username()),
                    Map.entry("mailledger.lookup.datasource.password", nonNull(lookup.password())),
                    Map.entry("axon.axonserver.enabled", "false"),
                    Map.entry("axon.serializer.general", "jackson"),
                    Map.entry("axon.serializer.events", "jackson"),
                    Map.entry("axon.serializer.messages", "jackson"),
                    Map.entry("mailledger.layouts", "mum,postfixadmin,dinomail"),
                    Map.entry("mailledger.bcrypt-cost", "4")))
            .run()) {
      CommandGateway gateway = app.getBean(CommandGateway.class);
      LayoutProgress progress = app.getBean(LayoutProgress.class);
      sendWorld(gateway);
      await(progress);
      // The tables as Postfix saw them just before the quota change: what export must give back.
      liveBeforeQuotaChange = LiveTables.read(lookup.dataSource()).rows();
      for (String layout : LAYOUTS) {
        layoutsBeforeQuotaChange.put(
            layout, LiveTables.read(lookup.dataSource(), folded(layout)).rows());
      }
      beforeQuotaChange = Instant.now();
      Thread.sleep(5); // the log's time stamps have millisecond precision
      send(gateway, new ChangeMailboxQuotaCommand(aliceId, Quota.ofGigabytes(7)), "carol");
      send(gateway, new ChangeMailboxPasswordCommand(aliceId, new Secret(PASSWORD + "!")), "carol");
      send(gateway, new RenameMailboxCommand(aliceId, LocalPart.of("alicia")), "carol");
      await(progress);
      afterAll = Instant.now();
    }
  }

  private void sendWorld(CommandGateway gateway) {
    String org = orgId;
    String off = UUID.randomUUID().toString();
    send(
        gateway,
        new CreateDomainCommand(
            org,
            DomainName.of("example.org"),
            "Ours",
            Quota.ofGigabytes(2),
            Quota.ofGigabytes(10),
            0,
            0),
        "admin");
    send(
        gateway,
        new CreateDomainCommand(off, DomainName.of("off.example"), "", null, null, 0, 0),
        "admin");
    send(gateway, mailbox(aliceId, "alice@example.org", null), "admin");
    String bob = UUID.randomUUID().toString();
    send(gateway, mailbox(bob, "bob@example.org", Quota.ofBytes(1536L * 1024 * 1024)), "admin");
    send(gateway, mailbox(UUID.randomUUID().toString(), "carol@off.example", null), "admin");
    send(gateway, new DeactivateDomainCommand(off), "admin");
    send(
        gateway,
        new CreateAliasCommand(
            teamId,
            AliasAddress.parse("team@example.org"),
            addresses("alice@example.org", "bob@elsewhere.test"),
            addresses("alice@example.org", "bob@example.org"),
            "The team"),
        "admin");
    send(
        gateway,
        new AddAliasRecipientCommand(teamId, EmailAddress.parse("carol@off.example")),
        "admin");
    send(
        gateway,
        new RemoveAliasRecipientCommand(teamId, EmailAddress.parse("bob@elsewhere.test")),
        "admin");
    send(
        gateway,
        new CreateAliasCommand(
            UUID.randomUUID().toString(),
            AliasAddress.parse("@example.org"),
            addresses("alice@example.org"),
            List.of(),
            ""),
        "admin");
    String old = UUID.randomUUID().toString();
    send(
        gateway,
        new CreateAliasCommand(
            old,
            AliasAddress.parse("old@example.org"),
            addresses("bob@example.org"),
            List.of(),
            ""),
        "admin");
    send(gateway, new DeactivateAliasCommand(old), "admin");
    String gone = UUID.randomUUID().toString();
    send(
        gateway,
        new CreateAliasCommand(
            gone,
            AliasAddress.parse("gone@example.org"),
            addresses("bob@example.org"),
            addresses("bob@example.org"),
            ""),
        "admin");
    send(gateway, new DeleteAliasCommand(gone, false), "admin");
    send(
        gateway,
        new SetTlsPolicyCommand(DomainName.of("example.com"), TlsPolicyLevel.ENCRYPT, null, null),
        "admin");
    send(
        gateway,
        new SetTlsPolicyCommand(
            DomainName.of("secure.test"), TlsPolicyLevel.SECURE, "match=.secure.test", null),
        "admin");
    send(
        gateway,
        new SetTlsPolicyCommand(DomainName.of("gone.test"), TlsPolicyLevel.MAY, null, null),
        "admin");
    send(gateway, new RemoveTlsPolicyCommand(DomainName.of("gone.test")), "admin");
    // Native in postfixadmin, expanded in the views of dinomail and the rows of mum.
    send(
        gateway,
        new CreateAliasDomainCommand(
            UUID.randomUUID().toString(),
            DomainName.of("alias.example"),
            DomainName.of("example.org")),
        "admin");
  }

  static void send(CommandGateway gateway, Object command, String actor) {
    gateway.sendAndWait(
        GenericCommandMessage.asCommandMessage(command)
            .andMetaData(Map.of("actor", actor, "source", "192.0.2.7")));
  }

  static void await(LayoutProgress progress) throws InterruptedException {
    for (String layout : LAYOUTS) {
      String group = folded(layout).processor();
      assertThat(progress.awaitPosition(group, progress.head(), Duration.ofSeconds(60)))
          .as(group)
          .isTrue();
    }
  }

  static FoldedLayout folded(String layout) {
    return FoldedLayout.of(layout, "dinomail_");
  }

  /** {@code postgresql} or {@code mysql}, as the tools spell the lookup database's dialect. */
  String dialect() {
    return lookup.dialect();
  }

  String flag(boolean on) {
    return lookup.dialect().equals("mysql") ? (on ? "1" : "0") : (on ? "TRUE" : "FALSE");
  }

  private static CreateMailboxCommand mailbox(String id, String address, Quota quota) {
    return new CreateMailboxCommand(
        id, EmailAddress.parse(address), new Secret(PASSWORD), "", quota, false);
  }

  private static List<EmailAddress> addresses(String... addresses) {
    return List.of(addresses).stream().map(EmailAddress::parse).toList();
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }

  /** Runs {@code ops ARGS} with the test's databases; answers exit code, stdout and stderr. */
  Run ops(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--spring.datasource.url=" + log.jdbcUrl());
    all.add("--spring.datasource.username=" + log.username());
    all.add("--spring.datasource.password=" + nonNull(log.password()));
    all.add("--mailledger.lookup.datasource.url=" + lookup.jdbcUrl());
    all.add("--mailledger.lookup.datasource.username=" + lookup.username());
    all.add("--mailledger.lookup.datasource.password=" + nonNull(lookup.password()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        OpsCommand.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  void sql(String statement) throws SQLException {
    try (Connection c = lookup.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate(statement);
    }
  }

  @Test
  @Order(1)
  void verifyIsCleanOnTheProjectedTablesOfEveryLayout() {
    for (String layout : LAYOUTS) {
      Run run = ops("verify", "--layout", layout);
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out())
          .startsWith("Layout " + layout + ": ")
          .contains("layout-" + layout + " token")
          .contains("OK: ")
          .doesNotContain("missing")
          .doesNotContain("changed");
    }
    assertThat(layoutsBeforeQuotaChange.get(PostfixAdminLayout.NAME).table("alias_domain"))
        .containsKey("alias.example");
    assertThat(ops("verify", "--layout", "dinomail").out()).contains("tables and 3 views match");
  }

  @Test
  @Order(2)
  void exportAsOfBeforeAChangeGivesTheTablesOfThatMoment(@TempDir Path dir) throws Exception {
    String asOf = beforeQuotaChange.toString();
    for (SqlDialect dialect : SqlDialect.values()) {
      String name = dialect.name().toLowerCase(java.util.Locale.ROOT);
      Run run =
          ops(
              "export",
              "--as-of",
              asOf,
              "--layout",
              "mum",
              "--format",
              "sql",
              "--dialect",
              name,
              "--out",
              dir.toString());
      assertThat(run.code()).as(run.toString()).isZero();
      String sql = Files.readString(dir.resolve("mum-" + name + ".sql"));
      // Everything after the header line is the rows; the snapshot rendered alike must match.
      assertThat(sql.substring(sql.indexOf('\n') + 1))
          .isEqualTo(TableWriter.sql(liveBeforeQuotaChange, dialect));
      assertThat(sql).contains("'alice', ").doesNotContain("'alicia'");
    }
    long alice = RowId.of(aliceId);
    assertThat(liveBeforeQuotaChange.table("mailboxes").get(alice)).containsEntry("quota", 2L);

    Run csv =
        ops(
            "export",
            "--as-of",
            asOf,
            "--layout",
            "mum",
            "--format",
            "csv",
            "--out",
            dir.toString());
    assertThat(csv.code()).as(csv.toString()).isZero();
    List<String> mailboxes = Files.readAllLines(dir.resolve("mailboxes.csv"));
    assertThat(mailboxes.get(0))
        .isEqualTo(
            "id,aggregate_id,local_part,password,name,domain_id,alternative_email,quota,homedir,"
                + "maildir,send_only,active");
    String aliceLine =
        mailboxes.stream().filter(l -> l.startsWith(alice + ",")).findFirst().orElseThrow();
    assertThat(aliceLine).contains(",alice,").contains(",2,/var/vmail/");
    for (String table :
        List.of(
            "domains",
            "tls_policies",
            "mailboxes",
            "aliases",
            "alias_recipients",
            "alias_senders")) {
      assertThat(Files.readAllLines(dir.resolve(table + ".csv")))
          .hasSize(liveBeforeQuotaChange.table(table).size() + 1);
    }

    // And now: the change is there.
    Run now = ops("export", "--as-of", afterAll.toString(), "--layout", "mum", "--format", "sql");
    assertThat(now.out()).contains("'alicia'").doesNotContain("'alice', ");
    assertThat(now.out())
        .isEqualTo(
            now.out().substring(0, now.out().indexOf('\n') + 1)
                + TableWriter.sql(
                    LiveTables.read(lookup.dataSource()).rows(), SqlDialect.POSTGRESQL));
  }

  @Test
  @Order(4)
  void exportOfPostfixAdminAndDinoMailAsOfBeforeAChangeGivesTheTablesOfThatMoment(@TempDir Path dir)
      throws Exception {
    String asOf = beforeQuotaChange.toString();
    SqlDialect dialect = SqlDialect.valueOf(dialect().toUpperCase(Locale.ROOT));
    for (String layout : List.of(PostfixAdminLayout.NAME, DinoMailLayout.NAME)) {
      Run run =
          ops(
              "export",
              "--as-of",
              asOf,
              "--layout",
              layout,
              "--format",
              "sql",
              "--dialect",
              dialect(),
              "--out",
              dir.toString());
      assertThat(run.code()).as(run.toString()).isZero();
      String sql = Files.readString(dir.resolve(layout + "-" + dialect() + ".sql"));
      assertThat(sql).startsWith("-- " + layout + " layout as of ");
      // In the lookup database's own dialect, so that times have the precision its columns keep.
      assertThat(sql.substring(sql.indexOf('\n') + 1))
          .isEqualTo(TableWriter.sql(layoutsBeforeQuotaChange.get(layout), dialect));
      assertThat(sql)
          .contains("'alice@example.org'")
          .contains(", " + 2 * GIB + ", ")
          .doesNotContain("alicia@example.org");
    }
    String postfixAdmin = Files.readString(dir.resolve("postfixadmin-" + dialect() + ".sql"));
    assertThat(postfixAdmin)
        .contains("INSERT INTO mailbox (username, password, name, maildir, quota, local_part,")
        .contains("INSERT INTO alias_domain (alias_domain, target_domain, created, modified,")
        .contains("'alias.example', 'example.org', '");
    assertThat(Files.readString(dir.resolve("dinomail-" + dialect() + ".sql")))
        .contains("INSERT INTO mailledger_dinomail_user (id, domain_id, email,")
        .doesNotContain("virtualuser");

    Run csv =
        ops(
            "export",
            "--as-of",
            asOf,
            "--layout",
            "postfixadmin",
            "--format",
            "csv",
            "--dialect",
            dialect(),
            "--out",
            dir.toString());
    assertThat(csv.code()).as(csv.toString()).isZero();
    List<String> mailboxes = Files.readAllLines(dir.resolve("mailbox.csv"));
    assertThat(mailboxes.get(0))
        .isEqualTo(
            "username,password,name,maildir,quota,local_part,domain,created,modified,active");
    assertThat(mailboxes)
        .anyMatch(l -> l.startsWith("alice@example.org,") && l.contains("," + 2 * GIB + ",alice,"));
    for (String table : List.of("domain", "mailbox", "alias", "alias_domain")) {
      assertThat(Files.readAllLines(dir.resolve(table + ".csv")))
          .hasSize(layoutsBeforeQuotaChange.get(PostfixAdminLayout.NAME).table(table).size() + 1);
    }

    // And now: the change is there.
    for (String layout : List.of(PostfixAdminLayout.NAME, DinoMailLayout.NAME)) {
      Run now =
          ops(
              "export",
              "--as-of",
              afterAll.toString(),
              "--layout",
              layout,
              "--format",
              "sql",
              "--dialect",
              dialect());
      assertThat(now.out())
          .contains("'alicia@example.org'")
          .contains(", " + 7 * GIB + ", ")
          .doesNotContain("'alice@example.org'");
      assertThat(now.out().substring(now.out().indexOf('\n') + 1))
          .isEqualTo(
              TableWriter.sql(
                  LiveTables.read(lookup.dataSource(), folded(layout)).rows(), dialect));
    }
  }

  @Test
  @Order(5)
  void statusListsEveryLayoutThatHasATokenWithItsPosition() throws Exception {
    long head = new EventLog(log.dataSource()).head();
    Run json = ops("status", "--json");
    assertThat(json.code()).as(json.toString()).isZero();
    JsonNode statuses = new ObjectMapper().readTree(json.out());
    assertThat(statuses).hasSize(3);
    for (int i = 0; i < LAYOUTS.size(); i++) {
      JsonNode status = statuses.get(i);
      assertThat(status.get("layout").asText()).isEqualTo(LAYOUTS.get(i));
      assertThat(status.get("head").asLong()).isEqualTo(head);
      // Stored tokens of segments without events of their own may stay behind the head.
      assertThat(status.get("position").asLong()).isBetween(0L, head);
      assertThat(status.get("lagEvents").asLong())
          .isEqualTo(head - status.get("position").asLong());
      assertThat(status.get("state").asText()).isEqualTo("stopped");
      assertThat(status.has("error")).isFalse();
    }
    Run table = ops("status");
    assertThat(table.code()).as(table.toString()).isZero();
    List<String> lines = table.out().lines().toList();
    assertThat(lines.get(0)).startsWith("LAYOUT ").contains("SEGMENT OWNERS");
    assertThat(lines.subList(1, 4))
        .satisfiesExactly(
            l -> assertThat(l).startsWith("mum ").contains(" stopped ").contains("0:-"),
            l -> assertThat(l).startsWith("postfixadmin ").contains(" stopped ").contains("0:-"),
            l -> assertThat(l).startsWith("dinomail ").contains(" stopped ").contains("0:-"));
  }

  @Test
  @Order(3)
  void logFiltersByEntityAndTimeAndNeverPrintsAHash() {
    Run all = ops("log");
    assertThat(all.code()).as(all.toString()).isZero();
    assertThat(all.out()).doesNotContain("$2").doesNotContain("{BLF-CRYPT}");
    assertThat(all.out()).contains("\"passwordHash\":\"(redacted)\"");

    Run alice = ops("log", "--entity", "ALICE@example.org");
    List<String> lines = alice.out().lines().toList();
    assertThat(lines).allMatch(l -> l.contains("alice@example.org"));
    assertThat(lines)
        .anyMatch(l -> l.contains("\"type\":\"MailboxCreatedEvent\""))
        .anyMatch(l -> l.contains("\"type\":\"MailboxQuotaChangedEvent\""))
        .anyMatch(l -> l.contains("\"type\":\"MailboxRenamedEvent\""));
    assertThat(lines.get(0))
        .contains("\"metadata\":{\"actor\":\"admin\",\"source\":\"192.0.2.7\",\"correlationId\":");
    assertThat(alice.out()).doesNotContain("\"type\":\"DomainCreatedEvent\"");

    Run later = ops("log", "--entity", "alice@example.org", "--from", beforeQuotaChange.toString());
    // Quota, password, rename, and the rename's rewiring of the aliases that named alice.
    List<String> afterChange = later.out().lines().toList();
    assertThat(afterChange)
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(l -> l.contains("\"actor\":\"carol\""));
    Run earlier = ops("log", "--entity", "alice@example.org", "--to", beforeQuotaChange.toString());
    assertThat(earlier.out().lines())
        .hasSize(lines.size() - afterChange.size())
        .noneMatch(l -> l.contains("\"actor\":\"carol\""));

    Run domain = ops("log", "--entity", "off.example");
    assertThat(domain.out().lines()).hasSize(2).allMatch(l -> l.contains("\"type\":\"Domain"));
  }

  @Test
  @Order(10)
  void verifyNamesEveryDifferenceAndFails() throws SQLException {
    long alice = RowId.of(aliceId);
    sql("UPDATE mailboxes SET quota = 99 WHERE id = " + alice);
    long carol =
        liveBeforeQuotaChange.table("mailboxes").values().stream()
            .filter(r -> r.get("local_part").equals("carol"))
            .map(r -> (Long) r.get("id"))
            .findFirst()
            .orElseThrow();
    sql("DELETE FROM alias_recipients WHERE recipient_address = 'carol@off.example'");
    sql("DELETE FROM mailboxes WHERE id = " + carol);
    long domain = (Long) liveBeforeQuotaChange.table("mailboxes").get(alice).get("domain_id");
    sql(
        "INSERT INTO aliases (id, aggregate_id, local_part, description, domain_id, active)"
            + " VALUES (42, 'not-from-the-log', 'sneaky', '', "
            + domain
            + ", "
            + (lookup.dialect().equals("mysql") ? "1" : "TRUE")
            + ")");

    Run run = ops("verify", "--layout", "mum");
    System.out.println(run.out());
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "changed  mailboxes id=" + alice + " (alicia@example.org) quota: expected 7, actual 99")
        .contains("missing  mailboxes id=" + carol + " (carol@off.example): expected {id=" + carol)
        .contains("missing  alias_recipients")
        .contains("alias team@example.org to carol@off.example")
        .contains("extra    aliases id=42 (sneaky@example.org): actual {id=42")
        .contains("FAILED: 4 difference(s)")
        .doesNotContain("$2");
  }

  @Test
  @Order(11)
  void verifyNamesEveryDifferenceInPostfixAdminAndFails() throws SQLException {
    sql("UPDATE mailbox SET quota = 99 WHERE username = 'alicia@example.org'");
    sql("DELETE FROM alias WHERE address = 'team@example.org'");
    sql(
        "INSERT INTO alias (address, goto, domain, active) VALUES"
            + " ('sneaky@example.org', 'x@elsewhere.test', 'example.org', "
            + flag(true)
            + ")");

    Run run = ops("verify", "--layout", "postfixadmin");
    System.out.println(run.out());
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "changed  mailbox username=alicia@example.org quota: expected "
                + 7 * GIB
                + ", actual 99")
        .contains("missing  alias address=team@example.org: expected {address='team@example.org'")
        .contains("extra    alias address=sneaky@example.org: actual {address='sneaky@example.org'")
        .contains("FAILED: 3 difference(s)")
        .doesNotContain("$2");
  }

  @Test
  @Order(12)
  void verifyNamesEveryDifferenceInDinoMailTablesAndViewsAndFails() throws SQLException {
    long alice = RowId.of(aliceId);
    sql("UPDATE mailledger_dinomail_user SET quota = 99 WHERE id = " + alice);
    sql("DELETE FROM mailledger_dinomail_alias_recipient WHERE destination = 'carol@off.example'");
    sql(
        "INSERT INTO mailledger_dinomail_alias (id, domain_id, source, local_part, active) VALUES"
            + " (42, "
            + RowId.of(orgId)
            + ", 'sneaky@example.org', 'sneaky', "
            + flag(true)
            + ")");

    Run run = ops("verify", "--layout", "dinomail");
    System.out.println(run.out());
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    String quota = " (alicia@example.org) quota: expected " + 7 * GIB + ", actual 99";
    assertThat(run.out())
        .contains("changed  mailledger_dinomail_user id=" + alice + quota)
        .contains("changed  dinomail_virtualuser id=" + alice + quota)
        .containsPattern(
            "missing  mailledger_dinomail_alias_recipient id=\\d+ \\(alias team@example.org to"
                + " carol@off.example\\)")
        .containsPattern(
            "missing  dinomail_virtualalias id=\\d+ \\(team@example.org to carol@off.example\\)")
        .contains("extra    mailledger_dinomail_alias id=42 (sneaky@example.org): actual {id=42")
        // The alias domain expands the sneaky row in the view too.
        .containsPattern(
            "extra    dinomail_virtualalias id=\\d+ \\(sneaky@alias.example to"
                + " sneaky@example.org\\)")
        .contains("FAILED: 6 difference(s)")
        .doesNotContain("$2");
  }

  record Run(int code, String out, String err) {}
}
