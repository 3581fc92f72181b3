package org.mailledger.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mailledger.projection.audit.AuditProjection;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DomainCreatedEvent;
import org.mailledger.schema.value.DomainName;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends that commit out of their log order, and appends that roll back, leave holes in the global
 * index for a while or for good (a sequence on PostgreSQL, AUTO_INCREMENT on InnoDB). The
 * processors' gap-aware tokens must deliver every committed event exactly once all the same, on the
 * event store engine the suite runs on.
 */
class ConcurrentAppendsTest extends ProjectionTestBase {

  static final TestDatabase DATABASE = TestDatabases.eventStore();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, DATABASE);
  }

  @Autowired EventStore eventStore;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anEventCommittedAfterALaterOneIsStillDeliveredAndARolledBackOneNever() throws Exception {
    // Not on an empty log: a processor's very first token starts at the first event it sees.
    String first = "first-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    send(new CreateDomainCommand(id(), DomainName.of(first), "", null, null, 0, 0));
    awaitAudited(indexOf(first));
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    CountDownLatch heldAppended = new CountDownLatch(1);
    CountDownLatch laterSeen = new CountDownLatch(1);
    String held = "held-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Long> heldIndex =
          pool.submit(
              () ->
                  transaction.execute(
                      status -> {
                        append(held);
                        heldAppended.countDown();
                        await(laterSeen);
                        return indexOf(held);
                      }));
      await(heldAppended);
      String later = "later-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
      send(new CreateDomainCommand(id(), DomainName.of(later), "", null, null, 0, 0));
      long laterIndex = indexOf(later);
      awaitAudited(laterIndex);
      laterSeen.countDown();
      long heldAt = heldIndex.get(30, TimeUnit.SECONDS);

      String rolledBack =
          "rolled-back-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
      transaction.execute(
          status -> {
            append(rolledBack);
            status.setRollbackOnly();
            return null;
          });
      String last = "last-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
      send(new CreateDomainCommand(id(), DomainName.of(last), "", null, null, 0, 0));
      long lastIndex = indexOf(last);

      assertThat(heldAt).as("the held append took its index first").isLessThan(laterIndex);
      awaitAudited(heldAt);
      awaitAudited(lastIndex);
      awaitProjection();
      assertThat(loggedIndexes())
          .as("a hole the rolled-back append left")
          .hasSizeLessThan((int) (lastIndex - loggedIndexes().get(0) + 1));
      assertThat(auditedIndexes()).isEqualTo(loggedIndexes());
      assertThat(
              tables()
                  .queryForList(
                      "SELECT domain FROM domains WHERE domain IN (?, ?, ?, ?)",
                      String.class,
                      held,
                      later,
                      rolledBack,
                      last))
          .containsExactlyInAnyOrder(held, later, last);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void manyConcurrentAppendsAreEachDeliveredOnce() throws Exception {
    int threads = 6;
    int perThread = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<String> names = new ArrayList<>();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          mine.add(
              "c" + t + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + ".example");
        }
        names.addAll(mine);
        done.add(
            pool.submit(
                () ->
                    mine.forEach(
                        name ->
                            send(
                                new CreateDomainCommand(
                                    id(), DomainName.of(name), "", null, null, 0, 0)))));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    awaitAudited(progress.head());
    awaitProjection();
    assertThat(auditedIndexes()).isEqualTo(loggedIndexes());
    assertThat(tables().queryForList("SELECT domain FROM domains", String.class))
        .containsAll(names);
  }

  private void append(String domain) {
    String domainId = id();
    eventStore.publish(
        new GenericDomainEventMessage<>(
            "Domain",
            domainId,
            0,
            new DomainCreatedEvent(domainId, domain, "", 0, 0, 0, 0),
            java.util.Map.of("actor", "test", "source", "127.0.0.1")));
  }

  private long indexOf(String domain) {
    return jdbc
        .queryForList(
            "SELECT global_index, payload FROM domain_event_entry ORDER BY global_index DESC")
        .stream()
        .filter(
            row ->
                new String((byte[]) row.get("payload"), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("\"" + domain + "\""))
        .mapToLong(row -> ((Number) row.get("global_index")).longValue())
        .findFirst()
        .orElseThrow(() -> new AssertionError(domain + " is not in the log"));
  }

  private List<Long> loggedIndexes() {
    return jdbc.queryForList(
        "SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class);
  }

  private List<Long> auditedIndexes() {
    return jdbc.queryForList(
        "SELECT global_index FROM audit_entry ORDER BY global_index", Long.class);
  }

  private void awaitAudited(long globalIndex) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (jdbc.queryForObject(
              "SELECT count(*) FROM audit_entry WHERE global_index = ?", Long.class, globalIndex)
          > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        AuditProjection.GROUP
            + " did not record log position "
            + globalIndex
            + " within 60 s; log: "
            + loggedIndexes()
            + "; audit: "
            + auditedIndexes()
            + "; processor: "
            + processing
                .eventProcessor(AuditProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow()
                .processingStatus());
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out waiting for the other append");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
