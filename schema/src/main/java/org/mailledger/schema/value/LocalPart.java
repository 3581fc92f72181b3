package org.mailledger.schema.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The part of an address before the {@code @}: an RFC 5321 dot-atom of at most 64 characters,
 * lower-cased, limited to characters that cannot break a Postfix or Dovecot query.
 */
public record LocalPart(String value) {

  public LocalPart {
    if (value == null || value.isEmpty()) {
      throw new InvalidValueException("localPart", "must not be empty");
    }
    if (value.length() > 64) {
      throw new InvalidValueException("localPart", "must be at most 64 characters");
    }
    if (!value.matches("[a-z0-9!#$&+=?^_{}~-]+(\\.[a-z0-9!#$&+=?^_{}~-]+)*")) {
      throw new InvalidValueException("localPart", "must be a dot-atom of letters, digits and !#$&+=?^_{}~- ");
    }
  }

  @JsonCreator
  public static LocalPart of(String input) {
    if (input == null) {
      throw new InvalidValueException("localPart", "must not be empty");
    }
    return new LocalPart(input.toLowerCase(Locale.ROOT));
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
