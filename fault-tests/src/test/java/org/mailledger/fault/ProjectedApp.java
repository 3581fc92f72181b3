package org.mailledger.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.mailledger.testsupport.secrets.TestSecrets;

/**
 * The packaged app on throwaway databases, keeping the mum and postfixadmin layouts, with a few
 * rows written through its REST API: what an operator's {@code ops} reads. The event store is
 * {@link TestDatabases#eventStore()} (PostgreSQL, or MariaDB under {@code
 * MAILLEDGER_TEST_EVENTSTORE=mysql}); the lookup tables sit on the given engine, beside the event
 * store when it is the same engine (the default deployment: ops is then given no lookup database).
 */
final class ProjectedApp implements AutoCloseable {

  /** The engine of the lookup tables (and of a source database to import from). */
  enum Engine {
    POSTGRESQL,
    MARIADB;

    TestDatabase newDatabase() {
      return this == POSTGRESQL ? TestDatabases.postgres() : TestDatabases.mysql();
    }

    TestDatabase beside(TestDatabase events) {
      return this == POSTGRESQL
          ? TestDatabases.postgresBeside(events)
          : TestDatabases.mysqlBeside(events);
    }

    /** As {@code ops config --dialect} and {@code ops export --dialect} name it. */
    String dialect() {
      return this == POSTGRESQL ? "postgresql" : "mysql";
    }
  }

  static final String ROOT_PASSWORD = TestSecrets.password("packaged-ops-root");
  static final String ROOT = Http.basic("admin", ROOT_PASSWORD);
  static final List<String> LAYOUTS = List.of("mum", "postfixadmin");
  static final List<String> DOMAINS = List.of("one.example", "two.example");
  static final List<String> MAILBOXES = List.of("ann@one.example", "bob@two.example");
  static final String ALIAS = "team@one.example";
  static final String OUTSIDE_RECIPIENT = "partner@elsewhere.test";

  final Engine engine;
  final TestDatabase events;
  final TestDatabase lookup;
  final AppProcess app;
  final Http http;

  /** The position of the last write: the log's head, since nothing is written after it. */
  final long head;

  private ProjectedApp(Engine engine, TestDatabase events, TestDatabase lookup, AppProcess app) {
    this.engine = engine;
    this.events = events;
    this.lookup = lookup;
    this.app = app;
    this.http = new Http(app.port());
    this.head = write();
  }

  static ProjectedApp start(Engine engine) {
    TestDatabase events = TestDatabases.eventStore();
    TestDatabase lookup = engine.beside(events);
    Map<String, String> env = new HashMap<>();
    env.put("SPRING_DATASOURCE_URL", events.jdbcUrl());
    env.put("SPRING_DATASOURCE_USERNAME", events.username());
    env.put("SPRING_DATASOURCE_PASSWORD", nonNull(events.password()));
    env.put("MAILLEDGER_LOOKUP_DATASOURCE_URL", lookup.jdbcUrl());
    env.put("MAILLEDGER_LOOKUP_DATASOURCE_USERNAME", lookup.username());
    env.put("MAILLEDGER_LOOKUP_DATASOURCE_PASSWORD", nonNull(lookup.password()));
    env.put("MAILLEDGER_BOOTSTRAP_PASSWORD", ROOT_PASSWORD);
    AppProcess app =
        new AppProcess(
            "packaged-ops-" + engine.dialect(),
            env,
            List.of("--mailledger.layouts=" + String.join(",", LAYOUTS)));
    app.start();
    try {
      return new ProjectedApp(engine, events, lookup, app);
    } catch (RuntimeException | AssertionError e) {
      app.close();
      throw e;
    }
  }

  private long write() {
    long position = 0;
    for (String domain : DOMAINS) {
      position = ok("/api/v1/domains", "{\"domain\":\"" + domain + "\"}");
    }
    String password = TestSecrets.password("packaged-ops-mailbox");
    for (String mailbox : MAILBOXES) {
      String[] parts = mailbox.split("@");
      position =
          ok(
              "/api/v1/domains/" + parts[1] + "/mailboxes",
              "{\"localPart\":\"" + parts[0] + "\",\"password\":\"" + password + "\"}");
    }
    String[] alias = ALIAS.split("@");
    position =
        ok(
            "/api/v1/domains/" + alias[1] + "/aliases",
            "{\"localPart\":\""
                + alias[0]
                + "\",\"recipients\":[\""
                + MAILBOXES.get(1)
                + "\",\""
                + OUTSIDE_RECIPIENT
                + "\"],\"senders\":[\""
                + MAILBOXES.get(0)
                + "\"]}");
    // ?wait=true answers 202 when a layout took longer than the bounded wait: wait for it here.
    http.awaitProjections(ROOT, Duration.ofSeconds(60));
    return position;
  }

  private long ok(String path, String body) {
    Http.Answer answer = http.send("POST", path + "?wait=true", ROOT, body);
    assertThat(answer.status()).as(path + ": " + answer).isBetween(200, 202);
    long position = answer.json().path("position").asLong(-1);
    assertThat(position).as(path + ": " + answer).isPositive();
    return position;
  }

  /**
   * The databases as an operator gives them to ops: URLs and users as options, the lookup database
   * only when it is not the event store's, passwords by environment ({@link #passwords}).
   */
  List<String> databaseOptions() {
    List<String> options = new ArrayList<>();
    options.add("--spring.datasource.url=" + events.jdbcUrl());
    options.add("--spring.datasource.username=" + events.username());
    if (!lookup.equals(events)) {
      options.add("--mailledger.lookup.datasource.url=" + lookup.jdbcUrl());
      options.add("--mailledger.lookup.datasource.username=" + lookup.username());
    }
    return options;
  }

  Map<String, String> passwords() {
    return Map.of(
        "SPRING_DATASOURCE_PASSWORD", nonNull(events.password()),
        "MAILLEDGER_LOOKUP_DATASOURCE_PASSWORD", nonNull(lookup.password()));
  }

  /** {@code ops ARGS} on this app's databases. */
  OpsProcess.Outcome ops(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(databaseOptions());
    return OpsProcess.run(passwords(), all);
  }

  long eventCount() {
    return new EventLog(events.jdbcUrl(), events.username(), nonNull(events.password())).count();
  }

  /** Stops the app the way an operator does (SIGTERM), releasing its token claims. */
  void stop() {
    app.close();
  }

  @Override
  public void close() {
    app.close();
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
