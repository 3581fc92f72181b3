package org.mailledger.schema.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.IDN;
import java.util.Locale;

/** A domain name in its canonical form: lower case, ASCII, international labels in punycode. */
public record DomainName(String ascii) {

  public static final int MAX_LENGTH = 253;
  public static final int MAX_LABEL_LENGTH = 63;

  public DomainName {
    if (ascii == null || ascii.isEmpty()) {
      throw invalid("must not be empty");
    }
    if (ascii.length() > MAX_LENGTH) {
      throw invalid("must be at most " + MAX_LENGTH + " characters (got " + ascii.length() + ")");
    }
    ascii.codePoints().forEach(DomainName::checkCanonicalCharacter);
    if (ascii.endsWith(".")) {
      throw invalid("must not end with a dot; DomainName.of strips one trailing dot");
    }
    String[] labels = ascii.split("\\.", -1);
    checkNoEmptyLabel(labels);
    if (labels.length < 2) {
      throw invalid("must have at least two labels, such as example.org");
    }
    for (int i = 0; i < labels.length; i++) {
      checkLabel(labels[i], i + 1);
    }
    if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid("top-level label must not be all digits (an IP address is not a domain name)");
    }
  }

  /**
   * Accepts a name as people type it: any case, international labels in Unicode, one trailing dot.
   */
  @JsonCreator
  public static DomainName of(String input) {
    if (input == null || input.isEmpty()) {
      throw invalid("must not be empty");
    }
    // IDNA treats the ideographic and full-width full stops as dots; doing the same up front keeps
    // the label numbers in messages right.
    String name = input.replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.');
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.isEmpty()) {
      throw invalid("must not be only a dot");
    }
    // A punycode label is never shorter than its Unicode form, so this is safe, and it keeps huge
    // inputs away from IDN.
    if (name.length() > MAX_LENGTH) {
      throw invalid("must be at most " + MAX_LENGTH + " characters (got " + name.length() + ")");
    }
    name.codePoints().forEach(DomainName::checkInputCharacter);
    String[] labels = name.split("\\.", -1);
    checkNoEmptyLabel(labels);
    StringBuilder ascii = new StringBuilder(name.length() + 16);
    for (int i = 0; i < labels.length; i++) {
      if (i > 0) {
        ascii.append('.');
      }
      ascii.append(toAsciiLabel(labels[i], i + 1));
    }
    return new DomainName(ascii.toString());
  }

  /** The name as people read it, international labels decoded. */
  public String unicode() {
    return IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES);
  }

  private static String toAsciiLabel(String label, int position) {
    if (CodePoints.isAscii(label)) {
      return label.toLowerCase(Locale.ROOT);
    }
    String converted;
    try {
      converted = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      // The JDK message quotes the offending input, so it is deliberately not passed on.
      throw invalid(
          "label "
              + position
              + " is not a valid international domain name label (IDNA rejects it: a prohibited,"
              + " unassigned or non-letter character, or longer than "
              + MAX_LABEL_LENGTH
              + " characters in punycode)");
    }
    // Some compatibility characters (such as U+2488) decompose into a dot and would split the
    // label.
    if (converted.indexOf('.') >= 0) {
      throw invalid("label " + position + " must not contain a character that maps to a dot");
    }
    return converted.toLowerCase(Locale.ROOT);
  }

  /** Rejects, before IDNA maps anything away, what must never be part of a name. */
  private static void checkInputCharacter(int c) {
    if ((c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.') {
      return;
    }
    if (c > 0x7F && Character.isLetterOrDigit(c)) {
      return;
    }
    if (c > 0x7F
        && (Character.getType(c) == Character.NON_SPACING_MARK
            || Character.getType(c) == Character.COMBINING_SPACING_MARK
            || Character.getType(c) == Character.OTHER_SYMBOL)) {
      // Combining marks and symbols are judged by IDNA itself.
      return;
    }
    throw invalid("must not contain " + CodePoints.forbidden(c, "non-letter character"));
  }

  private static void checkCanonicalCharacter(int c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
      return;
    }
    if (c >= 'A' && c <= 'Z') {
      throw invalid(
          "must be lower case (got " + CodePoints.describe(c) + "); DomainName.of lower-cases");
    }
    throw invalid("must not contain " + CodePoints.forbidden(c));
  }

  private static void checkNoEmptyLabel(String[] labels) {
    for (String label : labels) {
      if (label.isEmpty()) {
        throw invalid("must not contain an empty label (a leading dot or two dots in a row)");
      }
    }
  }

  private static void checkLabel(String label, int position) {
    if (label.length() > MAX_LABEL_LENGTH) {
      throw invalid(
          "label "
              + position
              + " must be at most "
              + MAX_LABEL_LENGTH
              + " characters (got "
              + label.length()
              + ")");
    }
    if (label.startsWith("-")) {
      throw invalid("label " + position + " must not start with a hyphen");
    }
    if (label.endsWith("-")) {
      throw invalid("label " + position + " must not end with a hyphen");
    }
    // IDN.toUnicode hands back its input unchanged when the punycode does not decode and re-encode
    // to the same label, so an unchanged xn-- label is a broken one.
    if (label.startsWith("xn--") && IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES).equals(label)) {
      throw invalid("label " + position + " is not valid punycode");
    }
  }

  private static InvalidValueException invalid(String reason) {
    return new InvalidValueException("domain", reason);
  }

  @JsonValue
  @Override
  public String toString() {
    return ascii;
  }
}
