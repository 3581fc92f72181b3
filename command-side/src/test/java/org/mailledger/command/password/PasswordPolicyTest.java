package org.mailledger.command.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

  @Test
  void defaultsAreBcryptCost10AndOwaspArgon2AndGlibcRounds() {
    assertThat(PasswordPolicy.defaults())
        .isEqualTo(new PasswordPolicy(PasswordScheme.BLF_CRYPT, 10, 19_456, 2, 1, 5_000, 8));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "bcryptCost low,        3,  19456, 2, 1, 5000,       8, bcryptCost",
    "bcryptCost high,       32, 19456, 2, 1, 5000,       8, bcryptCost",
    "argon2 memory < 8*p,   10, 31,    2, 4, 5000,       8, argon2MemoryKib",
    "argon2 memory > 4 GiB, 10, 4194305, 2, 1, 5000,     8, argon2MemoryKib",
    "argon2 iterations 0,   10, 19456, 0, 1, 5000,       8, argon2Iterations",
    "argon2 parallelism 0,  10, 19456, 2, 0, 5000,       8, argon2Parallelism",
    "sha512 rounds low,     10, 19456, 2, 1, 999,        8, sha512Rounds",
    "sha512 rounds high,    10, 19456, 2, 1, 1000000000, 8, sha512Rounds",
    "minLength 0,           10, 19456, 2, 1, 5000,       0, minLength",
    "minLength beyond bcrypt, 10, 19456, 2, 1, 5000,     73, minLength"
  })
  void rejectsOutOfRangeValuesNamingTheField(
      String description,
      int bcryptCost,
      int memory,
      int iterations,
      int parallelism,
      int rounds,
      int minLength,
      String field) {
    assertThatThrownBy(
            () ->
                new PasswordPolicy(
                    PasswordScheme.BLF_CRYPT,
                    bcryptCost,
                    memory,
                    iterations,
                    parallelism,
                    rounds,
                    minLength))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field);
  }

  @Test
  void acceptsTheEdgesOfEachRange() {
    assertThatCode(() -> new PasswordPolicy(PasswordScheme.BLF_CRYPT, 4, 8, 1, 1, 1_000, 1))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                new PasswordPolicy(
                    PasswordScheme.ARGON2ID, 31, 4 * 1024 * 1024, 1_000, 255, 999_999_999, 1024))
        .doesNotThrowAnyException();
  }

  @Test
  void longMinimumIsOnlyRefusedWhereBcryptCannotHashIt() {
    assertThatCode(
            () -> new PasswordPolicy(PasswordScheme.SHA512_CRYPT, 10, 19_456, 2, 1, 5_000, 73))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsMissingScheme() {
    assertThatThrownBy(() -> new PasswordPolicy(null, 10, 19_456, 2, 1, 5_000, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheme");
  }
}
