package org.mailledger.command.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.mailledger.command.admin.AdminTestData.ADMIN_ID;
import static org.mailledger.command.admin.AdminTestData.DOMAIN;
import static org.mailledger.command.admin.AdminTestData.NAME;
import static org.mailledger.command.admin.AdminTestData.OTHER_ADMIN_ID;
import static org.mailledger.command.admin.AdminTestData.OTHER_DOMAIN;
import static org.mailledger.command.admin.AdminTestData.PASSWORD;
import static org.mailledger.command.admin.AdminTestData.createDomainAdmin;
import static org.mailledger.command.admin.AdminTestData.createSuperadmin;
import static org.mailledger.command.admin.AdminTestData.domainAdminCreated;
import static org.mailledger.command.admin.AdminTestData.superadminCreated;

import java.util.List;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailledger.command.InMemoryClaims;
import org.mailledger.command.claim.DomainLimits;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.admin.AdminCreatedEvent;
import org.mailledger.schema.admin.AdminDeletedEvent;
import org.mailledger.schema.admin.AdminDisabledEvent;
import org.mailledger.schema.admin.AdminDomainGrantedEvent;
import org.mailledger.schema.admin.AdminDomainRevokedEvent;
import org.mailledger.schema.admin.AdminEnabledEvent;
import org.mailledger.schema.admin.AdminName;
import org.mailledger.schema.admin.AdminPasswordChangedEvent;
import org.mailledger.schema.admin.AdminRole;
import org.mailledger.schema.admin.ChangeAdminPasswordCommand;
import org.mailledger.schema.admin.CreateAdminCommand;
import org.mailledger.schema.admin.DeleteAdminCommand;
import org.mailledger.schema.admin.DisableAdminCommand;
import org.mailledger.schema.admin.EnableAdminCommand;
import org.mailledger.schema.admin.GrantAdminDomainCommand;
import org.mailledger.schema.admin.RevokeAdminDomainCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.InvalidValueException;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class AdminAccountTest {

  private FixtureConfiguration<AdminAccount> fixture;
  private InMemoryAdminClaims adminClaims;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(AdminAccount.class);
    adminClaims = new InMemoryAdminClaims();
    InMemoryClaims claims = new InMemoryClaims();
    DomainLimits unlimited = new DomainLimits(Quota.UNLIMITED, Quota.UNLIMITED, 0, 0);
    claims.claimDomain("d1", DOMAIN, unlimited);
    claims.claimDomain("d2", OTHER_DOMAIN, unlimited);
    fixture.registerAnnotatedCommandHandler(
        new AdminCommandHandler(
            fixture.getRepository(), adminClaims, claims, new AdminPasswords(4)));
  }

  private static boolean isHashOfPassword(String hash) {
    return hash.startsWith("{bcrypt}$2a$04$")
        && new BCryptPasswordEncoder().matches(PASSWORD, hash.substring("{bcrypt}".length()));
  }

  @Test
  void canCreateDomainAdminWithGrants() {
    fixture
        .givenNoPriorActivity()
        .when(createDomainAdmin(DOMAIN, OTHER_DOMAIN, DOMAIN))
        .expectEventsMatching(
            payloadsMatching(
                exactSequenceOf(
                    matches(
                        (Object e) ->
                            e instanceof AdminCreatedEvent c
                                && c.adminId().equals(ADMIN_ID)
                                && c.name().equals(NAME)
                                && c.role().equals("DOMAIN_ADMIN")
                                && isHashOfPassword(c.passwordHash())),
                    matches(
                        (Object e) ->
                            e instanceof AdminDomainGrantedEvent g && g.domain().equals(DOMAIN)),
                    matches(
                        (Object e) ->
                            e instanceof AdminDomainGrantedEvent g
                                && g.domain().equals(OTHER_DOMAIN)))))
        .expectResultMessagePayload(ADMIN_ID);
    assertThat(adminClaims.adminByName(NAME)).contains(new AdminClaim(ADMIN_ID, NAME, false, true));
  }

  @Test
  void canCreateSuperadmin() {
    fixture
        .givenNoPriorActivity()
        .when(createSuperadmin())
        .expectEventsMatching(
            payloadsMatching(
                exactSequenceOf(
                    matches(
                        (AdminCreatedEvent e) ->
                            e.role().equals("SUPERADMIN") && isHashOfPassword(e.passwordHash())))));
    assertThat(adminClaims.adminById(ADMIN_ID).orElseThrow().superadmin()).isTrue();
  }

  @Test
  void cannotCreateAdminWithPasswordShorterThanTwelve() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateAdminCommand(
                ADMIN_ID,
                AdminName.of(NAME),
                AdminRole.SUPERADMIN,
                new Secret("elevenchars"),
                List.of()))
        .expectException(InvalidValueException.class)
        .expectExceptionMessage("password: must be at least 12 characters for an admin")
        .expectNoEvents();
  }

  @Test
  void cannotCreateAdminWithPasswordLongerThanBcryptReads() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateAdminCommand(
                ADMIN_ID,
                AdminName.of(NAME),
                AdminRole.SUPERADMIN,
                new Secret("x".repeat(73)),
                List.of()))
        .expectException(InvalidValueException.class)
        .expectNoEvents();
  }

  @Test
  void cannotCreateAdminWhoseNameIsTaken() {
    adminClaims.claimAdmin(OTHER_ADMIN_ID, NAME, true);
    fixture
        .givenNoPriorActivity()
        .when(createSuperadmin())
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("admin alice exists already")
        .expectNoEvents();
  }

  @Test
  void cannotCreateSuperadminWithGrants() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateAdminCommand(
                ADMIN_ID,
                AdminName.of(NAME),
                AdminRole.SUPERADMIN,
                new Secret(PASSWORD),
                List.of(DomainName.of(DOMAIN))))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotCreateAdminWithoutRole() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateAdminCommand(
                ADMIN_ID, AdminName.of(NAME), null, new Secret(PASSWORD), List.of()))
        .expectException(InvalidValueException.class)
        .expectNoEvents();
    assertThat(adminClaims.adminByName(NAME)).isEmpty();
  }

  @Test
  void cannotCreateAdminWithGrantOfUnknownDomain() {
    fixture
        .givenNoPriorActivity()
        .when(createDomainAdmin("unknown.example"))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("no domain unknown.example")
        .expectNoEvents();
  }

  @Test
  void cannotCreateAdminWithUnsafeId() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateAdminCommand(
                "../etc", AdminName.of(NAME), AdminRole.SUPERADMIN, new Secret(PASSWORD), null))
        .expectException(InvalidValueException.class)
        .expectNoEvents();
  }

  @Test
  void canChangePassword() {
    fixture
        .given(domainAdminCreated())
        .when(new ChangeAdminPasswordCommand(ADMIN_ID, new Secret(PASSWORD)))
        .expectEventsMatching(
            payloadsMatching(
                exactSequenceOf(
                    matches(
                        (AdminPasswordChangedEvent e) ->
                            e.name().equals(NAME) && isHashOfPassword(e.passwordHash())))));
  }

  @Test
  void cannotChangePasswordToAShortOne() {
    fixture
        .given(domainAdminCreated())
        .when(new ChangeAdminPasswordCommand(ADMIN_ID, new Secret("short")))
        .expectException(InvalidValueException.class)
        .expectNoEvents();
  }

  @Test
  void canGrantDomain() {
    fixture
        .given(domainAdminCreated())
        .when(new GrantAdminDomainCommand(ADMIN_ID, DomainName.of("Example.ORG")))
        .expectEvents(new AdminDomainGrantedEvent(ADMIN_ID, NAME, DOMAIN));
  }

  @Test
  void cannotGrantUnknownDomain() {
    fixture
        .given(domainAdminCreated())
        .when(new GrantAdminDomainCommand(ADMIN_ID, DomainName.of("unknown.example")))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotGrantDomainTwice() {
    fixture
        .given(domainAdminCreated(), new AdminDomainGrantedEvent(ADMIN_ID, NAME, DOMAIN))
        .when(new GrantAdminDomainCommand(ADMIN_ID, DomainName.of(DOMAIN)))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("alice manages example.org already")
        .expectNoEvents();
  }

  @Test
  void cannotGrantDomainToSuperadmin() {
    fixture
        .given(superadminCreated())
        .when(new GrantAdminDomainCommand(ADMIN_ID, DomainName.of(DOMAIN)))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void canRevokeDomain() {
    fixture
        .given(domainAdminCreated(), new AdminDomainGrantedEvent(ADMIN_ID, NAME, DOMAIN))
        .when(new RevokeAdminDomainCommand(ADMIN_ID, DomainName.of(DOMAIN)))
        .expectEvents(new AdminDomainRevokedEvent(ADMIN_ID, NAME, DOMAIN));
  }

  @Test
  void canRevokeDomainThatNoLongerExists() {
    fixture
        .given(domainAdminCreated(), new AdminDomainGrantedEvent(ADMIN_ID, NAME, "gone.example"))
        .when(new RevokeAdminDomainCommand(ADMIN_ID, DomainName.of("gone.example")))
        .expectEvents(new AdminDomainRevokedEvent(ADMIN_ID, NAME, "gone.example"));
  }

  @Test
  void cannotRevokeDomainNotGranted() {
    fixture
        .given(domainAdminCreated(), new AdminDomainGrantedEvent(ADMIN_ID, NAME, DOMAIN))
        .when(new RevokeAdminDomainCommand(ADMIN_ID, DomainName.of(OTHER_DOMAIN)))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("alice does not manage example.net")
        .expectNoEvents();
  }

  @Test
  void canDisableAdmin() {
    adminClaims.claimAdmin(ADMIN_ID, NAME, false);
    fixture
        .given(domainAdminCreated())
        .when(new DisableAdminCommand(ADMIN_ID))
        .expectEvents(new AdminDisabledEvent(ADMIN_ID, NAME));
    assertThat(adminClaims.adminById(ADMIN_ID).orElseThrow().active()).isFalse();
  }

  @Test
  void disablingDisabledAdminChangesNothing() {
    fixture
        .given(domainAdminCreated(), new AdminDisabledEvent(ADMIN_ID, NAME))
        .when(new DisableAdminCommand(ADMIN_ID))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void canEnableAdmin() {
    adminClaims.claimAdmin(ADMIN_ID, NAME, false);
    adminClaims.setActive(ADMIN_ID, false);
    fixture
        .given(domainAdminCreated(), new AdminDisabledEvent(ADMIN_ID, NAME))
        .when(new EnableAdminCommand(ADMIN_ID))
        .expectEvents(new AdminEnabledEvent(ADMIN_ID, NAME));
    assertThat(adminClaims.adminById(ADMIN_ID).orElseThrow().active()).isTrue();
  }

  @Test
  void enablingActiveAdminChangesNothing() {
    fixture
        .given(domainAdminCreated())
        .when(new EnableAdminCommand(ADMIN_ID))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void cannotDisableLastActiveSuperadmin() {
    adminClaims.claimAdmin(ADMIN_ID, NAME, true);
    fixture
        .given(superadminCreated())
        .when(new DisableAdminCommand(ADMIN_ID))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void canDisableSuperadminWhileAnotherIsActive() {
    adminClaims.claimAdmin(ADMIN_ID, NAME, true);
    adminClaims.claimAdmin(OTHER_ADMIN_ID, "bob", true);
    fixture
        .given(superadminCreated())
        .when(new DisableAdminCommand(ADMIN_ID))
        .expectEvents(new AdminDisabledEvent(ADMIN_ID, NAME));
  }

  @Test
  void canDeleteAdminFreeingItsName() {
    adminClaims.claimAdmin(ADMIN_ID, NAME, false);
    fixture
        .given(domainAdminCreated())
        .when(new DeleteAdminCommand(ADMIN_ID))
        .expectEvents(new AdminDeletedEvent(ADMIN_ID, NAME))
        .expectMarkedDeleted();
    assertThat(adminClaims.adminByName(NAME)).isEmpty();
  }

  @Test
  void cannotDeleteLastActiveSuperadmin() {
    adminClaims.claimAdmin(ADMIN_ID, NAME, true);
    adminClaims.claimAdmin(OTHER_ADMIN_ID, "bob", true);
    adminClaims.setActive(OTHER_ADMIN_ID, false);
    fixture
        .given(superadminCreated())
        .when(new DeleteAdminCommand(ADMIN_ID))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotChangeDeletedAdmin() {
    fixture
        .given(domainAdminCreated(), new AdminDeletedEvent(ADMIN_ID, NAME))
        .when(new ChangeAdminPasswordCommand(ADMIN_ID, new Secret(PASSWORD)))
        .expectException(AggregateDeletedException.class);
  }
}
