package org.mailledger.schema.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.mailledger.schema.value.InvalidValueException;

/**
 * The login name of an admin account, lower case. It becomes the HTTP Basic user name (which cannot
 * hold a colon), part of the actor string {@code <admin>/token:<id>} in event metadata (so no
 * slash) and a path segment of the REST API; an e-mail address fits.
 */
public record AdminName(String value) {

  public static final int MAX_LENGTH = 64;

  public AdminName {
    if (value == null || value.isEmpty()) {
      throw invalid("must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw invalid("must be at most " + MAX_LENGTH + " characters (got " + value.length() + ")");
    }
    value.codePoints().forEach(AdminName::check);
    if (!Character.isLetterOrDigit(value.charAt(0))) {
      throw invalid("must start with a letter or digit");
    }
  }

  /** Accepts any case; names are compared in lower case. */
  @JsonCreator
  public static AdminName of(String input) {
    if (input == null) {
      throw invalid("must not be empty");
    }
    return new AdminName(input.toLowerCase(Locale.ROOT));
  }

  private static void check(int c) {
    if ((c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-'
        || c == '@') {
      return;
    }
    // Only the code point is echoed, so a control character or look-alike is never reflected.
    throw invalid(
        "must contain only a-z, 0-9 and . _ - @ (got "
            + String.format(Locale.ROOT, "U+%04X", c)
            + ")");
  }

  private static InvalidValueException invalid(String reason) {
    return new InvalidValueException("name", reason);
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
