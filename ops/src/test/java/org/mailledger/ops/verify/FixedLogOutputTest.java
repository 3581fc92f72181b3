package org.mailledger.ops.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mailledger.ops.OpsCommand;
import org.mailledger.projection.fold.EventLog;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.support.RowId;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/**
 * {@code ops export} and {@code ops verify} print, byte for byte, what they printed for a fixed log
 * when the fixtures under {@code src/test/resources/fixed-log/} were written: a change to a fold,
 * to the rows' shape or to how a layout's fold is chosen that moves one byte of any output fails
 * here. The log ({@code log.jsonl}) holds every kind of mail event, an event of no lookup table and
 * a change to a mailbox that never was; it is written straight into {@code domain_event_entry} with
 * fixed ids and times, so nothing in the output depends on the run. Each output is also written to
 * {@code target/fixed-log/}, to diff against or to take as a new fixture when a change of output is
 * intended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixedLogOutputTest {

  static final List<String> LAYOUTS = List.of("mum", "postfixadmin", "dinomail");
  static final List<String> DIALECTS = List.of("postgresql", "mysql");
  static final Instant FIRST = Instant.parse("2026-11-20T10:00:00Z");
  static final long STEP_MILLIS = 1250;
  // Between position 36 (the change to the mailbox that never was) and 37 (alice's new quota).
  static final String BEFORE_CHANGES = "2026-11-20T10:00:44Z";
  static final String AFTER_ALL = "2026-11-21";
  static final String EXAMPLE_ORG = "0d000000-0000-4000-8000-000000000001";
  static final Path ACTUAL = Path.of("target", "fixed-log");

  TestDatabase db;
  long head;

  @BeforeAll
  void writeTheLog() throws Exception {
    db = TestDatabases.eventStore();
    Flyway.configure()
        .dataSource(db.dataSource())
        .locations("classpath:db/eventstore/" + db.dialect())
        .load()
        .migrate();
    LookupDatabase lookup = new LookupDatabase(db.dataSource());
    for (String layout : LAYOUTS) {
      Layouts.migrate(lookup, layout);
    }
    head = insertLog();
    Files.createDirectories(ACTUAL);
  }

  @Test
  void exportPrintsTheFixedSqlOfEveryLayoutDialectAndInstant() throws IOException {
    SoftAssertions softly = new SoftAssertions();
    for (String layout : LAYOUTS) {
      for (String dialect : DIALECTS) {
        for (String asOf : List.of(BEFORE_CHANGES, AFTER_ALL)) {
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
                  dialect);
          assertThat(run.code()).as(run.toString()).isZero();
          String when = asOf.equals(AFTER_ALL) ? "after-all" : "before-changes";
          assertMatchesFixture(
              softly, "export-" + layout + "-" + dialect + "-" + when + ".sql", run.out());
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void exportWritesTheFixedCsvOfEveryLayoutAndDialect(@TempDir Path dir) throws IOException {
    SoftAssertions softly = new SoftAssertions();
    for (String layout : LAYOUTS) {
      for (String dialect : DIALECTS) {
        Path out = dir.resolve(layout + "-" + dialect);
        Run run =
            ops(
                "export",
                "--as-of",
                BEFORE_CHANGES,
                "--layout",
                layout,
                "--format",
                "csv",
                "--dialect",
                dialect,
                "--out",
                out.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        StringBuilder files = new StringBuilder();
        try (Stream<Path> written = Files.list(out)) {
          for (Path file : written.sorted().toList()) {
            files
                .append("==> ")
                .append(file.getFileName())
                .append(" <==\n")
                .append(Files.readString(file));
          }
        }
        assertMatchesFixture(
            softly, "export-" + layout + "-" + dialect + ".csv.txt", files.toString());
      }
    }
    softly.assertAll();
  }

  /**
   * Loads the export of the whole log into the live tables of every layout with a token at the
   * head, so verify is clean; then changes, deletes and adds rows by hand, so verify names each.
   */
  @Test
  void verifyPrintsTheFixedReportOfEveryLayout() throws Exception {
    SoftAssertions softly = new SoftAssertions();
    for (String layout : LAYOUTS) {
      Run export =
          ops(
              "export",
              "--as-of",
              AFTER_ALL,
              "--layout",
              layout,
              "--format",
              "sql",
              "--dialect",
              db.dialect());
      assertThat(export.code()).as(export.toString()).isZero();
      List<String> statements = new ArrayList<>();
      export
          .out()
          .lines()
          .filter(l -> l.startsWith("INSERT INTO "))
          .forEach(l -> statements.add(l.substring(0, l.length() - 1)));
      statements.add(
          "INSERT INTO layout_token_entry (processor_name, segment, token, token_type) VALUES"
              + " ('layout-"
              + layout
              + "', 0, '{\"globalIndex\":"
              + head
              + "}', 'org.axonframework.eventhandling.GlobalSequenceTrackingToken')");
      sql(statements);
    }
    Map<String, String> clean = new HashMap<>();
    for (String layout : LAYOUTS) {
      Run run = ops("verify", "--layout", layout);
      assertThat(run.code()).as(run.toString()).isZero();
      clean.put(layout, run.out());
    }

    String on = flag(true);
    // Not the columns' default, the time of the run.
    String noon =
        db.dialect().equals("mysql") ? "'2026-11-20 12:00:00'" : "'2026-11-20 12:00:00+00'";
    sql(
        List.of(
            "UPDATE mailboxes SET quota = 99 WHERE local_part = 'alicia'",
            "DELETE FROM alias_recipients WHERE recipient_address = 'carol@off.example'",
            "INSERT INTO aliases (id, aggregate_id, local_part, description, domain_id, active)"
                + " VALUES (42, 'not-from-the-log', 'sneaky', '', "
                + RowId.of(EXAMPLE_ORG)
                + ", "
                + on
                + ")",
            "UPDATE mailbox SET quota = 99 WHERE username = 'alicia@example.org'",
            "DELETE FROM alias WHERE address = 'team@example.org'",
            "INSERT INTO alias (address, goto, domain, created, modified, active) VALUES"
                + " ('sneaky@example.org', 'x@elsewhere.test', 'example.org', "
                + noon
                + ", "
                + noon
                + ", "
                + on
                + ")",
            "UPDATE mailledger_dinomail_user SET quota = 99 WHERE local_part = 'alicia'",
            "DELETE FROM mailledger_dinomail_alias_recipient WHERE destination ="
                + " 'carol@off.example'",
            "INSERT INTO mailledger_dinomail_alias (id, domain_id, source, local_part, active)"
                + " VALUES (42, "
                + RowId.of(EXAMPLE_ORG)
                + ", 'sneaky@example.org', 'sneaky', "
                + on
                + ")"));
    for (String layout : LAYOUTS) {
      Run run = ops("verify", "--layout", layout);
      assertThat(run.code()).as(run.toString()).isEqualTo(1);
      assertMatchesFixture(
          softly, "verify-" + layout + "-" + db.dialect() + ".txt", clean.get(layout) + run.out());
    }
    softly.assertAll();
  }

  /** Writes the log: positions 1, 2, ... in file order, 1.25 s apart from {@link #FIRST}. */
  private long insertLog() throws IOException, SQLException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Long> sequences = new HashMap<>();
    long position = 0;
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO domain_event_entry (global_index, aggregate_identifier,"
                    + " sequence_number, type, event_identifier, meta_data, payload,"
                    + " payload_revision, payload_type, time_stamp)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, '1', ?, ?)")) {
      for (String line : fixture("log.jsonl").lines().toList()) {
        JsonNode event = json.readTree(line);
        position++;
        String aggregate = event.get("aggregate").asText();
        String type = event.get("type").asText();
        insert.setLong(1, position);
        insert.setString(2, aggregate);
        insert.setLong(3, sequences.merge(aggregate, 1L, Long::sum) - 1);
        insert.setString(4, type.substring(0, type.indexOf('.')));
        insert.setString(5, "00000000-0000-4000-8000-" + String.format("%012d", position));
        insert.setBytes(
            6, "{\"actor\":\"admin\",\"source\":\"192.0.2.7\"}".getBytes(StandardCharsets.UTF_8));
        insert.setBytes(7, json.writeValueAsBytes(event.get("payload")));
        insert.setString(8, "org.mailledger.schema." + type);
        insert.setString(9, EventLog.timeStamp(FIRST.plusMillis(STEP_MILLIS * (position - 1))));
        insert.executeUpdate();
      }
    }
    return position;
  }

  /** Soft, so that one run writes and reports every output, not only the first that differs. */
  private static void assertMatchesFixture(SoftAssertions softly, String name, String actual)
      throws IOException {
    Files.writeString(ACTUAL.resolve(name), actual, StandardCharsets.UTF_8);
    softly
        .assertThat(actual)
        .as(name + " (this run's output is in " + ACTUAL.resolve(name) + ")")
        .isEqualTo(fixture(name));
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = FixedLogOutputTest.class.getResourceAsStream("/fixed-log/" + name)) {
      return in == null
          ? "(no fixture fixed-log/" + name + ")"
          : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String flag(boolean on) {
    return db.dialect().equals("mysql") ? (on ? "1" : "0") : (on ? "TRUE" : "FALSE");
  }

  private void sql(List<String> statements) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      for (String statement : statements) {
        st.executeUpdate(statement);
      }
    }
  }

  /** Runs {@code ops ARGS} with the log and the lookup tables in the one test database. */
  private Run ops(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    String password = db.password() == null ? "" : db.password();
    all.add("--spring.datasource.url=" + db.jdbcUrl());
    all.add("--spring.datasource.username=" + db.username());
    all.add("--spring.datasource.password=" + password);
    all.add("--mailledger.lookup.datasource.url=" + db.jdbcUrl());
    all.add("--mailledger.lookup.datasource.username=" + db.username());
    all.add("--mailledger.lookup.datasource.password=" + password);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        OpsCommand.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  record Run(int code, String out, String err) {}
}
