package org.mailledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Replay equals live with the lookup tables on MariaDB, where upserts are ON DUPLICATE KEY. */
class ReplayEqualsLiveOnMariaDbTest extends ProjectionTestBase {

  static final TestDatabase EVENT_STORE = TestDatabases.eventStore();
  // beside the event store when that is MySQL/MariaDB too (a MySQL-only deployment)
  static final TestDatabase LOOKUP = TestDatabases.mysqlBeside(EVENT_STORE);

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, EVENT_STORE);
    lookupIn(registry, EVENT_STORE, LOOKUP);
  }

  @Test
  void replayRebuildsIdenticalTables() throws Exception {
    RandomCommands commands = new RandomCommands(20261123L);
    commands.run(3000, this::send);
    awaitProjection();
    Map<String, List<Map<String, Object>>> live = snapshot();

    replay();
    awaitProjection();

    assertThat(live.get("mailboxes")).isNotEmpty();
    assertThat(live.get("alias_recipients")).isNotEmpty();
    assertThat(live.get("aliases"))
        .as("rows expanded for alias domains")
        .anyMatch(row -> row.get("expanded_from") != null);
    Map<String, List<Map<String, Object>>> replayed = snapshot();
    assertThat(replayed).isEqualTo(live);
  }
}
