package org.mailledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mailledger.schema.aliasdomain.CreateAliasDomainCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeleteDomainCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.StoredEvents;

/**
 * The set-wide rules under real concurrency, decided by the event store database's keys and row
 * locks.
 */
class ClaimsConcurrencyTest extends CommandSideTestBase {

  private static final int THREADS = 16;

  /** Runs the tasks at once, from a common start, and returns "ok" or the violation's type. */
  private List<String> race(List<Callable<Object>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (Callable<Object> task : tasks) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    task.call();
                    return "ok";
                  } catch (RuntimeException e) {
                    return violation(e).type();
                  }
                }));
      }
      start.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        results.add(outcome.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private long eventsMentioning(String payloadType, String text) {
    return StoredEvents.all(jdbc.getDataSource()).stream()
        .filter(e -> e.payloadType().equals(payloadType) && e.payload().contains(text))
        .count();
  }

  @Test
  void manyThreadsRacingForOneAddressLetExactlyOneWin() throws Exception {
    String domain = uniqueDomain();
    createDomain(domain, 0);
    String address = "race@" + domain;
    List<Callable<Object>> tasks = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      tasks.add(
          () ->
              send(
                  new CreateMailboxCommand(
                      id(),
                      EmailAddress.parse(address),
                      new Secret(
                          "{BLF-CRYPT}$2y$04$abcdefghijklmnopqrstuu5Yy3xQ8DtrW0eHbsyL.LVpr/DWw6X2q"),
                      "",
                      null,
                      false)));
    }

    List<String> outcomes = race(tasks);

    assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
    assertThat(outcomes).filteredOn("address-taken"::equals).hasSize(31);
    assertThat(eventsMentioning("org.mailledger.schema.mailbox.MailboxCreatedEvent", address))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM claim_address WHERE address = ?", Long.class, address))
        .isEqualTo(1);
  }

  @Test
  void domainMailboxLimitHoldsUnderConcurrency() throws Exception {
    String domain = uniqueDomain();
    String domainId = createDomain(domain, 10);
    List<Callable<Object>> tasks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String address = "user" + i + "@" + domain;
      tasks.add(
          () ->
              send(
                  new CreateMailboxCommand(
                      id(),
                      EmailAddress.parse(address),
                      new Secret(
                          "{BLF-CRYPT}$2y$04$abcdefghijklmnopqrstuu5Yy3xQ8DtrW0eHbsyL.LVpr/DWw6X2q"),
                      "",
                      null,
                      false)));
    }

    List<String> outcomes = race(tasks);

    assertThat(outcomes).filteredOn("ok"::equals).hasSize(10);
    assertThat(outcomes).filteredOn("mailbox-limit-reached"::equals).hasSize(30);
    assertThat(eventsMentioning("org.mailledger.schema.mailbox.MailboxCreatedEvent", "@" + domain))
        .isEqualTo(10);
    assertThat(
            jdbc.queryForObject(
                "SELECT mailbox_count FROM claim_domain WHERE domain_id = ?",
                Integer.class,
                domainId))
        .isEqualTo(10);
  }

  @Test
  void manyThreadsRacingForOneDomainNameLetExactlyOneWin() throws Exception {
    String domain = uniqueDomain();
    List<Callable<Object>> tasks = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      tasks.add(
          () -> send(new CreateDomainCommand(id(), DomainName.of(domain), "", null, null, 0, 0)));
    }

    List<String> outcomes = race(tasks);

    assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
    assertThat(outcomes).filteredOn("domain-exists"::equals).hasSize(15);
    assertThat(eventsMentioning("org.mailledger.schema.domain.DomainCreatedEvent", domain))
        .isEqualTo(1);
  }

  @Test
  void deletingADomainWhileMailboxesAreCreatedLeavesNoOrphan() throws Exception {
    String domain = uniqueDomain();
    String domainId = createDomain(domain, 0);
    List<Callable<Object>> tasks = new ArrayList<>();
    tasks.add(() -> send(new DeleteDomainCommand(domainId)));
    for (int i = 0; i < 15; i++) {
      String address = "user" + i + "@" + domain;
      tasks.add(
          () ->
              send(
                  new CreateMailboxCommand(
                      id(),
                      EmailAddress.parse(address),
                      new Secret(
                          "{BLF-CRYPT}$2y$04$abcdefghijklmnopqrstuu5Yy3xQ8DtrW0eHbsyL.LVpr/DWw6X2q"),
                      "",
                      Quota.ofGigabytes(1),
                      false)));
    }

    List<String> outcomes = race(tasks);

    long created = outcomes.subList(1, outcomes.size()).stream().filter("ok"::equals).count();
    boolean deleted = outcomes.get(0).equals("ok");
    if (deleted) {
      assertThat(created).isZero();
      assertThat(outcomes.subList(1, outcomes.size())).allMatch(o -> o.equals("unknown-domain"));
    } else {
      assertThat(outcomes.get(0)).isEqualTo("domain-not-empty");
      assertThat(
              jdbc.queryForObject(
                  "SELECT mailbox_count FROM claim_domain WHERE domain_id = ?",
                  Long.class,
                  domainId))
          .isEqualTo(created);
    }
  }

  @Test
  void hostedAndAliasDomainsRacingForOneNameLetExactlyOneWin() throws Exception {
    String target = uniqueDomain();
    createDomain(target, 0);
    String name = uniqueDomain();
    List<Callable<Object>> tasks = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      tasks.add(
          i % 2 == 0
              ? () -> send(new CreateDomainCommand(id(), DomainName.of(name), "", null, null, 0, 0))
              : () ->
                  send(
                      new CreateAliasDomainCommand(
                          id(), DomainName.of(name), DomainName.of(target))));
    }

    List<String> outcomes = race(tasks);

    assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
    assertThat(outcomes).filteredOn("domain-exists"::equals).hasSize(15);
    assertThat(
            eventsMentioning("org.mailledger.schema.domain.DomainCreatedEvent", name)
                + eventsMentioning(
                    "org.mailledger.schema.aliasdomain.AliasDomainCreatedEvent", "\"" + name))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM claim_domain WHERE name = ?", Long.class, name))
        .isEqualTo(1);
  }

  @Test
  void deletingATargetWhileAliasDomainsAreCreatedLeavesNoOrphan() throws Exception {
    for (int round = 0; round < 5; round++) {
      String target = uniqueDomain();
      String targetId = createDomain(target, 0);
      List<Callable<Object>> tasks = new ArrayList<>();
      tasks.add(() -> send(new DeleteDomainCommand(targetId)));
      for (int i = 0; i < 7; i++) {
        String name = "a" + i + "-" + target;
        tasks.add(
            () ->
                send(
                    new CreateAliasDomainCommand(
                        id(), DomainName.of(name), DomainName.of(target))));
      }

      List<String> outcomes = race(tasks);

      long created = outcomes.subList(1, outcomes.size()).stream().filter("ok"::equals).count();
      long pointing =
          jdbc.queryForObject(
              "SELECT count(*) FROM claim_domain WHERE alias_of = ?", Long.class, targetId);
      assertThat(pointing).isEqualTo(created);
      if (outcomes.get(0).equals("ok")) {
        assertThat(created).isZero();
        assertThat(outcomes.subList(1, outcomes.size())).allMatch(o -> o.equals("unknown-domain"));
      } else {
        assertThat(outcomes.get(0)).isEqualTo("domain-not-empty");
        assertThat(created).isPositive();
      }
    }
  }
}
