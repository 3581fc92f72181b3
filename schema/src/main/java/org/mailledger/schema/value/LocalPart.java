package org.mailledger.schema.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The part of an address before the {@code @}: an RFC 5321 dot-atom of at most 64 characters,
 * lower-cased, limited to characters that cannot break a Postfix or Dovecot query.
 */
public record LocalPart(String value) {

  public static final int MAX_LENGTH = 64;

  /**
   * The atext characters we keep. Quotes, {@code %}, backslash and {@code *} are left out on
   * purpose: they are SQL or LIKE metacharacters in the Postfix and Dovecot lookups, and {@code *}
   * stands for the catch-all.
   */
  private static final String SPECIALS = "!#$&+=?^_{}~-";

  public LocalPart {
    if (value == null || value.isEmpty()) {
      throw invalid("must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw invalid("must be at most " + MAX_LENGTH + " characters (got " + value.length() + ")");
    }
    value.codePoints().forEach(LocalPart::checkCharacter);
    if (value.startsWith(".")) {
      throw invalid("must not start with a dot");
    }
    if (value.endsWith(".")) {
      throw invalid("must not end with a dot");
    }
    if (value.contains("..")) {
      throw invalid("must not contain two dots in a row");
    }
  }

  @JsonCreator
  public static LocalPart of(String input) {
    if (input == null || input.isEmpty()) {
      throw invalid("must not be empty");
    }
    if (input.length() > MAX_LENGTH) {
      throw invalid("must be at most " + MAX_LENGTH + " characters (got " + input.length() + ")");
    }
    // Checked before lower-casing: toLowerCase would fold the Kelvin sign into an ASCII 'k' and
    // let a non-ASCII input slip through as a look-alike.
    int nonAscii = CodePoints.firstNonAscii(input);
    if (nonAscii >= 0) {
      throw invalid("must not contain " + CodePoints.forbidden(nonAscii));
    }
    return new LocalPart(input.toLowerCase(Locale.ROOT));
  }

  private static void checkCharacter(int c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || SPECIALS.indexOf(c) >= 0) {
      return;
    }
    if (c >= 'A' && c <= 'Z') {
      throw invalid(
          "must be lower case (got " + CodePoints.describe(c) + "); LocalPart.of lower-cases");
    }
    if (c == '*') {
      throw invalid(
          "must not contain " + CodePoints.describe(c) + ", which is reserved for the catch-all");
    }
    throw invalid("must not contain " + CodePoints.forbidden(c));
  }

  private static InvalidValueException invalid(String reason) {
    return new InvalidValueException("localPart", reason);
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
