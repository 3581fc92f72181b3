package org.mailledger.command.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.command.admin.AdminTestData.ADMIN_ID;
import static org.mailledger.command.admin.AdminTestData.EXPIRES;
import static org.mailledger.command.admin.AdminTestData.NAME;
import static org.mailledger.command.admin.AdminTestData.SECRET;
import static org.mailledger.command.admin.AdminTestData.TOKEN_ID;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.admin.ApiTokenIssuedEvent;
import org.mailledger.schema.admin.ApiTokenRevokedEvent;
import org.mailledger.schema.admin.IssueApiTokenCommand;
import org.mailledger.schema.admin.RevokeApiTokenCommand;
import org.mailledger.schema.value.InvalidValueException;

class ApiTokenTest {

  private static final String SECRET_HASH = ApiTokenSecrets.hash(SECRET);

  private FixtureConfiguration<ApiToken> fixture;
  private InMemoryAdminClaims adminClaims;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ApiToken.class);
    adminClaims = new InMemoryAdminClaims();
    adminClaims.claimAdmin(ADMIN_ID, NAME, false);
    ApiTokenSecrets fixed =
        new ApiTokenSecrets() {
          @Override
          public String generate() {
            return SECRET;
          }
        };
    fixture.registerAnnotatedCommandHandler(
        new ApiTokenCommandHandler(fixture.getRepository(), adminClaims, fixed));
  }

  private static ApiTokenIssuedEvent issued() {
    return new ApiTokenIssuedEvent(
        TOKEN_ID, ADMIN_ID, NAME, SECRET_HASH, "deploy script", EXPIRES.toString());
  }

  @Test
  void canIssueTokenAnsweringTheSecretAndRecordingOnlyItsHash() {
    fixture
        .givenNoPriorActivity()
        .when(new IssueApiTokenCommand(TOKEN_ID, ADMIN_ID, " deploy script ", EXPIRES))
        .expectEvents(issued())
        .expectResultMessagePayload(SECRET);
    assertThat(SECRET_HASH).hasSize(64).doesNotContain(SECRET);
  }

  @Test
  void cannotIssueTokenToUnknownAdmin() {
    fixture
        .givenNoPriorActivity()
        .when(
            new IssueApiTokenCommand(TOKEN_ID, "e0000000-0000-0000-0000-00000000dead", "", EXPIRES))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotIssueTokenToDisabledAdmin() {
    adminClaims.claimAdmin("e0000000-0000-0000-0000-000000000003", "bob", false);
    adminClaims.setActive("e0000000-0000-0000-0000-000000000003", false);
    fixture
        .givenNoPriorActivity()
        .when(
            new IssueApiTokenCommand(TOKEN_ID, "e0000000-0000-0000-0000-000000000003", "", EXPIRES))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("admin bob is disabled")
        .expectNoEvents();
  }

  @Test
  void cannotIssueTokenWithoutExpiry() {
    fixture
        .givenNoPriorActivity()
        .when(new IssueApiTokenCommand(TOKEN_ID, ADMIN_ID, "", null))
        .expectException(InvalidValueException.class)
        .expectNoEvents();
  }

  @Test
  void cannotIssueTokenWithControlCharacterInDescription() {
    fixture
        .givenNoPriorActivity()
        .when(new IssueApiTokenCommand(TOKEN_ID, ADMIN_ID, "line\nbreak", EXPIRES))
        .expectException(InvalidValueException.class)
        .expectNoEvents();
  }

  @Test
  void canRevokeToken() {
    fixture
        .given(issued())
        .when(new RevokeApiTokenCommand(TOKEN_ID))
        .expectEvents(new ApiTokenRevokedEvent(TOKEN_ID, ADMIN_ID, NAME));
  }

  @Test
  void revokingRevokedTokenChangesNothing() {
    fixture
        .given(issued(), new ApiTokenRevokedEvent(TOKEN_ID, ADMIN_ID, NAME))
        .when(new RevokeApiTokenCommand(TOKEN_ID))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void generatedSecretsArePrefixedUrlSafeAndUnique() {
    ApiTokenSecrets secrets = new ApiTokenSecrets();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String secret = secrets.generate();
      assertThat(secret).startsWith("mlt_").matches("mlt_[A-Za-z0-9_-]{43}");
      assertThat(seen.add(secret)).isTrue();
    }
  }
}
