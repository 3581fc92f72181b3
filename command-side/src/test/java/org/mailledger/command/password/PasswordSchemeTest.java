package org.mailledger.command.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordSchemeTest {

  @ParameterizedTest
  @CsvSource({
    "BLF-CRYPT, BLF_CRYPT",
    "blf-crypt, BLF_CRYPT",
    "BLF_CRYPT, BLF_CRYPT",
    "' Blf_Crypt ', BLF_CRYPT",
    "ARGON2ID, ARGON2ID",
    "argon2id, ARGON2ID",
    "SHA512-CRYPT, SHA512_CRYPT",
    "sha512_crypt, SHA512_CRYPT"
  })
  void readsDovecotAndEnumSpellingInAnyCase(String name, PasswordScheme expected) {
    assertThat(PasswordScheme.fromDovecotName(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MD5-CRYPT", "PLAIN", "ARGON2I", "BLFCRYPT", ""})
  void rejectsOtherSchemesAndListsTheAllowedOnes(String name) {
    assertThatThrownBy(() -> PasswordScheme.fromDovecotName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BLF-CRYPT, ARGON2ID, SHA512-CRYPT");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> PasswordScheme.fromDovecotName(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowed");
  }

  @Test
  void dovecotNamesAreTheOnesInsideTheBraces() {
    assertThat(PasswordScheme.BLF_CRYPT.dovecotName()).isEqualTo("BLF-CRYPT");
    assertThat(PasswordScheme.ARGON2ID.dovecotName()).isEqualTo("ARGON2ID");
    assertThat(PasswordScheme.SHA512_CRYPT.dovecotName()).isEqualTo("SHA512-CRYPT");
  }
}
