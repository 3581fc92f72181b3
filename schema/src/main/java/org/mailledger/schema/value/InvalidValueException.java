package org.mailledger.schema.value;

/**
 * A value that breaks its own rules. The message names the field and what is wrong; it quotes the
 * offending input only in escaped form, and never for secrets.
 */
public class InvalidValueException extends IllegalArgumentException {

  private final String field;
  private final String reason;

  public InvalidValueException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
