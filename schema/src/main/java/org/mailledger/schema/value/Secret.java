package org.mailledger.schema.value;

/**
 * A password as typed by a person, or a hash handed over by an import. Its {@code toString} never
 * shows the value, so a secret that slips into a log line or an exception shows only a mask.
 */
public record Secret(String value) {

  public static final int MAX_LENGTH = 1024;

  public Secret {
    if (value == null || value.isEmpty()) {
      throw new InvalidValueException("password", "must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException("password", "must be at most " + MAX_LENGTH + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidValueException("password", "must not contain control characters");
    }
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
