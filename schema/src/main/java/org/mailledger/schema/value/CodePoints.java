package org.mailledger.schema.value;

import java.util.Locale;

/**
 * Describes characters for rejection messages. Messages end up in logs and API responses, so
 * anything beyond printable ASCII is shown only as its code point: a control character or a
 * look-alike letter in the input must not be reflected verbatim.
 */
final class CodePoints {

  private CodePoints() {}

  /** {@code '%' (U+0025)} for printable ASCII, {@code U+00FC} for everything else. */
  static String describe(int codePoint) {
    String code = String.format(Locale.ROOT, "U+%04X", codePoint);
    if (codePoint > 0x20 && codePoint < 0x7F) {
      return "'" + (char) codePoint + "' (" + code + ")";
    }
    return code;
  }

  /**
   * Why a character that is neither a letter, a digit nor otherwise allowed is rejected, phrased to
   * follow "must not contain".
   */
  static String forbidden(int codePoint) {
    return forbidden(codePoint, "non-ASCII character");
  }

  /** As {@link #forbidden(int)}, naming plain non-ASCII characters {@code otherNonAscii}. */
  static String forbidden(int codePoint, String otherNonAscii) {
    if (codePoint == ' ' || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
      return "whitespace " + describe(codePoint);
    }
    if (Character.isISOControl(codePoint)) {
      return "control character " + describe(codePoint);
    }
    if (codePoint > 0x7F) {
      return switch (Character.getType(codePoint)) {
        case Character.FORMAT -> "invisible formatting character " + describe(codePoint);
        case Character.SURROGATE -> "unpaired surrogate " + describe(codePoint);
        case Character.PRIVATE_USE -> "private-use character " + describe(codePoint);
        case Character.UNASSIGNED -> "unassigned code point " + describe(codePoint);
        default -> otherNonAscii + " " + describe(codePoint);
      };
    }
    return describe(codePoint);
  }

  static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7F) {
        return false;
      }
    }
    return true;
  }

  static int firstNonAscii(String text) {
    return text.codePoints().filter(cp -> cp > 0x7F).findFirst().orElse(-1);
  }
}
