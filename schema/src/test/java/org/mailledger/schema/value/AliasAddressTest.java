package org.mailledger.schema.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mailledger.schema.value.Rejections.assertRejected;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AliasAddressTest {

  private static final DomainName EXAMPLE = DomainName.of("example.org");

  static Stream<Arguments> badAliasAddresses() {
    return Stream.of(
        arguments("null", null, "address", "must not be empty"),
        arguments("empty", "", "address", "must not be empty"),
        arguments("no at sign", "example.org", "address", "no '@' (U+0040) found"),
        arguments("only an at sign", "@", "address", "must have a domain after '@'"),
        arguments("missing domain", "user@", "address", "must have a domain after '@'"),
        arguments("double star", "**@example.org", "localPart", "reserved for the catch-all"),
        arguments("star prefix", "user*@example.org", "localPart", "'*' (U+002A)"),
        arguments("star as domain", "@*", "domain", "'*' (U+002A)"),
        arguments("percent wildcard", "%@example.org", "localPart", "'%' (U+0025)"),
        arguments("two at signs", "a@@example.org", "localPart", "'@' (U+0040)"),
        arguments("space as local part", " @example.org", "localPart", "whitespace U+0020"),
        arguments("domain with underscore", "@exa_mple.org", "domain", "'_' (U+005F)"),
        arguments("single-label domain", "@localhost", "domain", "at least two labels"),
        arguments(
            "address of 255",
            "a".repeat(64) + "@" + EmailAddressTest.domainOfLength(190),
            "address",
            "(got 255)"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badAliasAddresses")
  void rejectsInvalidAliasAddress(String description, String input, String field, String fragment) {
    assertRejected(() -> AliasAddress.parse(input), field, fragment);
  }

  @Test
  void rejectsCatchAllWithoutDomain() {
    assertRejected(() -> AliasAddress.catchAll(null), "address", "needs a domain");
  }

  @Test
  void rejectsLocalPartWithoutDomain() {
    assertRejected(() -> AliasAddress.of("user", null), "address", "needs a domain");
  }

  @Test
  void rejectsOverlongAddressInConstructor() {
    LocalPart local = LocalPart.of("a".repeat(64));
    DomainName domain = DomainName.of(EmailAddressTest.domainOfLength(190));
    assertRejected(() -> new AliasAddress(local, domain), "address", "(got 255)");
  }

  @Test
  void parsesBareDomainAsCatchAll() {
    assertThat(AliasAddress.parse("@example.org").isCatchAll()).isTrue();
  }

  @Test
  void parsesStarAsCatchAll() {
    assertThat(AliasAddress.parse("*@Example.org")).isEqualTo(AliasAddress.catchAll(EXAMPLE));
  }

  @Test
  void printsCatchAllAsPostfixLooksItUp() {
    assertThat(AliasAddress.parse("*@example.org")).hasToString("@example.org");
  }

  @Test
  void treatsEmptyLocalPartAsCatchAll() {
    assertThat(AliasAddress.of("", EXAMPLE).isCatchAll()).isTrue();
  }

  @Test
  void treatsNullLocalPartAsCatchAll() {
    assertThat(AliasAddress.of(null, EXAMPLE).isCatchAll()).isTrue();
  }

  @Test
  void catchAllHasNoEmailAddress() {
    assertThat(AliasAddress.catchAll(EXAMPLE).asEmailAddress()).isEmpty();
  }

  @Test
  void plainAliasHasEmailAddress() {
    assertThat(AliasAddress.parse("Info@Example.org").asEmailAddress())
        .contains(EmailAddress.parse("info@example.org"));
  }

  @Test
  void plainAliasIsNotCatchAll() {
    assertThat(AliasAddress.parse("info@example.org").isCatchAll()).isFalse();
  }
}
