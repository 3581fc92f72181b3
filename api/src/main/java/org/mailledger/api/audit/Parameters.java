package org.mailledger.api.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.InvalidValueException;

/**
 * Query and path parameters of the audit and point-in-time endpoints, checked here so that a bad
 * one is a 400 naming the parameter ({@link InvalidValueException}), never a 500. Addresses and
 * domains go through the schema's own types, which is how the history stores them: lower-case,
 * domains in punycode.
 */
final class Parameters {

  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,99}");

  private Parameters() {}

  /** An address ({@code local@domain}, {@code @domain} for a catch-all) or a domain. */
  static String entity(String name, String value) {
    String text = required(name, value);
    return text.indexOf('@') >= 0 ? AliasAddress.parse(text).toString() : domain(name, text);
  }

  static String domain(String name, String value) {
    return DomainName.of(required(name, value)).ascii();
  }

  static String mailbox(String name, String value) {
    return EmailAddress.parse(required(name, value)).toString();
  }

  static String alias(String name, String value) {
    return AliasAddress.parse(required(name, value)).toString();
  }

  static String type(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!EVENT_TYPE.matcher(value).matches()) {
      throw new InvalidValueException(
          "type", "must be a short event type such as MailboxCreated (letters and digits)");
    }
    return value;
  }

  static String actor(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > 255) {
      throw new InvalidValueException("actor", "must be at most 255 characters");
    }
    return value;
  }

  /** An ISO-8601 instant: {@code 2026-11-01T10:00:00Z}, or with an offset. */
  static Instant instant(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(
          name, "must be an ISO-8601 instant such as 2026-11-01T10:00:00Z");
    }
  }

  static int integer(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidValueException(name, "must be a whole number");
    }
    if (number < min || number > max) {
      throw new InvalidValueException(name, "must be between " + min + " and " + max);
    }
    return number;
  }

  private static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(name, "must not be empty");
    }
    return value.trim();
  }
}
