package org.mailledger.schema.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A mail address: a local part at a domain. */
public record EmailAddress(LocalPart localPart, DomainName domain) {

  public EmailAddress {
    if (localPart == null || domain == null) {
      throw new InvalidValueException("address", "needs a local part and a domain");
    }
    if (localPart.value().length() + 1 + domain.ascii().length() > 254) {
      throw new InvalidValueException("address", "must be at most 254 characters");
    }
  }

  @JsonCreator
  public static EmailAddress parse(String input) {
    if (input == null || input.isEmpty()) {
      throw new InvalidValueException("address", "must not be empty");
    }
    int at = input.lastIndexOf('@');
    if (at <= 0 || at == input.length() - 1) {
      throw new InvalidValueException("address", "must have the form local-part@domain");
    }
    return new EmailAddress(LocalPart.of(input.substring(0, at)), DomainName.of(input.substring(at + 1)));
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
