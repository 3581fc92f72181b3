package org.mailledger.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailledger.fault.ProjectedApp.Engine;
import org.mailledger.testsupport.TestDatabase;

/**
 * Every {@code ops} subcommand from the packaged jar, {@code java -jar ops/target/ops-*.jar}, with
 * only what the jar ships on its class path. The ops module's own tests run the commands on the
 * test class path, which hid two libraries the jar lacked: {@code import} and {@code status} died
 * with NoClassDefFoundError (issue 21). Here they read the tables the packaged app projected, with
 * the lookup tables on PostgreSQL and on MariaDB: one app per engine for the whole class. The tests
 * run in order, the rebuild last, since it stops the app.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedOpsTest {

  final Map<Engine, ProjectedApp> apps = new EnumMap<>(Engine.class);

  @BeforeAll
  void startTheApps() {
    for (Engine engine : Engine.values()) {
      apps.put(engine, ProjectedApp.start(engine));
    }
  }

  @AfterAll
  void stopTheApps() {
    apps.values().forEach(ProjectedApp::close);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  @Order(1)
  void statusShowsEveryLayoutRunningAtTheHead(Engine engine) {
    ProjectedApp app = apps.get(engine);
    OpsProcess.Outcome status = app.ops("status");

    assertThat(status.exitCode()).as(status.toString()).isZero();
    List<String> lines = status.out().lines().toList();
    assertThat(lines.get(0).split("\\s+"))
        .as(status.toString())
        .startsWith("LAYOUT", "STATE", "POSITION", "HEAD", "LAG");
    Map<String, List<String>> rows = new HashMap<>();
    lines.stream()
        .skip(1)
        .map(line -> List.of(line.strip().split("\\s+")))
        .forEach(row -> rows.put(row.get(0), row));
    assertThat(rows).as(status.toString()).containsOnlyKeys(ProjectedApp.LAYOUTS);
    String head = Long.toString(app.head);
    rows.forEach(
        (layout, row) ->
            assertThat(row.subList(1, 6))
                .as(layout + " in\n" + status)
                .containsExactly("running", head, head, "0", "0"));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  @Order(2)
  void statusJsonIsWhatTheAppsApiShows(Engine engine) throws IOException {
    ProjectedApp app = apps.get(engine);
    OpsProcess.Outcome status = app.ops("status", "--json");

    assertThat(status.exitCode()).as(status.toString()).isZero();
    JsonNode layouts = Http.JSON.readTree(status.out());
    assertThat(summaries(layouts))
        .as(status.toString())
        .containsExactlyInAnyOrderElementsOf(
            ProjectedApp.LAYOUTS.stream()
                .map(l -> l + " running at " + app.head + " of " + app.head + ", lag 0")
                .toList());
    assertThat(layouts)
        .as("each segment is claimed by the app")
        .allSatisfy(layout -> assertThat(layout.path("owners").size()).isPositive());
    Http.Answer api = app.http.send("GET", "/api/v1/projections", ProjectedApp.ROOT, null);
    assertThat(summaries(layouts)).containsExactlyInAnyOrderElementsOf(summaries(api.json()));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  @Order(3)
  void verifyFindsEveryLayoutEqualToTheLog(Engine engine) {
    ProjectedApp app = apps.get(engine);
    for (String layout : ProjectedApp.LAYOUTS) {
      OpsProcess.Outcome verify = app.ops("verify", "--layout", layout);

      assertThat(verify.exitCode()).as(verify.toString()).isZero();
      assertThat(verify.out())
          .as(verify.toString())
          .contains(
              "Layout "
                  + layout
                  + ": the live tables have applied the log up to position "
                  + app.head)
          .containsPattern("OK: [1-9]\\d* rows in \\d+ tables.* match \\d+ events of the log\\.");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  @Order(4)
  void exportWritesTheRowsAsOfNow(Engine engine) {
    ProjectedApp app = apps.get(engine);
    String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    OpsProcess.Outcome export =
        app.ops(
            "export",
            "--as-of",
            now,
            "--layout",
            "mum",
            "--format",
            "sql",
            "--dialect",
            engine.dialect());

    assertThat(export.exitCode()).as(export.toString()).isZero();
    assertThat(export.out())
        .as(export.toString())
        .startsWith("-- mum layout as of ")
        .contains("(log position " + app.head + ", ")
        .contains("INSERT INTO domains", "INSERT INTO mailboxes", "INSERT INTO alias_recipients")
        .contains("'one.example'", "'two.example'", "'ann'", "'bob'", "'team'")
        .contains("'" + ProjectedApp.MAILBOXES.get(1) + "'", "'" + ProjectedApp.OUTSIDE_RECIPIENT);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  @Order(5)
  void logPrintsEveryEventAsAJsonLineWithoutHashes(Engine engine) throws IOException {
    ProjectedApp app = apps.get(engine);
    OpsProcess.Outcome log = app.ops("log");

    assertThat(log.exitCode()).as(log.toString()).isZero();
    List<JsonNode> events = new ArrayList<>();
    for (String line : log.out().lines().toList()) {
      events.add(Http.JSON.readTree(line));
    }
    assertThat(events).as(log.toString()).hasSize((int) app.eventCount());
    List<Long> positions = events.stream().map(e -> e.path("position").asLong()).toList();
    assertThat(positions).as(log.toString()).isSorted().doesNotHaveDuplicates();
    assertThat(positions.get(positions.size() - 1)).isEqualTo(app.head);
    assertThat(events.stream().map(e -> e.path("type").asText()).toList())
        .as(log.toString())
        .containsSubsequence(
            "DomainCreatedEvent",
            "DomainCreatedEvent",
            "MailboxCreatedEvent",
            "MailboxCreatedEvent",
            "AliasCreatedEvent",
            "AliasSenderAddedEvent");
    assertThat(events)
        .filteredOn(e -> e.path("type").asText().equals("MailboxCreatedEvent"))
        .as(log.toString())
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.path("metadata").path("actor").asText()).isEqualTo("admin"))
        .allSatisfy(e -> assertThat(e.path("payload").toString()).contains("(redacted)"));
    assertThat(log.out()).doesNotContain("$2y$", "$2a$", "$2b$");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  @Order(6)
  void configWritesFilesWhoseQueriesReadTheProjectedTables(Engine engine, @TempDir Path out)
      throws IOException, SQLException {
    TestDatabase lookup = apps.get(engine).lookup;
    OpsProcess.Outcome config =
        OpsProcess.run(
            Map.of(),
            List.of(
                "config",
                "--layout",
                "mum",
                "--dialect",
                engine.dialect(),
                "--db-host",
                lookup.host(),
                "--db-port",
                Integer.toString(lookup.port()),
                "--db-name",
                lookup.database(),
                "--out",
                out.toString()));

    assertThat(config.exitCode()).as(config.toString()).isZero();
    List<Path> written =
        config.out().lines().map(line -> Path.of(line.substring(line.indexOf(' ') + 1))).toList();
    assertThat(written)
        .as(config.toString())
        .contains(
            out.resolve("postfix/domains.cf"),
            out.resolve("postfix/mailboxes.cf"),
            out.resolve("postfix/aliases.cf"),
            out.resolve("postfix/main.cf"),
            out.resolve("dovecot/dovecot-sql.conf.ext"),
            out.resolve("sql/readonly-users.sql"))
        .allSatisfy(file -> assertThat(file).isNotEmptyFile());

    String domains = Files.readString(out.resolve("postfix/domains.cf"));
    assertThat(domains)
        .contains("dbname = " + lookup.database())
        .contains("query = SELECT domain FROM domains WHERE domain = '%s' AND active");
    assertThat(query(lookup, domains, Map.of("%s", "one.example"))).containsExactly("one.example");
    assertThat(query(lookup, domains, Map.of("%s", "nowhere.example"))).isEmpty();
    String mailboxes = Files.readString(out.resolve("postfix/mailboxes.cf"));
    assertThat(query(lookup, mailboxes, Map.of("%u", "ann", "%d", "one.example")))
        .containsExactly("1");
    String aliases = Files.readString(out.resolve("postfix/aliases.cf"));
    assertThat(query(lookup, aliases, Map.of("%u", "team", "%d", "one.example")))
        .singleElement()
        .satisfies(
            goTo ->
                assertThat(Set.of(goTo.split(",")))
                    .isEqualTo(
                        Set.of(ProjectedApp.MAILBOXES.get(1), ProjectedApp.OUTSIDE_RECIPIENT)));
    assertThat(Files.readString(out.resolve("dovecot/dovecot-sql.conf.ext")))
        .contains("password_query = ", "user_query = ");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  @Order(7)
  void importDryRunPlansPostfixAdminsBcryptMailboxes(Engine engine) throws SQLException {
    ProjectedApp app = apps.get(engine);
    TestDatabase source = PostfixAdminSource.create(engine);
    long eventsBefore = app.eventCount();
    List<String> args =
        new ArrayList<>(
            List.of(
                "import",
                "--from",
                "postfixadmin",
                "--url",
                source.jdbcUrl(),
                "--user",
                source.username(),
                "--dry-run"));
    args.addAll(app.databaseOptions());
    Map<String, String> env = new HashMap<>(app.passwords());
    env.put("MAILLEDGER_IMPORT_PASSWORD", source.password() == null ? "" : source.password());
    OpsProcess.Outcome dryRun = OpsProcess.run(env, args);

    assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
    assertThat(dryRun.out())
        .as(dryRun.toString())
        .startsWith("Dry run of an import from postfixadmin " + source.jdbcUrl())
        .contains("nothing was written")
        .containsPattern("domains:\\s+1 to import, 0 imported before")
        .containsPattern("mailboxes:\\s+2 to import, 0 imported before")
        .containsPattern("aliases:\\s+1 to import, 0 imported before")
        .contains("would import domain " + PostfixAdminSource.DOMAIN)
        .contains("would import mailbox " + PostfixAdminSource.MAILBOXES.get(0))
        .contains("would import mailbox " + PostfixAdminSource.MAILBOXES.get(1))
        .contains("would import alias " + PostfixAdminSource.ALIAS)
        .doesNotContain("domain ALL", "$2y$");
    assertThat(app.eventCount()).as("events after the dry run").isEqualTo(eventsBefore);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  @Order(8)
  void rebuildRunsOnceTheAppIsStoppedAndVerifyIsCleanAfterwards(Engine engine) throws IOException {
    ProjectedApp app = apps.get(engine);
    OpsProcess.Outcome refused = app.ops("rebuild", "--layout", "mum", "--progress", "lines");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err())
        .as(refused.toString())
        .contains("layout-mum is running in another process", "Nothing was changed.");

    app.stop();
    OpsProcess.Outcome status = app.ops("status", "--json");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(summaries(Http.JSON.readTree(status.out())))
        .as(status.toString())
        .contains("mum stopped at " + app.head + " of " + app.head + ", lag 0");

    OpsProcess.Outcome rebuild = app.ops("rebuild", "--layout", "mum", "--progress", "lines");
    assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
    assertThat(rebuild.out())
        .as(rebuild.toString())
        .contains("Layout mum rebuilt up to log position " + app.head + " and swapped in.");

    OpsProcess.Outcome verify = app.ops("verify", "--layout", "mum");
    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(verify.out()).as(verify.toString()).contains("OK: ");
  }

  /** One line per layout of a projections array, as {@code status --json} and the API give it. */
  private static List<String> summaries(JsonNode layouts) {
    assertThat(layouts).as("a JSON array of layouts").isNotNull();
    assertThat(layouts.isArray()).as(layouts.toString()).isTrue();
    return StreamSupport.stream(layouts.spliterator(), false)
        .map(
            l ->
                l.path("layout").asText()
                    + " "
                    + l.path("state").asText()
                    + " at "
                    + l.path("position").asLong(-1)
                    + " of "
                    + l.path("head").asLong(-1)
                    + ", lag "
                    + l.path("lagEvents").asLong(-1))
        .toList();
  }

  /**
   * The {@code query} of a generated Postfix map file, run as Postfix runs it: the key's parts
   * pasted in, each row's first column.
   */
  private static List<String> query(TestDatabase db, String mapFile, Map<String, String> key)
      throws SQLException {
    String sql =
        mapFile
            .lines()
            .filter(line -> line.startsWith("query = "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no query in\n" + mapFile))
            .substring("query = ".length())
            .replaceAll(";\\s*$", "");
    for (Map.Entry<String, String> part : key.entrySet()) {
      sql = sql.replace(part.getKey(), part.getValue());
    }
    List<String> rows = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
