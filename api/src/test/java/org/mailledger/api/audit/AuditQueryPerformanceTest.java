package org.mailledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The history's queries on a million rows read through the indexes of V10__audit, not the whole
 * table. Asserts the plans only; the timings are printed, since they depend on the machine.
 * PostgreSQL only, whatever the suite's event store: it reads PostgreSQL's EXPLAIN and pg_indexes
 * and fills the table with generate_series.
 */
class AuditQueryPerformanceTest {

  static final TestDatabase DATABASE = TestDatabases.postgres();
  static final int ROWS = 1_000_000;

  private static SingleConnectionDataSource dataSource;
  private static JdbcTemplate jdbc;
  private static AuditQueries queries;
  private static NamedParameterJdbcTemplate named;

  @BeforeAll
  static void aMillionEntries() {
    dataSource =
        new SingleConnectionDataSource(
            DATABASE.jdbcUrl(), DATABASE.username(), DATABASE.password(), true);
    Flyway.configure()
        .dataSource(dataSource)
        .locations(org.mailledger.schema.eventstore.EventStoreDialect.POSTGRESQL.migrations())
        .load()
        .migrate();
    jdbc = new JdbcTemplate(dataSource);
    named = new NamedParameterJdbcTemplate(dataSource);
    queries =
        new AuditQueries(named, org.mailledger.schema.eventstore.EventStoreDialect.POSTGRESQL);

    long start = System.nanoTime();
    // Built after the fill from the migration's own definitions: one sort per index instead of
    // a million index insertions keeps this test to seconds, and still tests V10's indexes.
    List<String> indexes =
        jdbc.queryForList(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'audit_entry'"
                + " AND indexname <> 'audit_entry_pkey'",
            String.class);
    for (String name :
        jdbc.queryForList(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'audit_entry'"
                + " AND indexname <> 'audit_entry_pkey'",
            String.class)) {
      jdbc.execute("DROP INDEX " + name);
    }
    jdbc.execute("SET maintenance_work_mem = '256MB'");
    // 100,000 mailboxes in 1,000 domains, ten events each; 200 admins; one event a second.
    jdbc.update(
        "INSERT INTO audit_entry (global_index, occurred_at, actor, source, correlation_id,"
            + " event_type, payload_type, entity_kind, entity, entity_before, entity_domain,"
            + " aggregate_id, change_json)"
            + " SELECT i, timestamptz '2026-01-01T00:00:00Z' + i * interval '1 second',"
            + " 'admin' || (i % 200), '10.0.0.' || (i % 250), 'c' || i,"
            + " (ARRAY['MailboxCreated','MailboxQuotaChanged','MailboxPasswordChanged',"
            + "'AliasCreated','AliasRecipientAdded','DomainSettingsChanged','MailboxRenamed',"
            + "'MailboxDeleted'])[1 + i % 8],"
            + " 'org.mailledger.schema.mailbox.MailboxQuotaChangedEvent', 'mailbox',"
            + " 'user' || (i % 100000) || '@d' || (i % 1000) || '.example',"
            + " CASE WHEN i % 1000 = 0 THEN 'old' || i || '@d' || (i % 1000) || '.example' END,"
            + " 'd' || (i % 1000) || '.example', 'agg-' || (i % 100000),"
            + " '{\"quotaBytes\":{\"before\":1073741824,\"after\":2147483648}}'"
            + " FROM generate_series(1, ?) AS i",
        ROWS);
    indexes.forEach(jdbc::execute);
    jdbc.execute("ANALYZE audit_entry");
    System.out.printf(
        "audit_entry: %,d rows inserted, indexes rebuilt, analyzed in %d ms%n",
        ROWS, (System.nanoTime() - start) / 1_000_000);
  }

  @AfterAll
  static void close() {
    dataSource.destroy();
  }

  private static AuditFilter filter(String entity, String actor, List<String> domains) {
    return new AuditFilter(entity, null, actor, null, null, null, domains, 0, 50);
  }

  private static List<String> explain(String label, AuditFilter filter) {
    SqlQuery query = queries.select(filter);
    List<String> plan =
        named.queryForList("EXPLAIN (ANALYZE) " + query.sql(), query.parameters(), String.class);
    System.out.println("EXPLAIN ANALYZE of the " + label + " query:");
    plan.forEach(line -> System.out.println("  " + line));
    return plan;
  }

  /** Median and worst of 50 runs, after 5 warm-up runs, in ms. */
  private static void time(String label, AuditFilter filter) {
    for (int i = 0; i < 5; i++) {
      queries.find(filter);
    }
    List<Double> runs = new ArrayList<>();
    int found = 0;
    for (int i = 0; i < 50; i++) {
      long start = System.nanoTime();
      found = queries.find(filter).items().size();
      runs.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(runs);
    System.out.printf(
        "%s query (%d items): median %.2f ms, max %.2f ms over %d runs%n",
        label, found, runs.get(runs.size() / 2), runs.get(runs.size() - 1), runs.size());
  }

  @Test
  void entityQueryReadsItsIndexes() {
    AuditFilter byEntity = filter("user4242@d242.example", null, null);
    List<String> plan = explain("entity", byEntity);
    assertThat(String.join("\n", plan))
        .doesNotContain("Seq Scan on audit_entry")
        .containsPattern("Index Scan.* audit_entry_entity\\s")
        .containsPattern("Index Scan.* audit_entry_entity_before\\s");
    assertThat(queries.find(byEntity).items()).hasSize(10);
    time("entity", byEntity);
  }

  @Test
  void actorQueryReadsItsIndex() {
    AuditFilter byActor = filter(null, "admin7", null);
    List<String> plan = explain("actor", byActor);
    assertThat(String.join("\n", plan))
        .doesNotContain("Seq Scan on audit_entry")
        .containsPattern("Index Scan.* audit_entry_actor\\s");
    assertThat(queries.find(byActor).items()).hasSize(50);
    time("actor", byActor);
  }

  @Test
  void otherQueriesForTheRecord() {
    AuditFilter domainAdmin = filter(null, null, List.of("d7.example"));
    AuditFilter window =
        new AuditFilter(
            null,
            null,
            null,
            null,
            Instant.parse("2026-01-05T00:00:00Z"),
            Instant.parse("2026-01-05T01:00:00Z"),
            null,
            0,
            50);
    AuditFilter newest = filter(null, null, null);
    for (var labelled :
        List.of(
            new Object[] {"domain-admin (one granted domain)", domainAdmin},
            new Object[] {"time window", window},
            new Object[] {"unfiltered newest", newest})) {
      String label = (String) labelled[0];
      AuditFilter query = (AuditFilter) labelled[1];
      assertThat(String.join("\n", explain(label, query)))
          .doesNotContain("Seq Scan on audit_entry");
      time(label, query);
    }
  }
}
