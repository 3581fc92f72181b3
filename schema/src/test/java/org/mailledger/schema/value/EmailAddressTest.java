package org.mailledger.schema.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mailledger.schema.value.Rejections.assertRejected;
import static org.mailledger.schema.value.Rejections.cp;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmailAddressTest {

  /** A 63-character label repeated into a domain of {@code length} characters ending in .org. */
  static String domainOfLength(int length) {
    StringBuilder name = new StringBuilder();
    while (length - name.length() > 64 + 4) {
      name.append("d".repeat(63)).append('.');
    }
    name.append("e".repeat(length - name.length() - 4)).append(".org");
    return name.toString();
  }

  static Stream<Arguments> badAddresses() {
    return Stream.of(
        arguments("null", null, "address", "must not be empty"),
        arguments("empty", "", "address", "must not be empty"),
        arguments("no at sign", "user.example.org", "address", "no '@' (U+0040) found"),
        arguments("only an at sign", "@", "address", "must have a local part before '@'"),
        arguments("missing local part", "@example.org", "address", "must have a local part"),
        arguments("missing domain", "user@", "address", "must have a domain after '@'"),
        arguments("two at signs", "a@b@example.org", "localPart", "'@' (U+0040)"),
        arguments("double at sign", "user@@example.org", "localPart", "'@' (U+0040)"),
        arguments("quoted local part", "\"a b\"@example.org", "localPart", "'\"' (U+0022)"),
        arguments("catch-all star", "*@example.org", "localPart", "reserved for the catch-all"),
        arguments("percent hack", "user%other.org@example.org", "localPart", "'%' (U+0025)"),
        arguments("SQL injection", "x'or'1'='1@example.org", "localPart", "''' (U+0027)"),
        arguments("leading space", " user@example.org", "localPart", "whitespace U+0020"),
        arguments("trailing newline", "user@example.org\n", "domain", "whitespace U+000A"),
        arguments("header injection", "user@example.org\r\nBcc: x", "domain", "U+000D"),
        arguments("IP literal domain", "user@[127.0.0.1]", "domain", "'[' (U+005B)"),
        arguments("IP address domain", "user@127.0.0.1", "domain", "must not be all digits"),
        arguments("single-label domain", "root@localhost", "domain", "at least two labels"),
        arguments("local part of 65", "a".repeat(65) + "@example.org", "localPart", "(got 65)"),
        arguments(
            "address of 255",
            "a".repeat(64) + "@" + domainOfLength(190),
            "address",
            "must be at most 254 characters (got 255)"),
        arguments(
            "Unicode local part", "j" + cp(0xFC) + "rgen@example.org", "localPart", "U+00FC"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badAddresses")
  void rejectsInvalidAddress(String description, String input, String field, String fragment) {
    assertRejected(() -> EmailAddress.parse(input), field, fragment);
  }

  @Test
  void rejectsMissingLocalPartInConstructor() {
    assertRejected(
        () -> new EmailAddress(null, DomainName.of("example.org")),
        "address",
        "needs a local part");
  }

  @Test
  void rejectsMissingDomainInConstructor() {
    assertRejected(() -> new EmailAddress(LocalPart.of("user"), null), "address", "needs a domain");
  }

  @Test
  void splitsOnLastAtSign() {
    EmailAddress address = EmailAddress.parse("User@Example.ORG.");
    assertThat(address.localPart().value()).isEqualTo("user");
  }

  @Test
  void normalisesDomainWhenParsing() {
    assertThat(EmailAddress.parse("User@Example.ORG.").domain().ascii()).isEqualTo("example.org");
  }

  @Test
  void acceptsAddressOfExactly254Characters() {
    String input = "a".repeat(64) + "@" + domainOfLength(189);
    assertThat(EmailAddress.parse(input).toString()).hasSize(254);
  }

  @Test
  void printsInternationalAddressInPunycode() {
    assertThat(EmailAddress.parse("info@B" + cp(0xFC) + "cher.example"))
        .hasToString("info@xn--bcher-kva.example");
  }

  @Test
  void showsInternationalAddressInUnicode() {
    assertThat(EmailAddress.parse("info@xn--bcher-kva.example").unicode())
        .isEqualTo("info@b" + cp(0xFC) + "cher.example");
  }

  @Test
  void convertsToAliasAddress() {
    assertThat(EmailAddress.parse("user@example.org").toAliasAddress())
        .isEqualTo(AliasAddress.parse("user@example.org"));
  }
}
