package org.mailledger.command.alias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.command.TestData.ADDRESS;
import static org.mailledger.command.TestData.ALIAS_ADDRESS;
import static org.mailledger.command.TestData.ALIAS_ID;
import static org.mailledger.command.TestData.DOMAIN;
import static org.mailledger.command.TestData.DOMAIN_ID;
import static org.mailledger.command.TestData.MAILBOX_ID;
import static org.mailledger.command.TestData.OTHER_ADDRESS;
import static org.mailledger.command.TestData.OTHER_MAILBOX_ID;
import static org.mailledger.command.TestData.address;
import static org.mailledger.command.TestData.aliasCreated;

import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailledger.command.InMemoryClaims;
import org.mailledger.command.claim.ClaimKind;
import org.mailledger.command.claim.DomainLimits;
import org.mailledger.command.claim.ReferenceRole;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.alias.ActivateAliasCommand;
import org.mailledger.schema.alias.AddAliasRecipientCommand;
import org.mailledger.schema.alias.AddAliasSenderCommand;
import org.mailledger.schema.alias.AliasActivatedEvent;
import org.mailledger.schema.alias.AliasCreatedEvent;
import org.mailledger.schema.alias.AliasDeactivatedEvent;
import org.mailledger.schema.alias.AliasDeletedEvent;
import org.mailledger.schema.alias.AliasDescriptionChangedEvent;
import org.mailledger.schema.alias.AliasRecipientAddedEvent;
import org.mailledger.schema.alias.AliasRecipientRemovedEvent;
import org.mailledger.schema.alias.AliasSenderAddedEvent;
import org.mailledger.schema.alias.AliasSenderRemovedEvent;
import org.mailledger.schema.alias.ChangeAliasDescriptionCommand;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.DeactivateAliasCommand;
import org.mailledger.schema.alias.DeleteAliasCommand;
import org.mailledger.schema.alias.RemoveAliasRecipientCommand;
import org.mailledger.schema.alias.RemoveAliasSenderCommand;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.Quota;

class AliasTest {

  private static final String EXTERNAL = "carol@elsewhere.net";

  private FixtureConfiguration<Alias> fixture;
  private InMemoryClaims claims;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Alias.class);
    claims = new InMemoryClaims();
    claims.claimDomain(DOMAIN_ID, DOMAIN, new DomainLimits(Quota.UNLIMITED, Quota.UNLIMITED, 0, 0));
    claims.claimAddress(ADDRESS, ClaimKind.MAILBOX, MAILBOX_ID, DOMAIN_ID);
    claims.claimAddress(OTHER_ADDRESS, ClaimKind.MAILBOX, OTHER_MAILBOX_ID, DOMAIN_ID);
    fixture.registerAnnotatedCommandHandler(
        new AliasCommandHandler(
            fixture.getRepository(), claims, new AliasReferences(fixture.getRepository(), claims)));
  }

  private static CreateAliasCommand create(
      String localPart, List<String> recipients, List<String> senders) {
    return new CreateAliasCommand(
        ALIAS_ID,
        AliasAddress.of(localPart, DomainName.of(DOMAIN)),
        recipients.stream().map(EmailAddress::parse).toList(),
        senders.stream().map(EmailAddress::parse).toList(),
        "");
  }

  private void existing() {
    claims.claimAddress(ALIAS_ADDRESS, ClaimKind.ALIAS, ALIAS_ID, DOMAIN_ID);
  }

  @Test
  void canCreateAliasWithInternalAndExternalRecipients() {
    fixture
        .givenNoPriorActivity()
        .when(create("team", List.of(ADDRESS, EXTERNAL), List.of()))
        .expectEvents(aliasCreated(ADDRESS, EXTERNAL))
        .expectResultMessagePayload(ALIAS_ID);
    assertThat(claims.referencesTo(ADDRESS)).hasSize(1);
  }

  @Test
  void canCreateAliasWithSenders() {
    fixture
        .givenNoPriorActivity()
        .when(create("team", List.of(EXTERNAL), List.of(ADDRESS)))
        .expectEvents(
            aliasCreated(EXTERNAL),
            new AliasSenderAddedEvent(ALIAS_ID, ALIAS_ADDRESS, MAILBOX_ID, ADDRESS));
  }

  @Test
  void canCreateCatchAll() {
    fixture
        .givenNoPriorActivity()
        .when(create("*", List.of(ADDRESS), List.of()))
        .expectEvents(
            new AliasCreatedEvent(ALIAS_ID, DOMAIN_ID, "@example.org", List.of(ADDRESS), ""));
  }

  @Test
  void cannotCreateSecondCatchAll() {
    claims.claimAddress("@example.org", ClaimKind.ALIAS, "a-other", DOMAIN_ID);
    fixture
        .givenNoPriorActivity()
        .when(create("", List.of(ADDRESS), List.of()))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("@example.org is in use already")
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasAtMailboxAddress() {
    fixture
        .givenNoPriorActivity()
        .when(create("alice", List.of(EXTERNAL), List.of()))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasWithoutRecipients() {
    fixture
        .givenNoPriorActivity()
        .when(create("team", List.of(), List.of()))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("an alias needs at least one recipient")
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasWithMoreRecipientsThanTheMaximum() {
    List<String> recipients =
        IntStream.rangeClosed(0, AliasRules.MAX_RECIPIENTS)
            .mapToObj(i -> "r" + i + "@elsewhere.net")
            .toList();
    fixture
        .givenNoPriorActivity()
        .when(create("team", recipients, List.of()))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("an alias takes at most 1000 recipients")
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasForwardingToItself() {
    fixture
        .givenNoPriorActivity()
        .when(create("team", List.of(ALIAS_ADDRESS), List.of()))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasWithDuplicateRecipient() {
    fixture
        .givenNoPriorActivity()
        .when(create("team", List.of(EXTERNAL, EXTERNAL), List.of()))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasToUnknownAddressInHostedDomain() {
    fixture
        .givenNoPriorActivity()
        .when(create("team", List.of("nobody@example.org"), List.of()))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage(
            "nobody@example.org is in a domain hosted here but is neither a mailbox nor an alias")
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasWithSenderThatIsNoMailbox() {
    fixture
        .givenNoPriorActivity()
        .when(create("team", List.of(ADDRESS), List.of(EXTERNAL)))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage(
            "carol@elsewhere.net is not a mailbox; only mailboxes can send as an alias")
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasInUnknownDomain() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateAliasCommand(
                ALIAS_ID,
                AliasAddress.parse("team@unknown.org"),
                List.of(address(EXTERNAL)),
                List.of(),
                ""))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasBeyondDomainLimit() {
    claims.changeDomainLimits(DOMAIN_ID, new DomainLimits(Quota.UNLIMITED, Quota.UNLIMITED, 0, 1));
    claims.claimAddress("other@example.org", ClaimKind.ALIAS, "a-other", DOMAIN_ID);
    fixture
        .givenNoPriorActivity()
        .when(create("team", List.of(EXTERNAL), List.of()))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void canAddRecipient() {
    existing();
    fixture
        .given(aliasCreated(EXTERNAL))
        .when(new AddAliasRecipientCommand(ALIAS_ID, address(ADDRESS)))
        .expectEvents(new AliasRecipientAddedEvent(ALIAS_ID, ALIAS_ADDRESS, ADDRESS));
  }

  @Test
  void cannotAddRecipientToAnAliasThatHoldsTheMaximum() {
    existing();
    String[] full =
        IntStream.range(0, AliasRules.MAX_RECIPIENTS)
            .mapToObj(i -> "r" + i + "@elsewhere.net")
            .toArray(String[]::new);
    fixture
        .given(aliasCreated(full))
        .when(new AddAliasRecipientCommand(ALIAS_ID, address(EXTERNAL)))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("an alias takes at most 1000 recipients")
        .expectNoEvents();
  }

  @Test
  void cannotAddExistingRecipient() {
    existing();
    fixture
        .given(aliasCreated(EXTERNAL))
        .when(new AddAliasRecipientCommand(ALIAS_ID, address(EXTERNAL)))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void canRemoveRecipient() {
    existing();
    fixture
        .given(aliasCreated(EXTERNAL, ADDRESS))
        .when(new RemoveAliasRecipientCommand(ALIAS_ID, address(EXTERNAL)))
        .expectEvents(new AliasRecipientRemovedEvent(ALIAS_ID, ALIAS_ADDRESS, EXTERNAL));
  }

  @Test
  void cannotRemoveLastRecipient() {
    existing();
    fixture
        .given(aliasCreated(EXTERNAL))
        .when(new RemoveAliasRecipientCommand(ALIAS_ID, address(EXTERNAL)))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotRemoveRecipientThatIsNotOne() {
    existing();
    fixture
        .given(aliasCreated(EXTERNAL, ADDRESS))
        .when(new RemoveAliasRecipientCommand(ALIAS_ID, address("dave@elsewhere.net")))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void canAddSender() {
    existing();
    fixture
        .given(aliasCreated(EXTERNAL))
        .when(new AddAliasSenderCommand(ALIAS_ID, address(ADDRESS)))
        .expectEvents(new AliasSenderAddedEvent(ALIAS_ID, ALIAS_ADDRESS, MAILBOX_ID, ADDRESS));
    assertThat(claims.referencesTo(ADDRESS))
        .extracting(r -> r.role())
        .containsExactly(ReferenceRole.SENDER);
  }

  @Test
  void cannotAddSenderTwice() {
    existing();
    fixture
        .given(
            aliasCreated(EXTERNAL),
            new AliasSenderAddedEvent(ALIAS_ID, ALIAS_ADDRESS, MAILBOX_ID, ADDRESS))
        .when(new AddAliasSenderCommand(ALIAS_ID, address(ADDRESS)))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotAddSenderThatIsNoMailbox() {
    existing();
    fixture
        .given(aliasCreated(EXTERNAL))
        .when(new AddAliasSenderCommand(ALIAS_ID, address(EXTERNAL)))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void canRemoveSender() {
    existing();
    fixture
        .given(
            aliasCreated(EXTERNAL),
            new AliasSenderAddedEvent(ALIAS_ID, ALIAS_ADDRESS, MAILBOX_ID, ADDRESS))
        .when(new RemoveAliasSenderCommand(ALIAS_ID, address(ADDRESS)))
        .expectEvents(new AliasSenderRemovedEvent(ALIAS_ID, ALIAS_ADDRESS, MAILBOX_ID, ADDRESS));
  }

  @Test
  void cannotRemoveSenderThatIsNotOne() {
    existing();
    fixture
        .given(aliasCreated(EXTERNAL))
        .when(new RemoveAliasSenderCommand(ALIAS_ID, address(ADDRESS)))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void canChangeDescription() {
    fixture
        .given(aliasCreated(EXTERNAL))
        .when(new ChangeAliasDescriptionCommand(ALIAS_ID, "The team"))
        .expectEvents(new AliasDescriptionChangedEvent(ALIAS_ID, ALIAS_ADDRESS, "The team"));
  }

  @Test
  void canDeactivateAndActivateAlias() {
    fixture
        .given(aliasCreated(EXTERNAL))
        .when(new DeactivateAliasCommand(ALIAS_ID))
        .expectEvents(new AliasDeactivatedEvent(ALIAS_ID, ALIAS_ADDRESS));
    fixture
        .given(aliasCreated(EXTERNAL), new AliasDeactivatedEvent(ALIAS_ID, ALIAS_ADDRESS))
        .when(new ActivateAliasCommand(ALIAS_ID))
        .expectEvents(new AliasActivatedEvent(ALIAS_ID, ALIAS_ADDRESS));
  }

  @Test
  void deactivatingInactiveAliasChangesNothing() {
    fixture
        .given(aliasCreated(EXTERNAL), new AliasDeactivatedEvent(ALIAS_ID, ALIAS_ADDRESS))
        .when(new DeactivateAliasCommand(ALIAS_ID))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void canDeleteAlias() {
    existing();
    claims.addReference(ALIAS_ID, ADDRESS, ReferenceRole.RECIPIENT);
    fixture
        .given(aliasCreated(ADDRESS))
        .when(new DeleteAliasCommand(ALIAS_ID, false))
        .expectEvents(new AliasDeletedEvent(ALIAS_ID, DOMAIN_ID, ALIAS_ADDRESS))
        .expectMarkedDeleted();
    assertThat(claims.address(ALIAS_ADDRESS)).isEmpty();
    assertThat(claims.referencesTo(ADDRESS)).as("a deleted alias points nowhere").isEmpty();
  }

  @Test
  void cannotDeleteAliasThatAnotherAliasForwardsTo() {
    existing();
    claims.claimAddress("all@example.org", ClaimKind.ALIAS, "a-all", DOMAIN_ID);
    claims.addReference("a-all", ALIAS_ADDRESS, ReferenceRole.RECIPIENT);
    fixture
        .given(aliasCreated(EXTERNAL))
        .when(new DeleteAliasCommand(ALIAS_ID, false))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage(
            "team@example.org is a recipient of the aliases all@example.org; remove it there first, or delete with cascade")
        .expectNoEvents();
  }

  @Test
  void cannotChangeDeletedAlias() {
    fixture
        .given(aliasCreated(EXTERNAL), new AliasDeletedEvent(ALIAS_ID, DOMAIN_ID, ALIAS_ADDRESS))
        .when(new ActivateAliasCommand(ALIAS_ID))
        .expectException(AggregateDeletedException.class);
  }
}
