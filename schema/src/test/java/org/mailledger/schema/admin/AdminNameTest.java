package org.mailledger.schema.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailledger.schema.value.InvalidValueException;

class AdminNameTest {

  @Test
  void lowerCasesWhatPeopleType() {
    assertThat(AdminName.of("Alice.Admin@Example.org").value())
        .isEqualTo("alice.admin@example.org");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-alice", "al:ice", "alice/token:1", "al ice", "al%ice", "älice"})
  void refusesNamesThatCouldBreakBasicActorsOrPaths(String name) {
    assertThatThrownBy(() -> AdminName.of(name)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesOverlongNames() {
    assertThatThrownBy(() -> AdminName.of("a".repeat(65)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("name: must be at most 64 characters (got 65)");
  }

  @Test
  void neverEchoesTheOffendingCharacter() {
    assertThatThrownBy(() -> AdminName.of("al\u0000ice")).hasMessageContaining("U+0000");
  }
}
