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

class SecretTest {

  static Stream<Arguments> badSecrets() {
    return Stream.of(
        arguments("null", null, "must not be empty"),
        arguments("empty", "", "must not be empty"),
        arguments("1025 characters", "p".repeat(1025), "must be at most 1024 characters"),
        arguments("newline", "hunter2\n", "must not contain control characters"),
        arguments("tab", "hun\tter2", "must not contain control characters"),
        arguments("NUL", "hunter2\0", "must not contain control characters"),
        arguments("DEL", "hunter2" + cp(0x7F), "must not contain control characters"),
        arguments("C1 control", "hunter2" + cp(0x9B), "must not contain control characters"),
        arguments("unpaired high surrogate", "hunter2" + (char) 0xD83D, "unpaired UTF-16"),
        arguments("unpaired low surrogate", (char) 0xDE00 + "hunter2", "unpaired UTF-16"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badSecrets")
  void rejectsInvalidSecretWithoutRevealingIt(String description, String input, String fragment) {
    InvalidValueException e = assertRejected(() -> Secret.of(input), "password", fragment);
    if (input != null && !input.isEmpty()) {
      assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("ppp");
    }
  }

  @Test
  void hidesValueInToString() {
    assertThat(Secret.of("hunter2").toString()).doesNotContain("hunter2").isEqualTo("Secret[****]");
  }

  @Test
  void acceptsSecretOfExactly1024Characters() {
    assertThat(Secret.of("p".repeat(1024)).value()).hasSize(1024);
  }

  @Test
  void acceptsUnicodeAndSpaces() {
    assertThat(Secret.of("correct horse " + cp(0x1F40E)).value()).endsWith(cp(0x1F40E));
  }

  @Test
  void keepsValueForHashing() {
    assertThat(new Secret("hunter2").value()).isEqualTo("hunter2");
  }
}
