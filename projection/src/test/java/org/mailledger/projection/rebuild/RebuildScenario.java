package org.mailledger.projection.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.mailledger.projection.ProjectionTestBase;
import org.mailledger.projection.RandomCommands;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.Quota;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rebuild gives the tables the live projection built, while a reader that asks Postfix's mailbox
 * question the whole time never misses an address; an interrupted rebuild resumes.
 */
abstract class RebuildScenario extends ProjectionTestBase {

  private static final String LOOKUP =
      "SELECT 1 FROM mailboxes INNER JOIN domains ON mailboxes.domain_id = domains.id"
          + " WHERE mailboxes.local_part = ? AND domains.domain = ?"
          + " AND mailboxes.active = TRUE AND domains.active = TRUE";

  @Autowired Rebuilds rebuilds;
  @Autowired EventStorageEngine engine;
  @Autowired Configuration axon;
  @Autowired ProjectionProperties properties;

  private LayoutRebuilder rebuilder() {
    return rebuilds.rebuilder("mum").orElseThrow();
  }

  // Both tests share the class's database: the log is written once.
  private void seed() throws Exception {
    if (progress.head() < 1000) {
      new RandomCommands(20261123L).run(3000, this::send);
    }
    awaitProjection();
  }

  @Test
  void rebuildEqualsLiveAndReadersNeverMiss() throws Exception {
    seed();
    Map<String, List<Map<String, Object>>> live = snapshot();
    List<String[]> addresses =
        tables()
            .query(
                "SELECT mailboxes.local_part, domains.domain FROM mailboxes INNER JOIN domains"
                    + " ON mailboxes.domain_id = domains.id"
                    + " WHERE mailboxes.active = TRUE AND domains.active = TRUE",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
    assertThat(addresses).isNotEmpty();

    AtomicBoolean stop = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicReference<Object> phase =
        new java.util.concurrent.atomic.AtomicReference<>("before");
    AtomicLong asked = new AtomicLong();
    List<String> misses = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread reader =
        new Thread(
            () -> {
              try (Connection connection = lookup.dataSource().getConnection();
                  PreparedStatement query = connection.prepareStatement(LOOKUP)) {
                connection.setAutoCommit(true);
                int i = 0;
                while (!stop.get()) {
                  String[] address = addresses.get(i++ % addresses.size());
                  query.setString(1, address[0]);
                  query.setString(2, address[1]);
                  try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                      misses.add(address[0] + "@" + address[1] + " " + phase.get());
                    }
                  } catch (java.sql.SQLException e) {
                    misses.add(address[0] + "@" + address[1] + ": " + e.getMessage());
                  }
                  asked.incrementAndGet();
                }
              } catch (java.sql.SQLException e) {
                misses.add("connection: " + e.getMessage());
              }
            });
    reader.start();
    List<RebuildProgress> reports = new ArrayList<>();
    long position;
    try {
      Thread.sleep(100);
      position =
          rebuilder()
              .rebuild(
                  false,
                  p -> {
                    reports.add(p);
                    phase.set(p.phase());
                  },
                  () -> false);
      Thread.sleep(100);
    } finally {
      stop.set(true);
      reader.join();
    }

    assertThat(position).isEqualTo(progress.head());
    assertThat(asked.get()).isGreaterThan(100);
    assertThat(misses).as("answers missed during the rebuild").isEmpty();
    assertThat(snapshot()).isEqualTo(live);
    assertThat(reports).extracting(RebuildProgress::phase).contains(RebuildProgress.Phase.DONE);
    assertThat(reports.get(reports.size() - 1).events()).isGreaterThan(1000);
    // The live processor goes on from the rebuild's position, in the swapped-in tables.
    new RandomCommands(77L).run(200, this::send);
    awaitProjection();
    Map<String, List<Map<String, Object>>> after = snapshot();
    replay();
    awaitProjection();
    assertThat(snapshot()).isEqualTo(after);
  }

  @Test
  void interruptedRebuildResumesAndLeavesLiveTablesAlone() throws Exception {
    seed();
    Map<String, List<Map<String, Object>>> live = snapshot();
    // Transactions of 100 events: rows written in one are changed in later ones, read back.
    LayoutRebuilder small = rebuilder().with(new RebuildSettings(100, java.time.Duration.ZERO));
    AtomicInteger pages = new AtomicInteger();
    assertThatThrownBy(
            () ->
                small.rebuild(
                    false,
                    p -> {
                      if (p.phase() == RebuildProgress.Phase.COPYING) {
                        pages.incrementAndGet();
                      }
                    },
                    () -> pages.get() >= 5))
        .isInstanceOf(RebuildCancelledException.class);
    assertThat(snapshot()).isEqualTo(live);
    long recorded = small.recordedPosition().orElseThrow();
    assertThat(recorded).isGreaterThan(0).isLessThan(progress.head());

    List<RebuildProgress> reports = new ArrayList<>();
    small.rebuild(true, reports::add, () -> false);
    assertThat(reports.get(1).position()).isEqualTo(recorded);
    assertThat(small.recordedPosition()).isEmpty();
    assertThat(snapshot()).isEqualTo(live);
  }

  /**
   * A rebuild that finds no token rows (the live processor never ran here, or its rows were
   * removed) creates them: as many segments as the live processor starts with, or a processor
   * allowed fewer claims than the rows (one on MySQL/MariaDB) would leave segments unclaimed and
   * their domains' events unapplied for good.
   */
  @Test
  void rebuildFromAnEmptyTokenTableLeavesNoSegmentUnclaimed() throws Exception {
    seed();
    processing.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow().shutDown();
    tables().update("DELETE FROM layout_token_entry WHERE processor_name = ?", GROUP);

    rebuilder().rebuild(false, RebuildListener.NONE, () -> false);

    List<String> domains = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String domain =
          "segment" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
      send(
          new CreateDomainCommand(
              id(), DomainName.of(domain), "", Quota.ofGigabytes(1), null, 0, 0));
      domains.add(domain);
    }
    List<String> missing = new ArrayList<>(domains);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!missing.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      missing.removeAll(tables().queryForList("SELECT domain FROM domains", String.class));
    }
    assertThat(missing).as("domains created after the rebuild and never applied").isEmpty();
    assertThat(
            tables()
                .queryForList(
                    "SELECT segment FROM layout_token_entry WHERE processor_name = ? AND owner IS NULL",
                    Integer.class,
                    GROUP))
        .as("segments no node claims")
        .isEmpty();
    awaitProjection();
  }

  /** With an upcaster configured the log is read through Axon's storage engine: same tables. */
  @Test
  void rebuildThroughTheStorageEngineEqualsLive() throws Exception {
    seed();
    Map<String, List<Map<String, Object>>> live = snapshot();
    LayoutRebuilder throughEngine =
        new LayoutRebuilder(
            lookup,
            engine,
            null,
            axon.serializer(),
            processing,
            RebuildLayout.of(Layouts.describe("mum", Layouts.DEFAULT_SETTINGS), lookup.dialect()),
            new RebuildSettings(500, java.time.Duration.ZERO),
            properties.segmentsFor(lookup.dialect()));
    throughEngine.rebuild(false, RebuildListener.NONE, () -> false);
    assertThat(snapshot()).isEqualTo(live);
  }
}
