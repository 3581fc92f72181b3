package org.mailledger.ops.e2e.layouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.mailledger.ops.OpsCommand;
import org.mailledger.ops.e2e.CommandsTestApplication;
import org.mailledger.ops.e2e.LookupEngine;
import org.mailledger.projection.progress.LayoutProgress;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.DeactivateAliasCommand;
import org.mailledger.schema.aliasdomain.AliasDomainCreatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeactivatedEvent;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeactivateDomainCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeactivateMailboxCommand;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.mailledger.testsupport.consumer.DovecotServer;
import org.mailledger.testsupport.consumer.PostfixLookup;
import org.mailledger.testsupport.consumer.PostfixMaps;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole path for the drop-in layouts: commands (and alias-domain events, appended to the log as
 * the alias-domain aggregate will), the log, each kept layout's own processor, then the files
 * {@code ops config} writes for each layout used as they are by the real postmap and a real
 * Dovecot, through the read-only accounts the generated SQL creates.
 *
 * <p>The world: example.org (default quota 2 GB) with alice, bob (inactive), sender (send-only) and
 * plain (password hashed by the command handler), the alias team (three recipients), the catch-all
 * (to alice) and old (inactive); off.example (inactive) with carol; example.net with dave (5 GB)
 * and carol; the alias domain alias.example of example.org, and gone.example, an alias domain of
 * example.org switched off.
 *
 * <p>A subclass runs once with the lookup tables on each engine ({@code @ParameterizedClass}); the
 * log is on PostgreSQL, beside the tables when they are there too. One instance serves every engine
 * (per-class lifecycle): {@link #setUp} sets each field anew.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LayoutConsumersTestBase {

  static final String PASSWORD = "a long enough secret";
  static final int VMAIL = 5000;

  @Parameter LookupEngine engine;

  TestDatabase eventStore;
  TestDatabase db;
  Path out;
  PostfixMaps postfix;
  final Map<String, DovecotServer> dovecots = new HashMap<>();
  final Map<String, String> accounts = new LinkedHashMap<>();
  String aliceId;
  private String suffix;

  /** The layouts to keep, as mailledger.layouts names them; ops config runs for each but mum. */
  abstract List<String> layouts();

  String tablePrefix() {
    return "dinomail_";
  }

  /** {@code postgresql} or {@code mysql}. */
  String dialect() {
    return engine.dialect();
  }

  @BeforeParameterizedClassInvocation
  void setUp() throws Exception {
    // Left from the previous engine, already torn down: not to be torn down again on a failure.
    dovecots.clear();
    accounts.clear();
    postfix = null;
    aliceId = UUID.randomUUID().toString();
    suffix = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
    out = Files.createTempDirectory("mltest-layouts-");
    db = engine.newDatabase();
    eventStore = engine == LookupEngine.POSTGRESQL ? db : TestDatabases.postgres();
    fill();
    postfix = PostfixMaps.create();
    for (String layout : layouts()) {
      if (layout.equals("mum")) {
        continue;
      }
      Path dir = out.resolve(layout);
      String pf = "mlpf" + layout.charAt(0) + "_" + suffix;
      String dc = "mldc" + layout.charAt(0) + "_" + suffix;
      accounts.put(pf, "pf" + suffix + "X9");
      accounts.put(dc, "dc" + suffix + "Y8");
      StringWriter err = new StringWriter();
      int exit =
          OpsCommand.commandLine()
              .setOut(new PrintWriter(new StringWriter()))
              .setErr(new PrintWriter(err))
              .execute(
                  "config",
                  "--layout=" + layout,
                  "--dialect=" + dialect(),
                  "--out=" + dir,
                  "--db-host=" + db.host(),
                  "--db-port=" + db.port(),
                  "--db-name=" + db.database(),
                  "--postfix-user=" + pf,
                  "--postfix-password=" + accounts.get(pf),
                  "--dovecot-user=" + dc,
                  "--dovecot-password=" + accounts.get(dc),
                  "--vmail-uid=" + VMAIL,
                  "--vmail-gid=" + VMAIL,
                  "--table-prefix=" + tablePrefix(),
                  "--postfix-dir=" + dir.resolve("postfix"),
                  "--dovecot-dir=" + dir.resolve("dovecot"));
      assertThat(exit).as(err.toString()).isZero();
      runAsAdmin(dir.resolve("sql/readonly-users.sql"));
      backdate(dir);
      dovecots.put(
          layout,
          DovecotServer.withAuthConfig(dir.resolve("dovecot/auth-mailledger.conf.ext"), 500));
    }
  }

  @AfterParameterizedClassInvocation
  void tearDown() throws Exception {
    try {
      for (DovecotServer dovecot : dovecots.values()) {
        dovecot.close();
      }
      if (postfix != null) {
        postfix.close();
      }
      if (out != null) {
        try (Stream<Path> walk = Files.walk(out)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    } finally {
      try (Connection c = db.dataSource().getConnection();
          Statement st = c.createStatement()) {
        for (String user : accounts.keySet()) {
          engine.dropAccount(st, user);
        }
      }
    }
  }

  private void fill() throws InterruptedException {
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", eventStore.jdbcUrl());
    properties.put("spring.datasource.username", eventStore.username());
    properties.put(
        "spring.datasource.password", eventStore.password() == null ? "" : eventStore.password());
    if (eventStore != db) {
      // Beside the event store the lookup tables share its pool; a pool of their own otherwise.
      properties.put("mailledger.lookup.datasource.url", db.jdbcUrl());
      properties.put("mailledger.lookup.datasource.username", db.username());
      properties.put(
          "mailledger.lookup.datasource.password", db.password() == null ? "" : db.password());
    }
    properties.put("mailledger.layouts", String.join(",", layouts()));
    properties.put("mailledger.layout.dinomail.table-prefix", tablePrefix());
    properties.put("spring.flyway.locations", "classpath:db/eventstore/postgresql");
    properties.put("axon.axonserver.enabled", "false");
    properties.put("axon.serializer.general", "jackson");
    properties.put("axon.serializer.events", "jackson");
    properties.put("axon.serializer.messages", "jackson");
    properties.put("mailledger.bcrypt-cost", "4");
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(CommandsTestApplication.class)
            .web(WebApplicationType.NONE)
            .properties(properties)
            .run()) {
      sendWorld(app.getBean(CommandGateway.class), app.getBean(EventStore.class));
      LayoutProgress progress = app.getBean(LayoutProgress.class);
      long head = progress.head();
      for (String layout : layouts()) {
        assertThat(progress.awaitPosition("layout-" + layout, head, Duration.ofSeconds(60)))
            .as("layout-%s reaches %d", layout, head)
            .isTrue();
      }
    }
  }

  private void sendWorld(CommandGateway gateway, EventStore events) {
    Function<Object, Object> send =
        command ->
            gateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of("actor", "e2e", "source", "127.0.0.1")));
    String org = id();
    String off = id();
    send.apply(
        new CreateDomainCommand(
            org,
            DomainName.of("example.org"),
            "",
            Quota.ofGigabytes(2),
            Quota.ofGigabytes(10),
            0,
            0));
    send.apply(new CreateDomainCommand(off, DomainName.of("off.example"), "", null, null, 0, 0));
    send.apply(new CreateDomainCommand(id(), DomainName.of("example.net"), "", null, null, 0, 0));
    send.apply(mailbox(aliceId, "alice@example.org", null, false));
    String bob = id();
    send.apply(mailbox(bob, "bob@example.org", null, false));
    send.apply(new DeactivateMailboxCommand(bob));
    send.apply(mailbox(id(), "sender@example.org", null, true));
    send.apply(mailbox(id(), "carol@off.example", null, false));
    send.apply(new DeactivateDomainCommand(off));
    send.apply(mailbox(id(), "dave@example.net", Quota.ofGigabytes(5), false));
    send.apply(mailbox(id(), "carol@example.net", null, false));
    send.apply(
        new CreateAliasCommand(
            id(),
            AliasAddress.parse("team@example.org"),
            addresses("alice@example.org", "bob@elsewhere.test", "carol@example.net"),
            addresses("alice@example.org", "dave@example.net"),
            "The team"));
    send.apply(
        new CreateAliasCommand(
            id(),
            AliasAddress.parse("@example.org"),
            addresses("alice@example.org"),
            List.of(),
            ""));
    String old = id();
    send.apply(
        new CreateAliasCommand(
            old,
            AliasAddress.parse("old@example.org"),
            addresses("alice@example.org"),
            List.of(),
            ""));
    send.apply(new DeactivateAliasCommand(old));
    appendAliasDomain(events, id(), "alias.example", "example.org", false);
    appendAliasDomain(events, id(), "gone.example", "example.org", true);
  }

  /** As the alias-domain aggregate will append them: sequenced per alias domain. */
  private static void appendAliasDomain(
      EventStore events, String id, String name, String target, boolean deactivate) {
    List<Object> payloads = new ArrayList<>();
    payloads.add(new AliasDomainCreatedEvent(id, name, target));
    if (deactivate) {
      payloads.add(new AliasDomainDeactivatedEvent(id, name, target));
    }
    for (int seq = 0; seq < payloads.size(); seq++) {
      events.publish(
          new GenericDomainEventMessage<>(
              "AliasDomain",
              id,
              seq,
              payloads.get(seq),
              MetaData.with("actor", "e2e").and("source", "127.0.0.1")));
    }
  }

  private static CreateMailboxCommand mailbox(
      String id, String address, Quota quota, boolean sendOnly) {
    return new CreateMailboxCommand(
        id, EmailAddress.parse(address), new Secret(PASSWORD), "", quota, sendOnly);
  }

  private static List<EmailAddress> addresses(String... addresses) {
    return List.of(addresses).stream().map(EmailAddress::parse).toList();
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  private void runAsAdmin(Path script) throws IOException, SQLException {
    List<String> statements =
        Files.readAllLines(script).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("--"))
            .toList();
    assertThat(statements).isNotEmpty();
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  // Postfix waits about two seconds on every lookup while a table file looks freshly written.
  private static void backdate(Path dir) throws IOException {
    FileTime past = FileTime.from(Instant.now().minusSeconds(120));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(f, past);
      }
    }
  }

  /** The answer of one generated map file of a layout, through the real postmap. */
  Optional<String> query(String layout, String file, String key) {
    String type = dialect().equals("postgresql") ? "pgsql" : "mysql";
    PostfixLookup lookup =
        postfix.lookup(key, type + ":" + out.resolve(layout).resolve("postfix").resolve(file));
    return lookup.value();
  }

  /** A comma-joined answer as a sorted list. */
  List<String> list(String layout, String file, String key) {
    return query(layout, file, key)
        .map(v -> Stream.of(v.split(",")).map(String::strip).sorted().toList())
        .orElse(List.of());
  }

  org.springframework.jdbc.core.JdbcTemplate jdbc() {
    return new org.springframework.jdbc.core.JdbcTemplate(db.dataSource());
  }

  DovecotServer dovecot(String layout) {
    return dovecots.get(layout);
  }

  Connection readOnly(String user) throws SQLException {
    return java.sql.DriverManager.getConnection(db.jdbcUrl(), user, accounts.get(user));
  }
}
