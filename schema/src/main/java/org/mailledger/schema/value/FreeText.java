package org.mailledger.schema.value;

/**
 * Descriptions and display names: free text, but one line, bounded, and without control characters,
 * since it ends up in tables that other programs read.
 */
public final class FreeText {

  /** The longest description or display name, in Java chars (so never more code points). */
  public static final int MAX_LENGTH = 255;

  private FreeText() {}

  /** A description of a domain, alias, TLS policy or API token. */
  public static String description(String value) {
    return of("description", value, MAX_LENGTH);
  }

  /** The display name of a mailbox. */
  public static String name(String value) {
    return of("name", value, MAX_LENGTH);
  }

  /** The trimmed text, empty for null; rejects control characters and text over {@code max}. */
  public static String of(String field, String value, int max) {
    if (value == null) {
      return "";
    }
    String text = value.strip();
    if (text.length() > max) {
      throw new InvalidValueException(
          field, "must be at most " + max + " characters (got " + text.length() + ")");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        throw new InvalidValueException(
            field, String.format("must not contain control character U+%04X", (int) c));
      }
    }
    return text;
  }
}
