package org.mailledger.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailledger.command.password.PasswordHasher;
import org.mailledger.command.password.PasswordPolicy;
import org.mailledger.command.password.PasswordScheme;
import org.mailledger.projection.progress.LayoutProgress;
import org.mailledger.schema.alias.AddAliasSenderCommand;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.DeactivateAliasCommand;
import org.mailledger.schema.aliasdomain.CreateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeactivateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeleteAliasDomainCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeactivateDomainCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeactivateMailboxCommand;
import org.mailledger.schema.mailbox.RenameMailboxCommand;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.LocalPart;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole path: commands through the command gateway, the log, the {@code mum} projection, and
 * then the real postmap and Dovecot reading the projected tables with the generated files. The same
 * world as the hand-filled tests, so the same answers are expected, plus one mailbox per password
 * scheme and one whose plaintext password the command handler hashed. The log is the suite's event
 * store; the tables sit beside it when they are on its engine (PostgreSQL the default deployment,
 * MariaDB a MySQL-only one), in a database of their own otherwise.
 */
@ParameterizedClass(name = "commands to mum on {0}")
@EnumSource(LookupEngine.class)
class CommandsMumConsumersTest extends MumConsumersEndToEndTest {

  static final String PLAINTEXT = "a long enough secret";
  private final String aliceId = UUID.randomUUID().toString();

  /** The event store's database; the lookup tables go to {@link #db}. */
  private TestDatabase log;

  @Override
  String aliceHome() {
    return "/var/vmail/" + aliceId;
  }

  @Override
  void fill() throws Exception {
    log = engine.holdsTheEventStore() ? db : TestDatabases.eventStore();
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(CommandsTestApplication.class)
            .web(org.springframework.boot.WebApplicationType.NONE)
            .properties(
                Map.ofEntries(
                    Map.entry("spring.datasource.url", log.jdbcUrl()),
                    Map.entry("spring.datasource.username", log.username()),
                    Map.entry(
                        "spring.datasource.password", log.password() == null ? "" : log.password()),
                    Map.entry("mailledger.lookup.datasource.url", db.jdbcUrl()),
                    Map.entry("mailledger.lookup.datasource.username", db.username()),
                    Map.entry(
                        "mailledger.lookup.datasource.password",
                        db.password() == null ? "" : db.password()),
                    Map.entry("axon.axonserver.enabled", "false"),
                    Map.entry("axon.serializer.general", "jackson"),
                    Map.entry("axon.serializer.events", "jackson"),
                    Map.entry("axon.serializer.messages", "jackson"),
                    Map.entry("mailledger.bcrypt-cost", "4")))
            .run()) {
      sendWorld(app.getBean(CommandGateway.class));
      LayoutProgress progress = app.getBean(LayoutProgress.class);
      assertThat(progress.awaitPosition("layout-mum", progress.head(), Duration.ofSeconds(60)))
          .isTrue();
    }
  }

  private void sendWorld(CommandGateway gateway) {
    var send =
        (java.util.function.Function<Object, Object>)
            command ->
                gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(Map.of("actor", "e2e", "source", "127.0.0.1")));
    String bcrypt = hash(PasswordScheme.BLF_CRYPT);
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
    send.apply(mailbox(aliceId, "alice@example.org", bcrypt, null, false));
    String bob = id();
    send.apply(mailbox(bob, "bob@example.org", bcrypt, null, false));
    send.apply(new DeactivateMailboxCommand(bob));
    send.apply(mailbox(id(), "sender@example.org", bcrypt, null, true));
    send.apply(mailbox(id(), "carol@off.example", bcrypt, null, false));
    send.apply(new DeactivateDomainCommand(off));
    send.apply(mailbox(id(), "dave@example.net", bcrypt, Quota.ofGigabytes(5), false));
    send.apply(mailbox(id(), "carol@example.net", bcrypt, null, false));
    send.apply(mailbox(id(), "argon@example.org", hash(PasswordScheme.ARGON2ID), null, false));
    send.apply(mailbox(id(), "sha@example.org", hash(PasswordScheme.SHA512_CRYPT), null, false));
    send.apply(mailbox(id(), "plain@example.org", PLAINTEXT, null, false));
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
    sendAliasDomains(send, off);
    send.apply(
        new SetTlsPolicyCommand(DomainName.of("example.com"), TlsPolicyLevel.ENCRYPT, null, null));
    send.apply(
        new SetTlsPolicyCommand(
            DomainName.of("secure.test"), TlsPolicyLevel.SECURE, "match=.secure.test", null));
  }

  /**
   * Alias domains of example.org, some made before and some after what they expand: the rows of
   * alias.example must follow mailboxes created, renamed and deactivated later. off-alias.example
   * points at the inactive off.example, idle-alias.example is itself inactive, gone.example was
   * deleted.
   */
  private void sendAliasDomains(java.util.function.Function<Object, Object> send, String off) {
    String bcrypt = hash(PasswordScheme.BLF_CRYPT);
    String first = id();
    send.apply(mailbox(first, "first@example.org", bcrypt, null, false));
    send.apply(aliasDomain(id(), "alias.example", "example.org"));
    send.apply(aliasDomain(id(), "off-alias.example", "off.example"));
    String idle = id();
    send.apply(aliasDomain(idle, "idle-alias.example", "example.net"));
    send.apply(new DeactivateAliasDomainCommand(idle));
    String gone = id();
    send.apply(aliasDomain(gone, "gone.example", "example.org"));
    send.apply(new DeleteAliasDomainCommand(gone));
    send.apply(new RenameMailboxCommand(first, LocalPart.of("second")));
    send.apply(mailbox(id(), "late@example.org", bcrypt, null, false));
    String quiet = id();
    send.apply(mailbox(quiet, "quiet@example.org", bcrypt, null, false));
    send.apply(new DeactivateMailboxCommand(quiet));
    String lateAlias = id();
    send.apply(
        new CreateAliasCommand(
            lateAlias,
            AliasAddress.parse("sales@example.org"),
            addresses("late@example.org"),
            List.of(),
            ""));
    send.apply(new AddAliasSenderCommand(lateAlias, EmailAddress.parse("second@example.org")));
  }

  private static CreateAliasDomainCommand aliasDomain(String id, String alias, String target) {
    return new CreateAliasDomainCommand(id, DomainName.of(alias), DomainName.of(target));
  }

  @Test
  void anAliasDomainIsAVirtualDomainWhileItAndItsTargetAreActive() {
    assertThat(query("domains.cf", "alias.example")).contains("alias.example");
    assertThat(query("domains.cf", "off-alias.example")).as("target inactive").isEmpty();
    assertThat(query("domains.cf", "idle-alias.example")).as("inactive").isEmpty();
    assertThat(query("domains.cf", "gone.example")).as("deleted").isEmpty();
  }

  @Test
  void everyAddressOfTheTargetAnswersInTheAliasDomain() {
    assertThat(query("aliases.cf", "alice@alias.example")).contains("alice@example.org");
    assertThat(query("aliases.cf", "team@alias.example")).contains("team@example.org");
    assertThat(query("aliases.cf", "second@alias.example"))
        .as("renamed after the alias domain was made")
        .contains("second@example.org");
    assertThat(query("aliases.cf", "first@alias.example")).as("old name").isEmpty();
    assertThat(query("aliases.cf", "late@alias.example"))
        .as("created after the alias domain")
        .contains("late@example.org");
    assertThat(query("aliases.cf", "sales@alias.example")).contains("sales@example.org");
    assertThat(query("aliases.cf", "bob@alias.example")).as("inactive mailbox").isEmpty();
    assertThat(query("aliases.cf", "quiet@alias.example")).as("deactivated later").isEmpty();
    assertThat(query("aliases.cf", "sender@alias.example")).as("send-only takes no mail").isEmpty();
    assertThat(query("aliases.cf", "old@alias.example")).as("inactive alias").isEmpty();
    assertThat(query("aliases.cf", "dave@idle-alias.example")).as("inactive").isEmpty();
    assertThat(query("aliases.cf", "carol@off-alias.example")).as("target inactive").isEmpty();
    assertThat(query("aliases.cf", "alice@gone.example")).as("deleted").isEmpty();
    assertThat(query("catch-all.cf", "@alias.example"))
        .as("the target's catch-all covers the alias domain")
        .contains("alice@example.org");
    assertThat(query("catch-all.cf", "@idle-alias.example")).isEmpty();
  }

  @Test
  void anAliasDomainAddressIsNoMailboxAndNoLogin() {
    assertThat(query("mailboxes.cf", "alice@alias.example")).isEmpty();
    assertThat(query("mailbox-self.cf", "alice@alias.example")).isEmpty();
    assertThat(query("recipient-access.cf", "alice@alias.example")).isEmpty();
    assertThat(dovecot.authTest("alice@alias.example", PASSWORD)).isFalse();
    assertThat(dovecot.user("alice@alias.example")).isEmpty();
  }

  @Test
  void whoMaySendAsAnAddressMaySendAsItInTheAliasDomain() {
    assertThat(query("sender-login-maps.cf", "alice@alias.example")).contains("alice@example.org");
    assertThat(query("sender-login-maps.cf", "late@alias.example")).contains("late@example.org");
    assertThat(split(query("sender-login-maps.cf", "team@alias.example")))
        .containsExactlyInAnyOrder("alice@example.org", "dave@example.net");
    assertThat(query("sender-login-maps.cf", "sales@alias.example"))
        .as("a sender added after the alias domain was made")
        .contains("second@example.org");
    assertThat(query("sender-login-maps.cf", "alice@idle-alias.example")).isEmpty();
  }

  /** A hash of the shared test password, made by our own hasher in the given scheme. */
  private static String hash(PasswordScheme scheme) {
    PasswordPolicy defaults = PasswordPolicy.defaults();
    return new PasswordHasher(
            new PasswordPolicy(
                scheme,
                4,
                defaults.argon2MemoryKib(),
                defaults.argon2Iterations(),
                defaults.argon2Parallelism(),
                defaults.sha512Rounds(),
                1))
        .hash(new Secret(PASSWORD));
  }

  private static CreateMailboxCommand mailbox(
      String id, String address, String password, Quota quota, boolean sendOnly) {
    return new CreateMailboxCommand(
        id, EmailAddress.parse(address), new Secret(password), "", quota, sendOnly);
  }

  private static List<EmailAddress> addresses(String... addresses) {
    return List.of(addresses).stream().map(EmailAddress::parse).toList();
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  @Test
  void dovecotVerifiesEveryPasswordScheme() {
    for (String user : List.of("alice@example.org", "argon@example.org", "sha@example.org")) {
      assertThat(dovecot.authTest(user, PASSWORD)).as(user).isTrue();
      assertThat(dovecot.authTest(user, "wrong password")).as(user).isFalse();
    }
  }

  @Test
  void dovecotVerifiesAPasswordTheCommandHandlerHashed() {
    assertThat(dovecot.authTest("plain@example.org", PLAINTEXT)).isTrue();
    assertThat(dovecot.authTest("plain@example.org", PASSWORD)).isFalse();
  }

  /**
   * Least privilege, swept over every table and view of the database rather than a list: the
   * generated accounts SELECT exactly their lookup tables, may not INSERT, UPDATE or DELETE even
   * those, and cannot read anything else (the event store, tokens, claims, admin accounts, the
   * audit history). Each refusal must be the server's permission error, not any failure.
   */
  @Test
  void readOnlyAccountsReachNothingButTheirLookupTables() throws SQLException {
    Map<String, String> firstColumns = new java.util.TreeMap<>();
    try (Connection c = admin();
        java.sql.ResultSet tables =
            c.createStatement()
                .executeQuery(
                    "SELECT table_name, (SELECT column_name FROM information_schema.columns k"
                        + " WHERE k.table_schema = t.table_schema AND k.table_name = t.table_name"
                        + " ORDER BY ordinal_position LIMIT 1) FROM information_schema.tables t"
                        + " WHERE table_schema = "
                        + (dialect().equals("postgresql") ? "'public'" : "DATABASE()"))) {
      while (tables.next()) {
        firstColumns.put(
            tables.getString(1).toLowerCase(java.util.Locale.ROOT), tables.getString(2));
      }
    }
    assertThat(firstColumns).containsKeys("domains", "mailboxes", "aliases", "layout_token_entry");
    if (log == db) {
      assertThat(firstColumns)
          .containsKeys(
              "domain_event_entry",
              "token_entry",
              "claim_address",
              "claim_admin",
              "auth_admin",
              "auth_token",
              "audit_entry");
    }
    int refused = 0;
    for (var account :
        Map.of(
                postfixUser,
                new String[] {
                  postfixPassword,
                  "domains",
                  "mailboxes",
                  "aliases",
                  "alias_recipients",
                  "alias_senders",
                  "tls_policies"
                },
                dovecotUser,
                new String[] {dovecotPassword, "domains", "mailboxes"})
            .entrySet()) {
      String[] grant = account.getValue();
      var allowed = java.util.Set.of(java.util.Arrays.copyOfRange(grant, 1, grant.length));
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), account.getKey(), grant[0]);
          Statement st = c.createStatement()) {
        for (var table : firstColumns.entrySet()) {
          String name = table.getKey();
          String column = table.getValue();
          if (allowed.contains(name)) {
            st.executeQuery("SELECT * FROM " + name).close();
            String insert =
                dialect().equals("postgresql")
                    ? "INSERT INTO " + name + " DEFAULT VALUES"
                    : "INSERT INTO " + name + " () VALUES ()";
            for (String write :
                List.of(
                    insert,
                    "UPDATE " + name + " SET " + column + " = " + column,
                    "DELETE FROM " + name)) {
              assertPermissionDenied(st, write, account.getKey());
              refused++;
            }
          } else {
            assertPermissionDenied(st, "SELECT * FROM " + name, account.getKey());
            refused++;
          }
        }
      }
    }
    System.out.printf(
        "least privilege (%s): %d tables and views, %d statements refused%n",
        dialect(), firstColumns.size(), refused);
  }

  @Test
  void readOnlyAccountsCannotReadTheEventStore() throws SQLException {
    for (String[] account :
        new String[][] {{postfixUser, postfixPassword}, {dovecotUser, dovecotPassword}}) {
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), account[0], account[1]);
          Statement st = c.createStatement()) {
        assertThatThrownBy(() -> st.executeQuery("SELECT * FROM domain_event_entry"))
            .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> st.executeQuery("SELECT * FROM claim_address"))
            .isInstanceOf(SQLException.class);
      }
    }
  }

  private void assertPermissionDenied(Statement st, String sql, String user) {
    assertThatThrownBy(() -> st.execute(sql))
        .as("%s as %s", sql, user)
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> {
              if (dialect().equals("postgresql")) {
                assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501");
              } else {
                assertThat(e.getErrorCode()).as(e.getMessage()).isIn(1142, 1143, 1044);
              }
            });
  }
}
