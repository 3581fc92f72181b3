package org.mailledger.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mailledger.command.password.PasswordHasher;
import org.mailledger.command.password.PasswordPolicy;
import org.mailledger.command.password.PasswordScheme;
import org.mailledger.projection.progress.LayoutProgress;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.DeactivateAliasCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeactivateDomainCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeactivateMailboxCommand;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole path: commands through the command gateway, the log, the {@code mum} projection, and
 * then the real postmap and Dovecot reading the projected tables with the generated files. The same
 * world as the hand-filled tests, so the same answers are expected, plus one mailbox per password
 * scheme and one whose plaintext password the command handler hashed.
 */
abstract class CommandsMumConsumersTest extends MumConsumersEndToEndTest {

  static final String PLAINTEXT = "a long enough secret";
  private final String aliceId = UUID.randomUUID().toString();

  /** The event store's database; the lookup tables go to {@link #db}. */
  abstract TestDatabase eventStore();

  @Override
  String aliceHome() {
    return "/var/vmail/" + aliceId;
  }

  @Override
  void fill() throws Exception {
    TestDatabase log = eventStore();
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
    send.apply(
        new SetTlsPolicyCommand(DomainName.of("example.com"), TlsPolicyLevel.ENCRYPT, null, null));
    send.apply(
        new SetTlsPolicyCommand(
            DomainName.of("secure.test"), TlsPolicyLevel.SECURE, "match=.secure.test", null));
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
}
