package org.mailledger.command.tls;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.tls.RemoveTlsPolicyCommand;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.tls.TlsPolicyRemovedEvent;
import org.mailledger.schema.tls.TlsPolicySetEvent;
import org.mailledger.schema.value.DomainName;

class TlsPolicyTest {

  private static final String DEST = "partner.example";
  private static final DomainName DESTINATION = DomainName.of(DEST);

  private FixtureConfiguration<TlsPolicy> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(TlsPolicy.class);
  }

  private static SetTlsPolicyCommand set(String policy, String params) {
    return new SetTlsPolicyCommand(DESTINATION, TlsPolicyLevel.of(policy), params, null);
  }

  @ParameterizedTest
  @CsvSource({"none,", "may,", "encrypt,", "dane,", "dane-only,", "verify,", "secure,"})
  void canSetEveryLevel(String policy, String params) {
    fixture
        .givenNoPriorActivity()
        .when(set(policy, params))
        .expectEvents(new TlsPolicySetEvent(DEST, policy, "", ""));
  }

  @Test
  void canSetFingerprintWithMatch() {
    String match = "match=3D:95:34:51:24:66:33:B9:D2:40:99:C0:C1:17:0B:D1";
    fixture
        .givenNoPriorActivity()
        .when(set("fingerprint", match))
        .expectEvents(new TlsPolicySetEvent(DEST, "fingerprint", match, ""));
  }

  @Test
  void canSetSecureWithMatchAndProtocols() {
    fixture
        .givenNoPriorActivity()
        .when(set("secure", "match=.partner.example  protocols=>=TLSv1.2"))
        .expectEvents(
            new TlsPolicySetEvent(
                DEST, "secure", "match=.partner.example protocols=>=TLSv1.2", ""));
  }

  @Test
  void cannotSetFingerprintWithoutMatch() {
    fixture
        .givenNoPriorActivity()
        .when(set("fingerprint", ""))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotGiveMatchToEncrypt() {
    fixture
        .givenNoPriorActivity()
        .when(set("encrypt", "match=partner.example"))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("match= applies only to the fingerprint, verify and secure levels");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "match='x'",
        "match=%s",
        "tafile=/etc/passwd",
        "match",
        "ciphers=high;drop",
        "protocols=\"x\""
      })
  void cannotSetUnsafeOrUnknownParams(String params) {
    fixture
        .givenNoPriorActivity()
        .when(set("secure", params))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void canChangePolicy() {
    fixture
        .given(new TlsPolicySetEvent(DEST, "may", "", ""))
        .when(set("encrypt", null))
        .expectEvents(new TlsPolicySetEvent(DEST, "encrypt", "", ""));
  }

  @Test
  void settingSamePolicyChangesNothing() {
    fixture
        .given(new TlsPolicySetEvent(DEST, "may", "", ""))
        .when(set("may", ""))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void canRemovePolicy() {
    fixture
        .given(new TlsPolicySetEvent(DEST, "may", "", ""))
        .when(new RemoveTlsPolicyCommand(DESTINATION))
        .expectEvents(new TlsPolicyRemovedEvent(DEST));
  }

  @Test
  void canSetPolicyAgainAfterRemoval() {
    fixture
        .given(new TlsPolicySetEvent(DEST, "may", "", ""), new TlsPolicyRemovedEvent(DEST))
        .when(set("may", null))
        .expectEvents(new TlsPolicySetEvent(DEST, "may", "", ""));
  }

  @Test
  void cannotRemoveRemovedPolicy() {
    fixture
        .given(new TlsPolicySetEvent(DEST, "may", "", ""), new TlsPolicyRemovedEvent(DEST))
        .when(new RemoveTlsPolicyCommand(DESTINATION))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotRemovePolicyNeverSet() {
    fixture
        .givenNoPriorActivity()
        .when(new RemoveTlsPolicyCommand(DESTINATION))
        .expectException(AggregateNotFoundException.class);
  }
}
