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

class LocalPartTest {

  static Stream<Arguments> badLocalParts() {
    return Stream.of(
        arguments("null", null, "must not be empty"),
        arguments("empty", "", "must not be empty"),
        arguments("65 characters", "a".repeat(65), "must be at most 64 characters (got 65)"),
        arguments("leading dot", ".user", "must not start with a dot"),
        arguments("trailing dot", "user.", "must not end with a dot"),
        arguments("only a dot", ".", "must not start with a dot"),
        arguments("two dots in a row", "first..last", "must not contain two dots in a row"),
        arguments("percent", "user%other", "must not contain '%' (U+0025)"),
        arguments("single quote", "o'brien", "must not contain ''' (U+0027)"),
        arguments("double quote", "\"user\"", "must not contain '\"' (U+0022)"),
        arguments("backtick", "user`id`", "must not contain '`' (U+0060)"),
        arguments("backslash", "user\\name", "must not contain '\\' (U+005C)"),
        arguments("asterisk", "user*", "reserved for the catch-all"),
        arguments("lone asterisk", "*", "must not contain '*' (U+002A)"),
        arguments("slash", "user/name", "must not contain '/' (U+002F)"),
        arguments("pipe", "user|name", "must not contain '|' (U+007C)"),
        arguments("at sign", "user@host", "must not contain '@' (U+0040)"),
        arguments("space", "first last", "must not contain whitespace U+0020"),
        arguments("tab", "user\t", "must not contain whitespace U+0009"),
        arguments("newline", "user\nbcc", "must not contain whitespace U+000A"),
        arguments("carriage return", "user\r", "must not contain whitespace U+000D"),
        arguments("NUL", "user\0", "must not contain control character U+0000"),
        arguments("escape", "user" + cp(0x1B), "must not contain control character U+001B"),
        arguments("DEL", "user" + cp(0x7F), "must not contain control character U+007F"),
        arguments("semicolon", "user;drop", "must not contain ';' (U+003B)"),
        arguments("comma", "a,b", "must not contain ',' (U+002C)"),
        arguments("parenthesis comment", "user(comment)", "must not contain '(' (U+0028)"),
        arguments("angle bracket", "<user>", "must not contain '<' (U+003C)"),
        arguments("colon", "user:pass", "must not contain ':' (U+003A)"),
        arguments("umlaut", "j" + cp(0xFC) + "rgen", "must not contain non-ASCII character U+00FC"),
        arguments("Kelvin sign", cp(0x212A) + "evin", "non-ASCII character U+212A"),
        arguments("Cyrillic a look-alike", cp(0x0430) + "dmin", "U+0430"),
        arguments("emoji", "user" + cp(0x1F600), "U+1F600"),
        arguments("no-break space", "user" + cp(0xA0), "whitespace U+00A0"),
        arguments("zero-width space", "us" + cp(0x200B) + "er", "U+200B"),
        arguments("full-width percent", "user" + cp(0xFF05), "U+FF05"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badLocalParts")
  void rejectsInvalidLocalPart(String description, String input, String fragment) {
    assertRejected(() -> LocalPart.of(input), "localPart", fragment);
  }

  @Test
  void rejectsUpperCaseInCanonicalConstructor() {
    assertRejected(() -> new LocalPart("User"), "localPart", "must be lower case (got 'U'");
  }

  @Test
  void rejectsNullInCanonicalConstructor() {
    assertRejected(() -> new LocalPart(null), "localPart", "must not be empty");
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource({
    "User, user",
    "First.Last, first.last",
    "a, a",
    "user+tag, user+tag",
    "'!#$&+=?^_{}~-', '!#$&+=?^_{}~-'",
    "0123, 0123"
  })
  void lowerCasesAndAcceptsLocalPart(String input, String expected) {
    assertThat(LocalPart.of(input).value()).isEqualTo(expected);
  }

  @Test
  void acceptsLocalPartOfExactly64Characters() {
    assertThat(LocalPart.of("a".repeat(64)).value()).hasSize(64);
  }

  @Test
  void printsValue() {
    assertThat(LocalPart.of("First.Last")).hasToString("first.last");
  }
}
