package org.mailledger.command.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.mailledger.command.TestData.ADDRESS;
import static org.mailledger.command.TestData.ALIAS_ADDRESS;
import static org.mailledger.command.TestData.ALIAS_ID;
import static org.mailledger.command.TestData.DOMAIN;
import static org.mailledger.command.TestData.DOMAIN_ID;
import static org.mailledger.command.TestData.GIB;
import static org.mailledger.command.TestData.MAILBOX_ID;
import static org.mailledger.command.TestData.MAIL_ROOT;
import static org.mailledger.command.TestData.OTHER_ADDRESS;
import static org.mailledger.command.TestData.OTHER_MAILBOX_ID;
import static org.mailledger.command.TestData.PASSWORD;
import static org.mailledger.command.TestData.address;
import static org.mailledger.command.TestData.createMailbox;
import static org.mailledger.command.TestData.mailboxCreated;

import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailledger.command.InMemoryClaims;
import org.mailledger.command.alias.AliasReferences;
import org.mailledger.command.claim.ClaimKind;
import org.mailledger.command.claim.DomainLimits;
import org.mailledger.command.claim.ReferenceRole;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.command.password.PasswordHasher;
import org.mailledger.command.password.PasswordPolicy;
import org.mailledger.command.password.PasswordScheme;
import org.mailledger.schema.mailbox.ActivateMailboxCommand;
import org.mailledger.schema.mailbox.ChangeMailboxNameCommand;
import org.mailledger.schema.mailbox.ChangeMailboxPasswordCommand;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeactivateMailboxCommand;
import org.mailledger.schema.mailbox.DeleteMailboxCommand;
import org.mailledger.schema.mailbox.MailboxActivatedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;
import org.mailledger.schema.mailbox.MailboxDeactivatedEvent;
import org.mailledger.schema.mailbox.MailboxDeletedEvent;
import org.mailledger.schema.mailbox.MailboxNameChangedEvent;
import org.mailledger.schema.mailbox.MailboxPasswordChangedEvent;
import org.mailledger.schema.mailbox.MailboxQuotaChangedEvent;
import org.mailledger.schema.mailbox.MailboxRenamedEvent;
import org.mailledger.schema.mailbox.MailboxSendOnlyChangedEvent;
import org.mailledger.schema.mailbox.RenameMailboxCommand;
import org.mailledger.schema.mailbox.SetMailboxSendOnlyCommand;
import org.mailledger.schema.value.LocalPart;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;

class MailboxTest {

  /** A bcrypt hash in Dovecot's form; a pre-hashed password is taken as it is. */
  private static final String HASH =
      "{BLF-CRYPT}$2y$04$abcdefghijklmnopqrstuu5Yy3xQ8DtrW0eHbsyL.LVpr/DWw6X2q";

  private FixtureConfiguration<Mailbox> fixture;
  private InMemoryClaims claims;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Mailbox.class);
    claims = new InMemoryClaims();
    claims.claimDomain(
        DOMAIN_ID, DOMAIN, new DomainLimits(Quota.ofGigabytes(1), Quota.ofGigabytes(5), 0, 0));
    PasswordPolicy fast = new PasswordPolicy(PasswordScheme.BLF_CRYPT, 4, 1024, 1, 1, 5000, 8);
    fixture.registerAnnotatedCommandHandler(
        new MailboxCommandHandler(
            fixture.getRepository(),
            claims,
            new PasswordHasher(fast),
            new MailPaths(MAIL_ROOT),
            new AliasReferences(null, claims)));
  }

  private void existing() {
    claims.claimAddress(ADDRESS, ClaimKind.MAILBOX, MAILBOX_ID, DOMAIN_ID);
  }

  private static CreateMailboxCommand create(Secret password, Quota quota) {
    return new CreateMailboxCommand(MAILBOX_ID, address(ADDRESS), password, "Alice", quota, false);
  }

  @Test
  void canCreateMailboxWithDomainDefaultQuota() {
    fixture
        .givenNoPriorActivity()
        .when(create(new Secret(HASH), null))
        .expectEvents(mailboxCreated(HASH))
        .expectResultMessagePayload(MAILBOX_ID);
  }

  @Test
  void canCreateMailboxHashingThePassword() {
    fixture
        .givenNoPriorActivity()
        .when(createMailbox())
        .expectEventsMatching(
            payloadsMatching(
                exactSequenceOf(
                    matches(
                        (MailboxCreatedEvent e) ->
                            e.passwordHash().startsWith("{BLF-CRYPT}$2y$")
                                && !e.toString().contains(PASSWORD)
                                && e.address().equals(ADDRESS)))));
  }

  @Test
  void createdMailboxLivesUnderItsIdNotItsAddress() {
    fixture
        .givenNoPriorActivity()
        .when(create(new Secret(HASH), null))
        .expectEventsMatching(
            payloadsMatching(
                exactSequenceOf(
                    matches(
                        (MailboxCreatedEvent e) ->
                            e.home().equals("/var/vmail/" + MAILBOX_ID)
                                && e.maildir().equals("/var/vmail/" + MAILBOX_ID + "/Maildir")))));
  }

  @Test
  void canCreateSendOnlyMailboxWithOwnQuota() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateMailboxCommand(
                MAILBOX_ID, address(ADDRESS), new Secret(HASH), "", Quota.ofGigabytes(5), true))
        .expectEvents(
            new MailboxCreatedEvent(
                MAILBOX_ID,
                DOMAIN_ID,
                ADDRESS,
                HASH,
                "",
                5 * GIB,
                true,
                MAIL_ROOT + "/" + MAILBOX_ID,
                MAIL_ROOT + "/" + MAILBOX_ID + "/Maildir"));
  }

  @Test
  void cannotCreateMailboxAboveDomainMaxQuota() {
    fixture
        .givenNoPriorActivity()
        .when(create(new Secret(HASH), Quota.ofGigabytes(6)))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage(
            "the quota must not exceed the domain's maximum of 5 GB per mailbox")
        .expectNoEvents();
  }

  @Test
  void cannotCreateUnlimitedMailboxInDomainWithMaxQuota() {
    fixture
        .givenNoPriorActivity()
        .when(create(new Secret(HASH), Quota.UNLIMITED))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotCreateMailboxInUnknownDomain() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateMailboxCommand(
                MAILBOX_ID, address("alice@unknown.org"), new Secret(HASH), "", null, false))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("no domain unknown.org")
        .expectNoEvents();
  }

  @Test
  void cannotCreateMailboxInInactiveDomain() {
    claims.setDomainActive(DOMAIN_ID, false);
    fixture
        .givenNoPriorActivity()
        .when(create(new Secret(HASH), null))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("domain example.org is inactive")
        .expectNoEvents();
  }

  @Test
  void cannotCreateMailboxAtTakenAddress() {
    claims.claimAddress(ADDRESS, ClaimKind.ALIAS, ALIAS_ID, DOMAIN_ID);
    fixture
        .givenNoPriorActivity()
        .when(create(new Secret(HASH), null))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("alice@example.org is in use already")
        .expectNoEvents();
  }

  @Test
  void cannotCreateMailboxBeyondDomainLimit() {
    claims.changeDomainLimits(
        DOMAIN_ID, new DomainLimits(Quota.ofGigabytes(1), Quota.ofGigabytes(5), 1, 0));
    claims.claimAddress(OTHER_ADDRESS, ClaimKind.MAILBOX, OTHER_MAILBOX_ID, DOMAIN_ID);
    fixture
        .givenNoPriorActivity()
        .when(create(new Secret(HASH), null))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("domain example.org holds its maximum")
        .expectNoEvents();
  }

  @Test
  void cannotCreateMailboxWithShortPassword() {
    fixture
        .givenNoPriorActivity()
        .when(create(new Secret("short"), null))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void cannotCreateMailboxWithUnsafeId() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateMailboxCommand(
                "../../etc", address(ADDRESS), new Secret(HASH), "", null, false))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void canChangePassword() {
    existing();
    fixture
        .given(mailboxCreated(HASH))
        .when(new ChangeMailboxPasswordCommand(MAILBOX_ID, new Secret("a much better password")))
        .expectEventsMatching(
            payloadsMatching(
                exactSequenceOf(
                    matches(
                        (MailboxPasswordChangedEvent e) ->
                            e.passwordHash().startsWith("{BLF-CRYPT}$2y$04$")
                                && !e.passwordHash().equals(HASH)))));
  }

  @Test
  void cannotChangePasswordToTooShortOne() {
    existing();
    fixture
        .given(mailboxCreated(HASH))
        .when(new ChangeMailboxPasswordCommand(MAILBOX_ID, new Secret("1234567")))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void canChangeQuotaWithinDomainMax() {
    existing();
    fixture
        .given(mailboxCreated(HASH))
        .when(new ChangeMailboxQuotaCommand(MAILBOX_ID, Quota.ofGigabytes(5)))
        .expectEvents(new MailboxQuotaChangedEvent(MAILBOX_ID, ADDRESS, 5 * GIB));
  }

  @Test
  void cannotChangeQuotaAboveDomainMax() {
    existing();
    fixture
        .given(mailboxCreated(HASH))
        .when(new ChangeMailboxQuotaCommand(MAILBOX_ID, Quota.ofGigabytes(6)))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void changingQuotaToSameValueChangesNothing() {
    existing();
    fixture
        .given(mailboxCreated(HASH))
        .when(new ChangeMailboxQuotaCommand(MAILBOX_ID, Quota.ofGigabytes(1)))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void canChangeDisplayName() {
    fixture
        .given(mailboxCreated(HASH))
        .when(new ChangeMailboxNameCommand(MAILBOX_ID, "Alice Liddell"))
        .expectEvents(new MailboxNameChangedEvent(MAILBOX_ID, ADDRESS, "Alice Liddell"));
  }

  @Test
  void canTurnSendOnlyOnAndOff() {
    fixture
        .given(mailboxCreated(HASH))
        .when(new SetMailboxSendOnlyCommand(MAILBOX_ID, true))
        .expectEvents(new MailboxSendOnlyChangedEvent(MAILBOX_ID, ADDRESS, true));
    fixture
        .given(mailboxCreated(HASH), new MailboxSendOnlyChangedEvent(MAILBOX_ID, ADDRESS, true))
        .when(new SetMailboxSendOnlyCommand(MAILBOX_ID, false))
        .expectEvents(new MailboxSendOnlyChangedEvent(MAILBOX_ID, ADDRESS, false));
  }

  @Test
  void canDeactivateAndActivateMailbox() {
    fixture
        .given(mailboxCreated(HASH))
        .when(new DeactivateMailboxCommand(MAILBOX_ID))
        .expectEvents(new MailboxDeactivatedEvent(MAILBOX_ID, ADDRESS));
    fixture
        .given(mailboxCreated(HASH), new MailboxDeactivatedEvent(MAILBOX_ID, ADDRESS))
        .when(new ActivateMailboxCommand(MAILBOX_ID))
        .expectEvents(new MailboxActivatedEvent(MAILBOX_ID, ADDRESS));
  }

  @Test
  void activatingActiveMailboxChangesNothing() {
    fixture
        .given(mailboxCreated(HASH))
        .when(new ActivateMailboxCommand(MAILBOX_ID))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void canRenameMailboxKeepingItsFiles() {
    existing();
    fixture
        .given(mailboxCreated(HASH))
        .when(new RenameMailboxCommand(MAILBOX_ID, LocalPart.of("alice.liddell")))
        .expectEvents(
            new MailboxRenamedEvent(MAILBOX_ID, DOMAIN_ID, ADDRESS, "alice.liddell@example.org"));
    assertThat(claims.address("alice.liddell@example.org")).isPresent();
    assertThat(claims.address(ADDRESS)).isEmpty();
  }

  @Test
  void cannotRenameMailboxToTakenAddress() {
    existing();
    claims.claimAddress(OTHER_ADDRESS, ClaimKind.MAILBOX, OTHER_MAILBOX_ID, DOMAIN_ID);
    fixture
        .given(mailboxCreated(HASH))
        .when(new RenameMailboxCommand(MAILBOX_ID, LocalPart.of("bob")))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("bob@example.org is in use already");
  }

  @Test
  void cannotRenameMailboxToItsOwnAddress() {
    existing();
    fixture
        .given(mailboxCreated(HASH))
        .when(new RenameMailboxCommand(MAILBOX_ID, LocalPart.of("alice")))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void canDeleteUnreferencedMailbox() {
    existing();
    fixture
        .given(mailboxCreated(HASH))
        .when(new DeleteMailboxCommand(MAILBOX_ID, false))
        .expectEvents(new MailboxDeletedEvent(MAILBOX_ID, DOMAIN_ID, ADDRESS))
        .expectMarkedDeleted();
    assertThat(claims.address(ADDRESS)).as("the address is free again").isEmpty();
  }

  @Test
  void cannotDeleteMailboxThatAnAliasSendsTo() {
    existing();
    claims.claimAddress(ALIAS_ADDRESS, ClaimKind.ALIAS, ALIAS_ID, DOMAIN_ID);
    claims.addReference(ALIAS_ID, ADDRESS, ReferenceRole.RECIPIENT);
    fixture
        .given(mailboxCreated(HASH))
        .when(new DeleteMailboxCommand(MAILBOX_ID, false))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage(
            "alice@example.org is a recipient or sender of the aliases team@example.org; remove it there first, or delete with cascade")
        .expectNoEvents();
  }

  @Test
  void cannotDeleteMailboxThatMaySendAsAnAlias() {
    existing();
    claims.claimAddress(ALIAS_ADDRESS, ClaimKind.ALIAS, ALIAS_ID, DOMAIN_ID);
    claims.addReference(ALIAS_ID, ADDRESS, ReferenceRole.SENDER);
    fixture
        .given(mailboxCreated(HASH))
        .when(new DeleteMailboxCommand(MAILBOX_ID, false))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotChangeDeletedMailbox() {
    fixture
        .given(mailboxCreated(HASH), new MailboxDeletedEvent(MAILBOX_ID, DOMAIN_ID, ADDRESS))
        .when(new DeactivateMailboxCommand(MAILBOX_ID))
        .expectException(AggregateDeletedException.class);
  }
}
