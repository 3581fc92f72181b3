package org.mailledger.schema.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The address an alias answers for: a local part at a domain, or the whole domain (the catch-all,
 * written {@code @domain} as Postfix looks it up).
 */
public record AliasAddress(LocalPart localPart, DomainName domain) {

  public AliasAddress {
    if (domain == null) {
      throw new InvalidValueException("address", "needs a domain");
    }
    if (localPart != null) {
      EmailAddress.checkLength(localPart, domain);
    }
  }

  public static AliasAddress catchAll(DomainName domain) {
    return new AliasAddress(null, domain);
  }

  /** A local part of {@code *} or empty stands for the catch-all. */
  public static AliasAddress of(String localPart, DomainName domain) {
    if (localPart == null || localPart.isEmpty() || localPart.equals("*")) {
      return catchAll(domain);
    }
    return new AliasAddress(LocalPart.of(localPart), domain);
  }

  /** Splits on the last {@code @}; {@code @domain} and {@code *@domain} are the catch-all. */
  @JsonCreator
  public static AliasAddress parse(String input) {
    if (input == null || input.isEmpty()) {
      throw new InvalidValueException("address", "must not be empty");
    }
    int at = input.lastIndexOf('@');
    if (at < 0) {
      throw new InvalidValueException(
          "address", "must have the form local-part@domain or @domain (no '@' (U+0040) found)");
    }
    if (at == input.length() - 1) {
      throw new InvalidValueException("address", "must have a domain after '@'");
    }
    return of(input.substring(0, at), DomainName.of(input.substring(at + 1)));
  }

  public boolean isCatchAll() {
    return localPart == null;
  }

  public Optional<EmailAddress> asEmailAddress() {
    return isCatchAll() ? Optional.empty() : Optional.of(new EmailAddress(localPart, domain));
  }

  @JsonValue
  @Override
  public String toString() {
    return (isCatchAll() ? "" : localPart.value()) + "@" + domain;
  }
}
