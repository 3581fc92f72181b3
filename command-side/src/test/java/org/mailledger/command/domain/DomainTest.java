package org.mailledger.command.domain;

import static org.mailledger.command.TestData.DOMAIN;
import static org.mailledger.command.TestData.DOMAIN_ID;
import static org.mailledger.command.TestData.GIB;
import static org.mailledger.command.TestData.createDomain;
import static org.mailledger.command.TestData.domainCreated;

import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailledger.command.InMemoryClaims;
import org.mailledger.command.claim.ClaimKind;
import org.mailledger.command.claim.DomainLimits;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.domain.ActivateDomainCommand;
import org.mailledger.schema.domain.ChangeDomainSettingsCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeactivateDomainCommand;
import org.mailledger.schema.domain.DeleteDomainCommand;
import org.mailledger.schema.domain.DomainActivatedEvent;
import org.mailledger.schema.domain.DomainDeactivatedEvent;
import org.mailledger.schema.domain.DomainDeletedEvent;
import org.mailledger.schema.domain.DomainSettingsChangedEvent;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.Quota;

class DomainTest {

  private FixtureConfiguration<Domain> fixture;
  private InMemoryClaims claims;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Domain.class);
    claims = new InMemoryClaims();
    fixture.registerAnnotatedCommandHandler(
        new DomainCommandHandler(fixture.getRepository(), claims));
  }

  /** The claim a created domain would have, for tests that start from a given history. */
  private void claimed() {
    claims.claimDomain(
        DOMAIN_ID, DOMAIN, new DomainLimits(Quota.ofGigabytes(1), Quota.ofGigabytes(5), 0, 0));
  }

  @Test
  void canCreateDomain() {
    fixture
        .givenNoPriorActivity()
        .when(createDomain())
        .expectEvents(domainCreated())
        .expectResultMessagePayload(DOMAIN_ID);
  }

  @Test
  void canCreateDomainWithUnlimitedQuotas() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateDomainCommand(DOMAIN_ID, DomainName.of(DOMAIN), null, null, null, 0, 0))
        .expectEvents(
            new org.mailledger.schema.domain.DomainCreatedEvent(DOMAIN_ID, DOMAIN, "", 0, 0, 0, 0));
  }

  @Test
  void cannotCreateDomainWhoseNameIsTaken() {
    claims.claimDomain("d-other", DOMAIN, new DomainLimits(Quota.UNLIMITED, Quota.UNLIMITED, 0, 0));
    fixture
        .givenNoPriorActivity()
        .when(createDomain())
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("domain example.org exists already")
        .expectNoEvents();
  }

  @Test
  void cannotCreateDomainWithDefaultQuotaAboveMax() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateDomainCommand(
                DOMAIN_ID,
                DomainName.of(DOMAIN),
                "",
                Quota.ofGigabytes(6),
                Quota.ofGigabytes(5),
                0,
                0))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotCreateDomainWithNegativeMailboxLimit() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateDomainCommand(DOMAIN_ID, DomainName.of(DOMAIN), "", null, null, -1, 0))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("maxMailboxes must be between 0 (unlimited) and 1000000")
        .expectNoEvents();
  }

  @Test
  void cannotCreateDomainWithAliasLimitAboveMaximum() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateDomainCommand(DOMAIN_ID, DomainName.of(DOMAIN), "", null, null, 0, 1_000_001))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotCreateDomainWithControlCharacterInDescription() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateDomainCommand(
                DOMAIN_ID, DomainName.of(DOMAIN), "evil\u0000", null, null, 0, 0))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void canChangeDomainSettingsKeepingTheOthers() {
    claimed();
    fixture
        .given(domainCreated())
        .when(new ChangeDomainSettingsCommand(DOMAIN_ID, null, null, null, 50, null))
        .expectEvents(
            new DomainSettingsChangedEvent(DOMAIN_ID, DOMAIN, "Example", GIB, 5 * GIB, 50, 0));
  }

  @Test
  void canChangeDomainDescription() {
    claimed();
    fixture
        .given(domainCreated())
        .when(new ChangeDomainSettingsCommand(DOMAIN_ID, "Example Inc.", null, null, null, null))
        .expectEvents(
            new DomainSettingsChangedEvent(DOMAIN_ID, DOMAIN, "Example Inc.", GIB, 5 * GIB, 0, 0));
  }

  @Test
  void changingNothingEmitsNothing() {
    claimed();
    fixture
        .given(domainCreated())
        .when(
            new ChangeDomainSettingsCommand(
                DOMAIN_ID, "Example", Quota.ofGigabytes(1), null, 0, null))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void cannotLowerMaxQuotaBelowDefaultQuota() {
    claimed();
    fixture
        .given(domainCreated())
        .when(
            new ChangeDomainSettingsCommand(
                DOMAIN_ID, null, null, Quota.ofBytes(GIB / 2), null, null))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void canDeactivateDomain() {
    claimed();
    fixture
        .given(domainCreated())
        .when(new DeactivateDomainCommand(DOMAIN_ID))
        .expectEvents(new DomainDeactivatedEvent(DOMAIN_ID, DOMAIN));
  }

  @Test
  void deactivatingInactiveDomainChangesNothing() {
    claimed();
    fixture
        .given(domainCreated(), new DomainDeactivatedEvent(DOMAIN_ID, DOMAIN))
        .when(new DeactivateDomainCommand(DOMAIN_ID))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void canActivateDomain() {
    claimed();
    fixture
        .given(domainCreated(), new DomainDeactivatedEvent(DOMAIN_ID, DOMAIN))
        .when(new ActivateDomainCommand(DOMAIN_ID))
        .expectEvents(new DomainActivatedEvent(DOMAIN_ID, DOMAIN));
  }

  @Test
  void activatingActiveDomainChangesNothing() {
    claimed();
    fixture
        .given(domainCreated())
        .when(new ActivateDomainCommand(DOMAIN_ID))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void canDeleteEmptyDomain() {
    claimed();
    fixture
        .given(domainCreated())
        .when(new DeleteDomainCommand(DOMAIN_ID))
        .expectEvents(new DomainDeletedEvent(DOMAIN_ID, DOMAIN))
        .expectMarkedDeleted();
  }

  @Test
  void cannotDeleteDomainHoldingMailboxes() {
    claimed();
    claims.claimAddress("alice@example.org", ClaimKind.MAILBOX, "m1", DOMAIN_ID);
    fixture
        .given(domainCreated())
        .when(new DeleteDomainCommand(DOMAIN_ID))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage(
            "domain example.org still holds 1 mailbox(es) and 0 alias(es); delete them first")
        .expectNoEvents();
  }

  @Test
  void cannotDeleteDomainHoldingAliases() {
    claimed();
    claims.claimAddress("team@example.org", ClaimKind.ALIAS, "a1", DOMAIN_ID);
    fixture
        .given(domainCreated())
        .when(new DeleteDomainCommand(DOMAIN_ID))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotChangeDeletedDomain() {
    fixture
        .given(domainCreated(), new DomainDeletedEvent(DOMAIN_ID, DOMAIN))
        .when(new ActivateDomainCommand(DOMAIN_ID))
        .expectException(AggregateDeletedException.class);
  }
}
