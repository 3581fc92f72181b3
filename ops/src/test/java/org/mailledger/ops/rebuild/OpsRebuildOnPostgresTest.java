package org.mailledger.ops.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailledger.ops.OpsCommand;
import org.mailledger.ops.e2e.CommandsTestApplication;
import org.mailledger.projection.progress.LayoutProgress;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeactivateMailboxCommand;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ops status} and {@code ops rebuild} against a log the command side wrote and an app that
 * has been stopped, as an operator would meet them.
 */
class OpsRebuildOnPostgresTest {

  static TestDatabase db;

  @BeforeAll
  static void fillAndStop() throws InterruptedException {
    // the event store and the lookup tables beside it, on the suite's event store engine
    db = TestDatabases.eventStore();
    try (ConfigurableApplicationContext app = app()) {
      CommandGateway gateway = app.getBean(CommandGateway.class);
      for (int d = 0; d < 3; d++) {
        String domain = "d" + d + ".example";
        send(
            gateway,
            new CreateDomainCommand(
                id(), DomainName.of(domain), "", Quota.ofGigabytes(2), null, 0, 0));
        for (int m = 0; m < 5; m++) {
          String mailbox = id();
          send(
              gateway,
              new CreateMailboxCommand(
                  mailbox,
                  EmailAddress.parse("u" + m + "@" + domain),
                  new Secret("a long enough secret"),
                  "",
                  null,
                  false));
          if (m == 4) {
            send(gateway, new DeactivateMailboxCommand(mailbox));
          }
        }
        send(
            gateway,
            new CreateAliasCommand(
                id(),
                AliasAddress.parse("team@" + domain),
                List.of(EmailAddress.parse("u0@" + domain), EmailAddress.parse("x@else.test")),
                List.of(),
                ""));
      }
      LayoutProgress progress = app.getBean(LayoutProgress.class);
      assertThat(progress.awaitPosition("layout-mum", progress.head(), Duration.ofSeconds(60)))
          .isTrue();
    }
  }

  /** The app's command side and projections; its layout-mum processor claims the segments. */
  static ConfigurableApplicationContext app() {
    return new SpringApplicationBuilder(CommandsTestApplication.class)
        .web(WebApplicationType.NONE)
        .properties(
            Map.ofEntries(
                Map.entry("spring.datasource.url", db.jdbcUrl()),
                Map.entry("spring.datasource.username", db.username()),
                Map.entry("spring.datasource.password", db.password() == null ? "" : db.password()),
                Map.entry("axon.axonserver.enabled", "false"),
                Map.entry("axon.serializer.general", "jackson"),
                Map.entry("axon.serializer.events", "jackson"),
                Map.entry("axon.serializer.messages", "jackson"),
                Map.entry("mailledger.bcrypt-cost", "4")))
        .run();
  }

  private static void send(CommandGateway gateway, Object command) {
    gateway.sendAndWait(
        GenericCommandMessage.asCommandMessage(command)
            .andMetaData(Map.of("actor", "test", "source", "127.0.0.1")));
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  /** Exit code, stdout and stderr of one ops call with the test database's options. */
  record Run(int exit, String out, String err) {}

  static Run ops(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--spring.datasource.url=" + db.jdbcUrl());
    all.add("--spring.datasource.username=" + db.username());
    if (db.password() != null) {
      all.add("--spring.datasource.password=" + db.password());
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        OpsCommand.commandLine()
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void rebuildRepairsACorruptedRowAndLeavesTheLayoutAtTheHead() {
    JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
    int changed = jdbc.update("UPDATE mailboxes SET active = NOT active WHERE local_part = 'u1'");
    assertThat(changed).isPositive();
    assertThat(ops("verify", "--layout", "mum").exit()).isEqualTo(1);

    Run rebuild = ops("rebuild", "--layout", "mum");

    assertThat(rebuild.exit()).as(rebuild.err()).isZero();
    assertThat(rebuild.err()).contains("events/s").contains("done");
    assertThat(rebuild.out()).contains("swapped in");
    Run verify = ops("verify", "--layout", "mum");
    assertThat(verify.exit()).as(verify.out()).isZero();

    Run status = ops("status", "--json");
    assertThat(status.exit()).as(status.err()).isZero();
    long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
    assertThat(status.out().strip())
        .isEqualTo(
            "[{\"layout\":\"mum\",\"position\":"
                + head
                + ",\"head\":"
                + head
                + ",\"lagEvents\":0,\"lagMs\":0,\"state\":\"stopped\"}]");
    Run table = ops("status");
    assertThat(table.exit()).isZero();
    assertThat(table.out()).contains("mum").contains("stopped").contains("0:-");
  }

  @Test
  void rebuildRefusesWhileTheAppRuns() {
    try (ConfigurableApplicationContext app = app()) {
      JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (jdbc.queryForObject(
                  "SELECT COUNT(*) FROM layout_token_entry WHERE owner IS NOT NULL", Integer.class)
              == 0
          && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }

      Run status = ops("status", "--json");
      assertThat(status.out()).as(status.err()).contains("\"state\":\"running\"");
      Run rebuild = ops("rebuild", "--layout", "mum");

      assertThat(rebuild.exit()).isEqualTo(2);
      assertThat(rebuild.err()).contains("POST /api/v1/projections/mum/rebuild");
    }
  }

  @Test
  void statusExitsTwoWhenTheDatabaseIsUnreachable() {
    Run status =
        new Run(
            OpsCommand.commandLine()
                .setErr(new PrintWriter(new StringWriter()))
                .execute("status", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none"),
            "",
            "");
    assertThat(status.exit()).isEqualTo(2);
  }
}
