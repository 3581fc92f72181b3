package org.mailledger.ops.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailledger.command.alias.Alias;
import org.mailledger.command.alias.AliasCommandHandler;
import org.mailledger.command.alias.AliasReferences;
import org.mailledger.command.alias.AliasRules;
import org.mailledger.command.claim.Claims;
import org.mailledger.command.claim.DomainClaim;
import org.mailledger.command.claim.DomainLimits;
import org.mailledger.command.domain.Domain;
import org.mailledger.command.domain.DomainCommandHandler;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.command.mailbox.MailPaths;
import org.mailledger.command.mailbox.Mailbox;
import org.mailledger.command.mailbox.MailboxCommandHandler;
import org.mailledger.command.password.PasswordHasher;
import org.mailledger.command.password.PasswordPolicy;
import org.mailledger.command.tls.TlsPolicyParams;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.InvalidValueException;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;

/**
 * One row that breaks a rule, seen from both sides: the command side's own handler refuses the
 * command for it, and the planner skips the row with that refusal's words (or, where the import
 * words it its own way on purpose, for the same rule). The handlers run on claims that know one
 * domain, {@code example.org}, and a repository that only builds the aggregate, which is where
 * these rules refuse.
 */
class CommandSideRulesTest {

  private static final String HASH = "{BLF-CRYPT}$2y$04$" + "a".repeat(53);
  private static final Quota GIB = Quota.ofGigabytes(1);

  private final Claims claims = mock(Claims.class);

  @BeforeEach
  void oneDomain() {
    when(claims.domainByName("example.org"))
        .thenReturn(Optional.of(new DomainClaim("d-1", "example.org", true, GIB, GIB, 0, 0, 0, 0)));
  }

  private static SourceData source(List<SourceMailbox> mailboxes, List<SourceAlias> aliases) {
    return source(
        List.of(new SourceDomain("example.org", "", GIB.bytes(), GIB.bytes(), 0, 0, true)),
        mailboxes,
        aliases);
  }

  private static SourceData source(
      List<SourceDomain> domains, List<SourceMailbox> mailboxes, List<SourceAlias> aliases) {
    return new SourceData(domains, List.of(), mailboxes, aliases, List.of(), List.of());
  }

  private static List<String> findings(SourceData source) {
    return ImportPlanner.plan(source, LogState.empty()).findings().stream()
        .map(Finding::toString)
        .toList();
  }

  /** A repository whose newInstance runs the aggregate's constructor and nothing more. */
  @SuppressWarnings("unchecked")
  private static <T> Repository<T> building() {
    Repository<T> repository = mock(Repository.class);
    try {
      when(repository.newInstance(any()))
          .thenAnswer(
              call -> {
                ((Callable<T>) call.getArgument(0)).call();
                throw new AssertionError("the command side took the command");
              });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return repository;
  }

  private static RuleViolationException refusal(ThrowingCallable send) {
    RuleViolationException refused = catchThrowableOfType(send, RuleViolationException.class);
    assertThat(refused).as("refused by the command side").isNotNull();
    return refused;
  }

  private RuleViolationException aliasRefusal(
      String address, List<String> recipients, List<String> senders) {
    Repository<Alias> aliases = building();
    AliasCommandHandler handler =
        new AliasCommandHandler(aliases, claims, new AliasReferences(aliases, claims));
    return refusal(
        () ->
            handler.handle(
                new CreateAliasCommand(
                    "a-1",
                    AliasAddress.parse(address),
                    recipients.stream().map(EmailAddress::parse).toList(),
                    senders.stream().map(EmailAddress::parse).toList(),
                    "")));
  }

  private static SourceAlias alias(String address, List<String> recipients, List<String> senders) {
    return new SourceAlias(address, recipients, senders, null, true);
  }

  @Test
  void anAliasWithMoreRecipientsThanTheMaximum() {
    List<String> recipients =
        IntStream.rangeClosed(0, AliasRules.MAX_RECIPIENTS)
            .mapToObj(i -> "r" + i + "@else.test")
            .toList();
    RuleViolationException refused = aliasRefusal("many@example.org", recipients, List.of());
    assertThat(refused.type()).isEqualTo("too-many-recipients");
    assertThat(
            findings(source(List.of(), List.of(alias("many@example.org", recipients, List.of())))))
        .containsExactly("alias many@example.org: invalid: " + refused.detail());
  }

  @Test
  void anAliasThatForwardsToItself() {
    List<String> self = List.of("self@example.org");
    RuleViolationException refused = aliasRefusal("self@example.org", self, List.of());
    assertThat(refused.type()).isEqualTo("alias-loop");
    assertThat(findings(source(List.of(), List.of(alias("self@example.org", self, List.of())))))
        .containsExactly("alias self@example.org: invalid: " + refused.detail());
  }

  @Test
  void anAliasWhoseSenderIsNoMailbox() {
    List<String> out = List.of("x@else.test");
    List<String> sender = List.of("nobody@example.org");
    RuleViolationException refused = aliasRefusal("team@example.org", out, sender);
    assertThat(refused.type()).isEqualTo("sender-not-a-mailbox");
    assertThat(findings(source(List.of(), List.of(alias("team@example.org", out, sender)))))
        .containsExactly("alias team@example.org: invalid: " + refused.detail());
  }

  @Test
  void anAliasToAnAddressOfAHostedDomainThatIsNeitherMailboxNorAlias() {
    List<String> ghost = List.of("ghost@example.org");
    RuleViolationException refused = aliasRefusal("team@example.org", ghost, List.of());
    assertThat(refused.type()).isEqualTo("unknown-recipient");
    assertThat(findings(source(List.of(), List.of(alias("team@example.org", ghost, List.of())))))
        .containsExactly(
            "alias team@example.org: its recipient "
                + refused.detail()
                + " (absent in the source, or skipped): the alias is skipped whole");
  }

  @Test
  void aDomainWithAMailboxLimitAboveTheMaximum() {
    int limit = DomainLimits.MAX_LIMIT + 1;
    DomainCommandHandler handler = new DomainCommandHandler(building(), claims);
    RuleViolationException refused =
        refusal(
            () ->
                handler.handle(
                    new CreateDomainCommand(
                        "d-2", DomainName.of("big.test"), "", null, null, limit, 0)));
    assertThat(refused.type()).isEqualTo("invalid-limit");
    assertThat(
            findings(
                source(
                    List.of(new SourceDomain("big.test", "", 0, 0, limit, 0, true)),
                    List.of(),
                    List.of())))
        .containsExactly(
            "domain big.test: invalid: "
                + refused.detail()
                + "; its mailboxes and aliases are skipped too");
  }

  @Test
  void aDescriptionLongerThanTheColumns() {
    String description = "x".repeat(256);
    Repository<Domain> domains = building();
    DomainCommandHandler handler = new DomainCommandHandler(domains, claims);
    InvalidValueException refused =
        catchThrowableOfType(
            () ->
                handler.handle(
                    new CreateDomainCommand(
                        "d-2", DomainName.of("long.test"), description, null, null, 0, 0)),
            InvalidValueException.class);
    assertThat(refused).isNotNull();
    assertThat(
            findings(
                source(
                    List.of(new SourceDomain("long.test", description, 0, 0, 0, 0, true)),
                    List.of(),
                    List.of())))
        .containsExactly(
            "domain long.test: invalid: "
                + refused.getMessage()
                + "; its mailboxes and aliases are skipped too");
  }

  /** Reported in bytes, as the source tools keep quotas; the rule is the domain's. */
  @Test
  void aMailboxQuotaAboveItsDomainsMaximum() {
    Quota quota = Quota.ofGigabytes(2);
    Repository<Mailbox> mailboxes = building();
    MailboxCommandHandler handler =
        new MailboxCommandHandler(
            mailboxes,
            claims,
            new PasswordHasher(PasswordPolicy.defaults()),
            new MailPaths("/var/vmail"),
            new AliasReferences(building(), claims));
    RuleViolationException refused =
        refusal(
            () ->
                handler.handle(
                    new CreateMailboxCommand(
                        "m-1",
                        EmailAddress.parse("big@example.org"),
                        new Secret(HASH),
                        "",
                        quota,
                        false)));
    assertThat(refused.type()).isEqualTo("quota-above-domain-max");
    assertThat(
            findings(
                source(
                    List.of(
                        new SourceMailbox(
                            "big@example.org", HASH, null, quota.bytes(), false, true)),
                    List.of())))
        .containsExactly(
            "mailbox big@example.org: its quota (2147483648 bytes) exceeds its domain's maximum"
                + " per mailbox (1073741824 bytes)");
  }

  /** The aggregate's check (TlsPolicyTest holds TlsPolicy to it), before the command is sent. */
  @Test
  void aTlsPolicyWithMatchOnALevelThatChecksNoCertificate() {
    RuleViolationException refused =
        refusal(() -> TlsPolicyParams.checked(TlsPolicyLevel.ENCRYPT, "match=x"));
    assertThat(refused.type()).isEqualTo("tls-params");
    SourceData source =
        new SourceData(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(new SourceTlsPolicy("m.test", "encrypt", "match=x", null, true)),
            List.of());
    assertThat(findings(source)).containsExactly("TLS policy m.test: invalid: " + refused.detail());
  }

  /** The typed value refuses it before any command exists, in the API's JSON binding as here. */
  @Test
  void aLocalPartLongerThan64Characters() {
    String address = "x".repeat(65) + "@example.org";
    InvalidValueException refused =
        catchThrowableOfType(() -> EmailAddress.parse(address), InvalidValueException.class);
    assertThat(refused).isNotNull();
    assertThat(
            findings(
                source(
                    List.of(new SourceMailbox(address, HASH, null, null, false, true)), List.of())))
        .containsExactly("mailbox " + address + ": invalid: " + refused.getMessage());
  }
}
