package org.mailledger.schema.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A password as typed by a person, or a hash handed over by an import. Its {@code toString} never
 * shows the value, so a secret that slips into a log line or an exception shows only a mask. For
 * the same reason no rejection message quotes any part of the value, not even a single character.
 */
public record Secret(String value) {

  public static final int MAX_LENGTH = 1024;

  public Secret {
    if (value == null || value.isEmpty()) {
      throw invalid("must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw invalid("must be at most " + MAX_LENGTH + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw invalid("must not contain control characters (such as tab, newline or NUL)");
    }
    // An unpaired surrogate has no UTF-8 form, so the hash would depend on how it gets replaced.
    if (value.codePoints().anyMatch(cp -> Character.getType(cp) == Character.SURROGATE)) {
      throw invalid("must not contain unpaired UTF-16 surrogates");
    }
  }

  @JsonCreator
  public static Secret of(String value) {
    return new Secret(value);
  }

  /**
   * Read from JSON as a plain string (request bodies carry passwords), but written only as a mask:
   * a command serialized by accident, into a log line, a dead letter or a diagnostic dump, must not
   * carry the plaintext with it.
   */
  @JsonValue
  public String masked() {
    return "****";
  }

  private static InvalidValueException invalid(String reason) {
    return new InvalidValueException("password", reason);
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
