package org.mailledger.schema.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A mail address: a local part at a domain. */
public record EmailAddress(LocalPart localPart, DomainName domain) {

  /** RFC 5321 path limit of 256 octets, less the angle brackets. */
  public static final int MAX_LENGTH = 254;

  public EmailAddress {
    if (localPart == null) {
      throw new InvalidValueException("address", "needs a local part");
    }
    if (domain == null) {
      throw new InvalidValueException("address", "needs a domain");
    }
    checkLength(localPart, domain);
  }

  /** Splits on the last {@code @}, so a stray {@code @} lands in the local part and is rejected. */
  @JsonCreator
  public static EmailAddress parse(String input) {
    if (input == null || input.isEmpty()) {
      throw new InvalidValueException("address", "must not be empty");
    }
    int at = input.lastIndexOf('@');
    if (at < 0) {
      throw new InvalidValueException(
          "address", "must have the form local-part@domain (no '@' (U+0040) found)");
    }
    if (at == 0) {
      throw new InvalidValueException("address", "must have a local part before '@'");
    }
    if (at == input.length() - 1) {
      throw new InvalidValueException("address", "must have a domain after '@'");
    }
    return new EmailAddress(
        LocalPart.of(input.substring(0, at)), DomainName.of(input.substring(at + 1)));
  }

  static void checkLength(LocalPart localPart, DomainName domain) {
    int length = localPart.value().length() + 1 + domain.ascii().length();
    if (length > MAX_LENGTH) {
      throw new InvalidValueException(
          "address", "must be at most " + MAX_LENGTH + " characters (got " + length + ")");
    }
  }

  /** The address with its domain in Unicode, as people read it. */
  public String unicode() {
    return localPart + "@" + domain.unicode();
  }

  @JsonValue
  @Override
  public String toString() {
    return localPart + "@" + domain;
  }

  public AliasAddress toAliasAddress() {
    return new AliasAddress(localPart, domain);
  }
}
