package org.mailledger.command.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mailledger.command.config.AuditMetadata;
import org.mailledger.command.it.CommandSideTestApplication;
import org.mailledger.schema.admin.AdminName;
import org.mailledger.schema.admin.AdminRole;
import org.mailledger.schema.admin.CreateAdminCommand;
import org.mailledger.schema.admin.DisableAdminCommand;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.StoredEvents;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin claims against real PostgreSQL or MariaDB (TestDatabases.eventStore()), where the races
 * are settled: two nodes bootstrapping the same name, two superadmins disabling each other at the
 * same moment.
 */
@SpringBootTest(
    classes = CommandSideTestApplication.class,
    properties = {
      "axon.axonserver.enabled=false",
      "axon.serializer.general=jackson",
      "axon.serializer.events=jackson",
      "axon.serializer.messages=jackson",
      "mailledger.bcrypt-cost=4",
      "spring.datasource.hikari.maximum-pool-size=20"
    })
class AdminClaimsConcurrencyTest {

  static final TestDatabase DATABASE = TestDatabases.eventStore();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::username);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  @Autowired CommandGateway gateway;
  @Autowired JdbcTemplate jdbc;

  private Object send(Object command) {
    return gateway.sendAndWait(
        GenericCommandMessage.asCommandMessage(command)
            .andMetaData(Map.of(AuditMetadata.ACTOR, "bootstrap", AuditMetadata.SOURCE, "local")));
  }

  private static CreateAdminCommand superadmin(String id, String name) {
    return new CreateAdminCommand(
        id, AdminName.of(name), AdminRole.SUPERADMIN, new Secret("a long admin password"), null);
  }

  private static int succeeded(List<Callable<Object>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (Callable<Object> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      int ok = 0;
      for (Future<Object> future : futures) {
        try {
          future.get();
          ok++;
        } catch (java.util.concurrent.ExecutionException e) {
          // the losers of the race
        }
      }
      return ok;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void ofConcurrentCreationsOfOneNameExactlyOneWins() throws Exception {
    List<Callable<Object>> creations = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      creations.add(() -> send(superadmin(UUID.randomUUID().toString(), "racer")));
    }

    assertThat(succeeded(creations)).isEqualTo(1);
    assertThat(StoredEvents.all(jdbc.getDataSource()))
        .filteredOn(
            e -> e.payloadType().endsWith("AdminCreatedEvent") && e.payload().contains("\"racer\""))
        .hasSize(1);
  }

  @Test
  void twoSuperadminsDisablingEachOtherAtOnceLeaveOneActive() throws Exception {
    for (int round = 0; round < 5; round++) {
      jdbc.update("UPDATE claim_admin SET active = FALSE WHERE superadmin");
      String first = UUID.randomUUID().toString();
      String second = UUID.randomUUID().toString();
      send(superadmin(first, "first-" + round));
      send(superadmin(second, "second-" + round));

      int ok =
          succeeded(
              List.of(
                  () -> send(new DisableAdminCommand(first)),
                  () -> send(new DisableAdminCommand(second))));

      assertThat(ok).isEqualTo(1);
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM claim_admin WHERE superadmin AND active", Long.class))
          .isEqualTo(1);
    }
  }
}
