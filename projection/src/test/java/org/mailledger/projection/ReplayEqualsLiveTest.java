package org.mailledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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

/** A replay from the start of the log yields exactly the tables the live projection built. */
class ReplayEqualsLiveTest extends ProjectionTestBase {

  static final TestDatabase DATABASE = TestDatabases.eventStore();
  // the PostgreSQL layout, beside the event store when that is PostgreSQL
  static final TestDatabase LOOKUP = TestDatabases.postgresBeside(DATABASE);

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, DATABASE);
    lookupIn(registry, DATABASE, LOOKUP);
  }

  @Test
  void replayRebuildsIdenticalTables() throws Exception {
    RandomCommands commands = new RandomCommands(20261121L);
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

  /** The independent in-memory fold that ops verify uses agrees with the projection, row by row. */
  @Test
  void inMemoryFoldAgreesWithTheProjection() throws Exception {
    new RandomCommands(20261122L).run(1500, this::send);
    awaitProjection();
    Map<String, List<Map<String, Object>>> live = snapshot();

    LayoutRows folded =
        Fold.run(new MumFold(), DATABASE.dataSource(), LogRange.all(), Progress.none())
            .layoutRows();
    assertThat(live.get("aliases"))
        .as("rows expanded for alias domains")
        .anyMatch(row -> row.get("expanded_from") != null);

    for (var table : live.entrySet()) {
      List<Map<String, Object>> expected =
          folded.table(table.getKey()).values().stream()
              .map(ReplayEqualsLiveTest::normalized)
              .toList();
      assertThat(table.getValue().stream().map(ReplayEqualsLiveTest::normalized).toList())
          .as(table.getKey())
          .isEqualTo(expected);
    }
  }

  private static Map<String, Object> normalized(Map<String, Object> row) {
    Map<String, Object> out = new java.util.TreeMap<>();
    row.forEach(
        (column, value) ->
            out.put(
                column.toLowerCase(java.util.Locale.ROOT),
                value instanceof Boolean b
                    ? (b ? 1L : 0L)
                    : value instanceof Number n ? n.longValue() : value));
    return out;
  }
}
