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
 * {@code ops rebuild --layout postfixadmin} and {@code --layout dinomail} against a log the command
 * side wrote and an app (keeping both layouts, DinoMail's under the prefix {@code core_}) that has
 * been stopped: rows changed by hand are repaired, the rest stay as they were, and DinoMail's views
 * show the new tables.
 */
class OpsRebuildLayoutsOnPostgresTest {

  static TestDatabase db;

  @BeforeAll
  static void fillAndStop() throws InterruptedException {
    db = TestDatabases.postgres();
    try (ConfigurableApplicationContext app = app()) {
      CommandGateway gateway = app.getBean(CommandGateway.class);
      for (int d = 0; d < 2; d++) {
        String domain = "l" + d + ".example";
        send(
            gateway,
            new CreateDomainCommand(
                id(), DomainName.of(domain), "", Quota.ofGigabytes(2), null, 0, 0));
        for (int m = 0; m < 4; m++) {
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
          if (m == 3) {
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
      for (String group : List.of("layout-postfixadmin", "layout-dinomail")) {
        assertThat(progress.awaitPosition(group, progress.head(), Duration.ofSeconds(60)))
            .as(group)
            .isTrue();
      }
    }
  }

  static ConfigurableApplicationContext app() {
    return new SpringApplicationBuilder(CommandsTestApplication.class)
        .web(WebApplicationType.NONE)
        .properties(
            Map.ofEntries(
                Map.entry("spring.datasource.url", db.jdbcUrl()),
                Map.entry("spring.datasource.username", db.username()),
                Map.entry("spring.datasource.password", db.password() == null ? "" : db.password()),
                Map.entry("mailledger.layouts", "postfixadmin,dinomail"),
                Map.entry("mailledger.layout.dinomail.table-prefix", "core_"),
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

  private static JdbcTemplate jdbc() {
    return new JdbcTemplate(db.dataSource());
  }

  @Test
  void postfixAdminRebuildRepairsARowChangedByHand() {
    List<Map<String, Object>> before =
        jdbc().queryForList("SELECT * FROM mailbox ORDER BY username");
    assertThat(jdbc().update("UPDATE mailbox SET active = NOT active WHERE local_part = 'u1'"))
        .isPositive();

    Run rebuild = ops("rebuild", "--layout", "postfixadmin");

    assertThat(rebuild.exit()).as(rebuild.err()).isZero();
    assertThat(rebuild.out()).contains("Layout postfixadmin rebuilt").contains("swapped in");
    assertThat(jdbc().queryForList("SELECT * FROM mailbox ORDER BY username")).isEqualTo(before);
  }

  @Test
  void dinoMailRebuildPutsTheNewTablesBehindTheViews() {
    List<Map<String, Object>> users =
        jdbc().queryForList("SELECT * FROM core_virtualuser ORDER BY email");
    List<Map<String, Object>> aliases =
        jdbc().queryForList("SELECT * FROM core_virtualalias ORDER BY source, destination");
    assertThat(users).hasSize(6);
    assertThat(jdbc().update("DELETE FROM mailledger_dinomail_user WHERE email = 'u2@l0.example'"))
        .isOne();

    Run rebuild = ops("rebuild", "--layout", "dinomail", "--table-prefix", "core_");

    assertThat(rebuild.exit()).as(rebuild.err()).isZero();
    assertThat(jdbc().queryForList("SELECT * FROM core_virtualuser ORDER BY email"))
        .isEqualTo(users);
    assertThat(jdbc().queryForList("SELECT * FROM core_virtualalias ORDER BY source, destination"))
        .isEqualTo(aliases);
    assertThat(
            jdbc()
                .queryForList(
                    "SELECT 1 FROM core_virtualuser WHERE email='u2@l0.example'", Integer.class))
        .as("DinoMail's virtual-mailbox-maps query")
        .containsExactly(1);
  }

  @Test
  void unknownLayoutIsRefused() {
    Run rebuild = ops("rebuild", "--layout", "vpopmail");
    assertThat(rebuild.exit()).isEqualTo(2);
    assertThat(rebuild.err()).contains("no layout vpopmail").contains("postfixadmin");
  }
}
