package org.mailledger.command.aliasdomain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mailledger.command.TestData.DOMAIN;
import static org.mailledger.command.TestData.DOMAIN_ID;
import static org.mailledger.command.TestData.domainCreated;

import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailledger.command.InMemoryClaims;
import org.mailledger.command.claim.DomainLimits;
import org.mailledger.command.domain.Domain;
import org.mailledger.command.domain.DomainCommandHandler;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.aliasdomain.ActivateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.AliasDomainActivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainCreatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeactivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeletedEvent;
import org.mailledger.schema.aliasdomain.CreateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeactivateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeleteAliasDomainCommand;
import org.mailledger.schema.domain.DeleteDomainCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.Quota;

class AliasDomainTest {

  private static final String ALIAS_DOMAIN_ID = "e0000000-0000-0000-0000-000000000001";
  private static final String ALIAS_DOMAIN = "example.net";

  private FixtureConfiguration<AliasDomain> fixture;
  private InMemoryClaims claims;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(AliasDomain.class);
    claims = new InMemoryClaims();
    fixture.registerAnnotatedCommandHandler(
        new AliasDomainCommandHandler(fixture.getRepository(), claims));
    claims.claimDomain(DOMAIN_ID, DOMAIN, new DomainLimits(Quota.UNLIMITED, Quota.UNLIMITED, 0, 0));
  }

  private static CreateAliasDomainCommand create(String aliasDomain, String target) {
    return new CreateAliasDomainCommand(
        ALIAS_DOMAIN_ID, DomainName.of(aliasDomain), DomainName.of(target));
  }

  private static AliasDomainCreatedEvent created() {
    return new AliasDomainCreatedEvent(ALIAS_DOMAIN_ID, ALIAS_DOMAIN, DOMAIN);
  }

  /** The claim a created alias domain would have, for tests that start from a given history. */
  private void claimed() {
    claims.claimAliasDomain(ALIAS_DOMAIN_ID, ALIAS_DOMAIN, DOMAIN);
  }

  @Test
  void canCreateAliasDomain() {
    fixture
        .givenNoPriorActivity()
        .when(create(ALIAS_DOMAIN, DOMAIN))
        .expectEvents(created())
        .expectResultMessagePayload(ALIAS_DOMAIN_ID);
    assertThat(claims.aliasDomainsOf(DOMAIN_ID)).hasSize(1);
  }

  @Test
  void canCreateAliasDomainOfAnInternationalisedName() {
    fixture
        .givenNoPriorActivity()
        .when(create("bücher.example", DOMAIN))
        .expectEvents(
            new AliasDomainCreatedEvent(ALIAS_DOMAIN_ID, "xn--bcher-kva.example", DOMAIN));
  }

  @Test
  void cannotCreateAliasDomainNamedLikeAHostedDomain() {
    claims.claimDomain(
        "d-other", "other.org", new DomainLimits(Quota.UNLIMITED, Quota.UNLIMITED, 0, 0));
    fixture
        .givenNoPriorActivity()
        .when(create("other.org", DOMAIN))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("domain other.org exists already")
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasDomainNamedLikeAnotherAliasDomain() {
    claims.claimAliasDomain("e-other", ALIAS_DOMAIN, DOMAIN);
    fixture
        .givenNoPriorActivity()
        .when(create(ALIAS_DOMAIN, DOMAIN))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void hostedDomainCannotTakeTheNameOfAnAliasDomain() {
    claimed();
    var domains = new AggregateTestFixture<>(Domain.class);
    domains.registerAnnotatedCommandHandler(
        new DomainCommandHandler(domains.getRepository(), claims));
    domains
        .givenNoPriorActivity()
        .when(
            new org.mailledger.schema.domain.CreateDomainCommand(
                "d0000000-0000-0000-0000-000000000009",
                DomainName.of(ALIAS_DOMAIN),
                "",
                null,
                null,
                0,
                0))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasDomainOfUnknownTarget() {
    fixture
        .givenNoPriorActivity()
        .when(create(ALIAS_DOMAIN, "nowhere.org"))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("no domain nowhere.org")
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasDomainOfAnAliasDomain() {
    claimed();
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateAliasDomainCommand(
                "e0000000-0000-0000-0000-000000000002",
                DomainName.of("example.com"),
                DomainName.of(ALIAS_DOMAIN)))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("is itself an alias domain"))
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasDomainOfItself() {
    fixture
        .givenNoPriorActivity()
        .when(create(DOMAIN, DOMAIN))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("alias domain example.org cannot deliver to itself")
        .expectNoEvents();
  }

  @Test
  void cannotCreateAliasDomainWithAnUnsafeId() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateAliasDomainCommand(
                "../etc", DomainName.of(ALIAS_DOMAIN), DomainName.of(DOMAIN)))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void targetDomainCannotBeDeletedWhileAliasDomainsPointAtIt() {
    claimed();
    var domains = new AggregateTestFixture<>(Domain.class);
    domains.registerAnnotatedCommandHandler(
        new DomainCommandHandler(domains.getRepository(), claims));
    domains
        .given(domainCreated())
        .when(new DeleteDomainCommand(DOMAIN_ID))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage(
            "domain example.org is the target of the alias domain(s) example.net; delete them first")
        .expectNoEvents();
    assertThatThrownBy(() -> claims.releaseDomain(DOMAIN_ID))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> {
              assertThat(e.type()).isEqualTo("domain-not-empty");
              assertThat(e.subjects()).containsExactly(ALIAS_DOMAIN);
            });
  }

  @Test
  void targetDomainCanBeDeletedOnceItsAliasDomainsAreGone() {
    claimed();
    claims.releaseAliasDomain(ALIAS_DOMAIN_ID);
    var domains = new AggregateTestFixture<>(Domain.class);
    domains.registerAnnotatedCommandHandler(
        new DomainCommandHandler(domains.getRepository(), claims));
    domains
        .given(domainCreated())
        .when(new DeleteDomainCommand(DOMAIN_ID))
        .expectEvents(new org.mailledger.schema.domain.DomainDeletedEvent(DOMAIN_ID, DOMAIN));
  }

  @Test
  void canDeactivateAliasDomain() {
    claimed();
    fixture
        .given(created())
        .when(new DeactivateAliasDomainCommand(ALIAS_DOMAIN_ID))
        .expectEvents(new AliasDomainDeactivatedEvent(ALIAS_DOMAIN_ID, ALIAS_DOMAIN, DOMAIN));
    assertThat(claims.aliasDomainByName(ALIAS_DOMAIN).orElseThrow().active()).isFalse();
  }

  @Test
  void deactivatingInactiveAliasDomainChangesNothing() {
    claimed();
    fixture
        .given(created(), new AliasDomainDeactivatedEvent(ALIAS_DOMAIN_ID, ALIAS_DOMAIN, DOMAIN))
        .when(new DeactivateAliasDomainCommand(ALIAS_DOMAIN_ID))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void canActivateAliasDomain() {
    claimed();
    fixture
        .given(created(), new AliasDomainDeactivatedEvent(ALIAS_DOMAIN_ID, ALIAS_DOMAIN, DOMAIN))
        .when(new ActivateAliasDomainCommand(ALIAS_DOMAIN_ID))
        .expectEvents(new AliasDomainActivatedEvent(ALIAS_DOMAIN_ID, ALIAS_DOMAIN, DOMAIN));
  }

  @Test
  void activatingActiveAliasDomainChangesNothing() {
    claimed();
    fixture
        .given(created())
        .when(new ActivateAliasDomainCommand(ALIAS_DOMAIN_ID))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void canDeleteAliasDomain() {
    claimed();
    fixture
        .given(created())
        .when(new DeleteAliasDomainCommand(ALIAS_DOMAIN_ID))
        .expectEvents(new AliasDomainDeletedEvent(ALIAS_DOMAIN_ID, ALIAS_DOMAIN, DOMAIN))
        .expectMarkedDeleted();
    assertThat(claims.aliasDomainByName(ALIAS_DOMAIN)).isEmpty();
  }

  @Test
  void deletedAliasDomainRefusesCommands() {
    fixture
        .given(created(), new AliasDomainDeletedEvent(ALIAS_DOMAIN_ID, ALIAS_DOMAIN, DOMAIN))
        .when(new ActivateAliasDomainCommand(ALIAS_DOMAIN_ID))
        .expectException(AggregateDeletedException.class);
  }

  @Test
  void deletedAliasDomainCannotBeDeletedAgain() {
    fixture
        .given(created(), new AliasDomainDeletedEvent(ALIAS_DOMAIN_ID, ALIAS_DOMAIN, DOMAIN))
        .when(new DeleteAliasDomainCommand(ALIAS_DOMAIN_ID))
        .expectException(AggregateDeletedException.class);
  }
}
