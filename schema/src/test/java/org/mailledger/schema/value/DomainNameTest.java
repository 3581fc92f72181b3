package org.mailledger.schema.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mailledger.schema.value.Rejections.assertRejected;
import static org.mailledger.schema.value.Rejections.cp;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DomainNameTest {

  private static final String LABEL_63 = "a".repeat(63);

  /** A name of exactly {@code length} characters made of 63-character labels and a short tail. */
  private static String nameOfLength(int length) {
    StringBuilder name = new StringBuilder();
    while (length - name.length() > 64) {
      name.append(LABEL_63).append('.');
    }
    name.append("b".repeat(length - name.length()));
    return name.toString();
  }

  static Stream<Arguments> badDomainNames() {
    return Stream.of(
        arguments("null", null, "must not be empty"),
        arguments("empty", "", "must not be empty"),
        arguments("only a dot", ".", "must not be only a dot"),
        arguments("single label", "localhost", "at least two labels"),
        arguments("single label with trailing dot", "localhost.", "at least two labels"),
        arguments("leading dot", ".example.org", "empty label"),
        arguments("two dots in a row", "example..org", "empty label"),
        arguments("two trailing dots", "example.org..", "empty label"),
        arguments("space inside", "exa mple.org", "whitespace U+0020"),
        arguments("leading space", " example.org", "whitespace U+0020"),
        arguments("trailing space", "example.org ", "whitespace U+0020"),
        arguments("tab", "example.org\t", "whitespace U+0009"),
        arguments("newline", "example.org\n", "whitespace U+000A"),
        arguments("carriage return", "example.org\r", "whitespace U+000D"),
        arguments("NUL", "example\0.org", "control character U+0000"),
        arguments("DEL", "example" + cp(0x7F) + ".org", "control character U+007F"),
        arguments("C1 control", "example" + cp(0x85) + ".org", "U+0085"),
        arguments("no-break space", "exa" + cp(0xA0) + "mple.org", "whitespace U+00A0"),
        arguments("ideographic space", "exa" + cp(0x3000) + "mple.org", "whitespace U+3000"),
        arguments("percent", "exa%mple.org", "must not contain '%' (U+0025)"),
        arguments("underscore", "exa_mple.org", "must not contain '_' (U+005F)"),
        arguments("single quote", "example.org'", "must not contain ''' (U+0027)"),
        arguments("double quote", "\"example.org", "must not contain '\"' (U+0022)"),
        arguments("backtick", "exam`ple.org", "must not contain '`' (U+0060)"),
        arguments("backslash", "example\\.org", "must not contain '\\' (U+005C)"),
        arguments("semicolon", "example.org;drop", "must not contain ';' (U+003B)"),
        arguments("asterisk wildcard", "*.example.org", "must not contain '*' (U+002A)"),
        arguments("at sign", "user@example.org", "must not contain '@' (U+0040)"),
        arguments("slash", "example.org/path", "must not contain '/' (U+002F)"),
        arguments("colon and port", "example.org:25", "must not contain ':' (U+003A)"),
        arguments("IPv6 literal", "[::1]", "must not contain '[' (U+005B)"),
        arguments("IPv4 address", "192.168.0.1", "top-level label must not be all digits"),
        arguments("numeric top-level label", "example.123", "must not be all digits"),
        arguments("leading hyphen", "-example.org", "label 1 must not start with a hyphen"),
        arguments("trailing hyphen", "example-.org", "label 1 must not end with a hyphen"),
        arguments("hyphen ending top-level label", "example.org-", "label 2 must not end"),
        arguments("label of 64", "a".repeat(64) + ".org", "label 1 must be at most 63 characters"),
        arguments("name of 254", nameOfLength(254), "must be at most 253 characters (got 254)"),
        arguments("very long input", "a.".repeat(5000) + "org", "must be at most 253 characters"),
        arguments("soft hyphen", "exa" + cp(0xAD) + "mple.org", "invisible formatting character"),
        arguments("zero-width space", "exa" + cp(0x200B) + "mple.org", "U+200B"),
        arguments("right-to-left override", cp(0x202E) + "gro.elpmaxe", "U+202E"),
        arguments("byte order mark", cp(0xFEFF) + "example.org", "U+FEFF"),
        arguments("private use", cp(0xE000) + ".org", "private-use character U+E000"),
        arguments("unpaired surrogate", "exa" + (char) 0xD800 + ".org", "unpaired surrogate"),
        arguments("emoji unknown to IDNA", cp(0x1F600) + ".org", "label 1 is not a valid"),
        arguments(
            "non-ASCII punctuation",
            "exa" + cp(0x2019) + "mple.org",
            "non-letter character U+2019"),
        arguments("digit full stop", cp(0x2488) + "example.org", "non-letter character U+2488"),
        arguments("full-width at sign", "a" + cp(0xFF20) + "b.org", "U+FF20"),
        arguments("ACE prefix with Unicode", "xn--b" + cp(0xFC) + "cher.org", "label 1 is not"),
        arguments("broken punycode", "xn--zz.org", "label 1 is not valid punycode"),
        arguments("Unicode label too long", cp(0xE4).repeat(60) + ".org", "punycode"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badDomainNames")
  void rejectsInvalidDomainName(String description, String input, String fragment) {
    assertRejected(() -> DomainName.of(input), "domain", fragment);
  }

  @Test
  void rejectsUpperCaseInCanonicalConstructor() {
    assertRejected(() -> new DomainName("Example.org"), "domain", "must be lower case (got 'E'");
  }

  @Test
  void rejectsTrailingDotInCanonicalConstructor() {
    assertRejected(() -> new DomainName("example.org."), "domain", "must not end with a dot");
  }

  @Test
  void rejectsUnicodeInCanonicalConstructor() {
    assertRejected(() -> new DomainName("b" + cp(0xFC) + "cher.org"), "domain", "U+00FC");
  }

  @Test
  void rejectsNullInCanonicalConstructor() {
    assertRejected(() -> new DomainName(null), "domain", "must not be empty");
  }

  @Test
  void storesInternationalNameAsPunycode() {
    assertThat(DomainName.of("B" + cp(0xFC) + "cher.Example").ascii())
        .isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void givesInternationalNameBackInUnicode() {
    assertThat(DomainName.of("B" + cp(0xFC) + "cher.Example").unicode())
        .isEqualTo("b" + cp(0xFC) + "cher.example");
  }

  @Test
  void acceptsPunycodeInputAsIs() {
    assertThat(DomainName.of("xn--bcher-kva.example"))
        .isEqualTo(DomainName.of("b" + cp(0xFC) + "cher.example"));
  }

  @Test
  void treatsIdeographicFullStopAsDot() {
    assertThat(DomainName.of("m" + cp(0xFC) + "nchen" + cp(0x3002) + "de").ascii())
        .isEqualTo("xn--mnchen-3ya.de");
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource({
    "Example.ORG, example.org",
    "example.org., example.org",
    "MAIL.Example.Org., mail.example.org",
    "a-b.c-d.example, a-b.c-d.example",
    "123.example, 123.example",
    "example.xn--p1ai, example.xn--p1ai"
  })
  void normalisesDomainName(String input, String expected) {
    assertThat(DomainName.of(input).ascii()).isEqualTo(expected);
  }

  @Test
  void acceptsLabelOfExactly63Characters() {
    assertThat(DomainName.of(LABEL_63 + ".org").ascii()).hasSize(67);
  }

  @Test
  void acceptsNameOfExactly253Characters() {
    assertThat(DomainName.of(nameOfLength(253)).ascii()).hasSize(253);
  }

  @Test
  void acceptsNameOfExactly253CharactersWithTrailingDot() {
    assertThat(DomainName.of(nameOfLength(253) + ".").ascii()).hasSize(253);
  }

  @Test
  void printsAsciiForm() {
    assertThat(DomainName.of("B" + cp(0xFC) + "cher.Example")).hasToString("xn--bcher-kva.example");
  }
}
