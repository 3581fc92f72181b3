package org.mailledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.mum.MumLayout;
import org.mailledger.projection.progress.LayoutProgress;
import org.mailledger.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Commands in through the real gateway, tables read back from the real lookup database. */
@SpringBootTest(
    classes = ProjectionTestApplication.class,
    properties = {
      "axon.axonserver.enabled=false",
      "axon.serializer.general=jackson",
      "axon.serializer.events=jackson",
      "axon.serializer.messages=jackson",
      "mailledger.bcrypt-cost=4"
    })
public abstract class ProjectionTestBase {

  protected static final String GROUP = MumLayout.GROUP;

  @Autowired protected CommandGateway gateway;
  @Autowired protected LookupDatabase lookup;
  @Autowired protected LayoutProgress progress;
  @Autowired protected EventProcessingConfiguration processing;

  protected static void eventStore(DynamicPropertyRegistry registry, TestDatabase database) {
    registry.add("spring.datasource.url", database::jdbcUrl);
    registry.add("spring.datasource.username", database::username);
    registry.add("spring.datasource.password", database::password);
  }

  protected static void lookupIn(DynamicPropertyRegistry registry, TestDatabase database) {
    registry.add("mailledger.lookup.datasource.url", database::jdbcUrl);
    registry.add("mailledger.lookup.datasource.username", database::username);
    registry.add("mailledger.lookup.datasource.password", database::password);
  }

  /**
   * The lookup tables in {@code lookup}: beside the event store (no lookup datasource of their own)
   * when it is the event store's database, else in a database of their own.
   */
  protected static void lookupIn(
      DynamicPropertyRegistry registry, TestDatabase eventStore, TestDatabase lookup) {
    if (lookup != eventStore) {
      lookupIn(registry, lookup);
    }
  }

  protected static String id() {
    return UUID.randomUUID().toString();
  }

  protected JdbcTemplate tables() {
    return lookup.jdbc();
  }

  /** Sends as an admin would; the exception the handler threw comes back unwrapped. */
  protected <R> R send(Object command) {
    try {
      return gateway.sendAndWait(
          GenericCommandMessage.asCommandMessage(command)
              .andMetaData(Map.of("actor", "test", "source", "127.0.0.1")));
    } catch (CommandExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Waits until the layout has applied the whole log as it is now. */
  protected void awaitProjection() throws InterruptedException {
    long head = progress.head();
    assertThat(progress.awaitPosition(GROUP, head, Duration.ofSeconds(60)))
        .as("layout-mum reaches log position %d", head)
        .isTrue();
    StreamingEventProcessor processor =
        processing.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    // A replay token stays "replaying" until an event past the reset arrives; caught up is the
    // test.
    while (processor.processingStatus().values().stream()
            .anyMatch(s -> !s.isCaughtUp() || s.isErrorState())
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(processor.processingStatus().values())
        .allMatch(s -> s.isCaughtUp() && !s.isErrorState());
  }

  /** Every row of every table of the layout, in a stable order, for comparisons. */
  protected Map<String, List<Map<String, Object>>> snapshot() {
    Map<String, List<Map<String, Object>>> all = new java.util.LinkedHashMap<>();
    for (String table :
        List.of(
            "domains",
            "mailboxes",
            "aliases",
            "alias_recipients",
            "alias_senders",
            "tls_policies")) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map<String, Object> row :
          tables().queryForList("SELECT * FROM " + table + " ORDER BY id")) {
        Map<String, Object> normalized = new java.util.TreeMap<>();
        row.forEach(
            (column, value) ->
                normalized.put(column.toLowerCase(java.util.Locale.ROOT), normalize(value)));
        rows.add(normalized);
      }
      all.put(table, rows);
    }
    return all;
  }

  private static Object normalize(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    return value;
  }

  /** Replays the layout from the start of the log: shut down, reset the tokens, start again. */
  protected void replay() {
    StreamingEventProcessor processor =
        processing.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
    processor.shutDown();
    processor.resetTokens();
    processor.start();
  }
}
