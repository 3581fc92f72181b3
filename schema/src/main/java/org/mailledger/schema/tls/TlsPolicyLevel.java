package org.mailledger.schema.tls;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mailledger.schema.value.InvalidValueException;

/** The security levels of Postfix's smtp_tls_policy_maps, by their Postfix names. */
public enum TlsPolicyLevel {
  NONE("none"),
  MAY("may"),
  ENCRYPT("encrypt"),
  DANE("dane"),
  DANE_ONLY("dane-only"),
  FINGERPRINT("fingerprint"),
  VERIFY("verify"),
  SECURE("secure");

  private final String postfixName;

  TlsPolicyLevel(String postfixName) {
    this.postfixName = postfixName;
  }

  @JsonValue
  public String postfixName() {
    return postfixName;
  }

  @JsonCreator
  public static TlsPolicyLevel of(String name) {
    if (name != null) {
      String wanted = name.toLowerCase(Locale.ROOT);
      for (TlsPolicyLevel level : values()) {
        if (level.postfixName.equals(wanted)) {
          return level;
        }
      }
    }
    throw new InvalidValueException(
        "policy",
        "must be one of "
            + Arrays.stream(values())
                .map(TlsPolicyLevel::postfixName)
                .collect(Collectors.joining(", ")));
  }

  /** Levels that check the peer's certificate against something, and so may carry a match list. */
  public boolean takesMatch() {
    return this == FINGERPRINT || this == VERIFY || this == SECURE;
  }
}
