package org.mailledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mailledger.projection.fold.Fold;
import org.mailledger.projection.fold.LayoutRows;
import org.mailledger.projection.fold.LogRange;
import org.mailledger.projection.fold.MumFold;
import org.mailledger.projection.fold.Progress;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A replay from the start of the log yields exactly the tables the live projection built, and the
 * in-memory fold the same rows, with the lookup tables on each engine. A Spring test context
 * belongs to a test class and its {@code @DynamicPropertySource}, so each engine is a
 * {@code @Nested} class of its own (one context each), side by side here.
 */
class ReplayEqualsLiveTest {

  /** The PostgreSQL layout, beside the event store when that is PostgreSQL. */
  @Nested
  class OnPostgres extends Scenario {

    static final TestDatabase DATABASE = TestDatabases.eventStore();
    static final TestDatabase LOOKUP = TestDatabases.postgresBeside(DATABASE);

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
      eventStore(registry, DATABASE);
      lookupIn(registry, DATABASE, LOOKUP);
    }

    OnPostgres() {
      super(DATABASE, 20261121L, Set.of());
    }
  }

  /**
   * The lookup tables on MariaDB, where upserts are ON DUPLICATE KEY; beside the event store when
   * that is MySQL/MariaDB too (a MySQL-only deployment).
   */
  @Nested
  class OnMariaDb extends Scenario {

    static final TestDatabase EVENT_STORE = TestDatabases.eventStore();
    static final TestDatabase LOOKUP = TestDatabases.mysqlBeside(EVENT_STORE);

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
      eventStore(registry, EVENT_STORE);
      lookupIn(registry, EVENT_STORE, LOOKUP);
    }

    // hosted_domain stands in for PostgreSQL's partial unique index (V2__alias_domains.sql): a
    // stored column MariaDB derives from alias_target_id, which the fold's rows are compared on.
    OnMariaDb() {
      super(EVENT_STORE, 20261123L, Set.of("hosted_domain"));
    }
  }

  /** The tests, the same on each engine; a seed of each engine's own gives each its own world. */
  abstract static class Scenario extends ProjectionTestBase {

    private final TestDatabase eventStore;
    private final long seed;
    private final Set<String> derivedColumns;

    /**
     * @param derivedColumns columns the engine computes itself, which no fold writes
     */
    Scenario(TestDatabase eventStore, long seed, Set<String> derivedColumns) {
      this.eventStore = eventStore;
      this.seed = seed;
      this.derivedColumns = derivedColumns;
    }

    @Test
    void replayRebuildsIdenticalTables() throws Exception {
      RandomCommands commands = new RandomCommands(seed);
      commands.run(3000, this::send);
      awaitProjection();
      Map<String, List<Map<String, Object>>> live = snapshot();

      replay();
      awaitProjection();

      assertThat(commands.accepted).as("accepted commands").isGreaterThan(1000);
      assertThat(commands.refused).as("refused commands").isGreaterThan(100);
      assertThat(live.get("mailboxes")).isNotEmpty();
      assertThat(live.get("alias_recipients")).isNotEmpty();
      assertThat(live.get("aliases"))
          .as("rows expanded for alias domains")
          .anyMatch(row -> row.get("expanded_from") != null);
      assertThat(snapshot()).isEqualTo(live);
    }

    /**
     * The independent in-memory fold that ops verify uses agrees with the projection, row by row.
     */
    @Test
    void inMemoryFoldAgreesWithTheProjection() throws Exception {
      new RandomCommands(seed + 1).run(1500, this::send);
      awaitProjection();
      Map<String, List<Map<String, Object>>> live = snapshot();

      LayoutRows folded =
          Fold.run(new MumFold(), eventStore.dataSource(), LogRange.all(), Progress.none())
              .layoutRows();
      assertThat(live.get("aliases"))
          .as("rows expanded for alias domains")
          .anyMatch(row -> row.get("expanded_from") != null);

      for (var table : live.entrySet()) {
        List<Map<String, Object>> expected =
            folded.table(table.getKey()).values().stream().map(this::normalized).toList();
        assertThat(table.getValue().stream().map(this::normalized).toList())
            .as(table.getKey())
            .isEqualTo(expected);
      }
    }

    private Map<String, Object> normalized(Map<String, Object> row) {
      Map<String, Object> out = new java.util.TreeMap<>();
      row.forEach(
          (column, value) ->
              out.put(
                  column.toLowerCase(java.util.Locale.ROOT),
                  value instanceof Boolean b
                      ? (b ? 1L : 0L)
                      : value instanceof Number n ? n.longValue() : value));
      out.keySet().removeAll(derivedColumns);
      return out;
    }
  }
}
