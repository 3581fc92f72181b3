package org.mailledger.schema.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.IDN;

/** A domain name in its canonical form: lower case, ASCII, international labels in punycode. */
public record DomainName(String ascii) {

  public DomainName {
    if (ascii == null || ascii.isEmpty()) {
      throw new InvalidValueException("domain", "must not be empty");
    }
    if (ascii.length() > 253) {
      throw new InvalidValueException("domain", "must be at most 253 characters");
    }
    if (!ascii.matches("[a-z0-9.-]+")) {
      throw new InvalidValueException("domain", "must be lower-case ASCII (punycode) letters, digits, hyphens and dots");
    }
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2) {
      throw new InvalidValueException("domain", "must have at least two labels");
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63) {
        throw new InvalidValueException("domain", "each label must be 1 to 63 characters");
      }
      if (label.startsWith("-") || label.endsWith("-")) {
        throw new InvalidValueException("domain", "a label must not start or end with a hyphen");
      }
    }
  }

  @JsonCreator
  public static DomainName of(String input) {
    if (input == null || input.isEmpty()) {
      throw new InvalidValueException("domain", "must not be empty");
    }
    String name = input.endsWith(".") ? input.substring(0, input.length() - 1) : input;
    try {
      return new DomainName(IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      if (e instanceof InvalidValueException invalid) {
        throw invalid;
      }
      throw new InvalidValueException("domain", "is not a valid domain name");
    }
  }

  /** The name as people read it, international labels decoded. */
  public String unicode() {
    return IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES);
  }

  @JsonValue
  @Override
  public String toString() {
    return ascii;
  }
}
