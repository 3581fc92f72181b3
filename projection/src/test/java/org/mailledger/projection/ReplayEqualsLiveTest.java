package org.mailledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A replay from the start of the log yields exactly the tables the live projection built. */
class ReplayEqualsLiveTest extends ProjectionTestBase {

  static final TestDatabase DATABASE = TestDatabases.postgres();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, DATABASE);
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
    assertThat(snapshot()).isEqualTo(live);
  }
}
