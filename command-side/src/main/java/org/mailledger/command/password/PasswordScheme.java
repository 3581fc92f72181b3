package org.mailledger.command.password;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Dovecot password schemes Mailledger writes and accepts. Only schemes that are salted and slow
 * enough for stored mailbox passwords are here; Dovecot knows many more (MD5-CRYPT, PLAIN, ...)
 * which an import must not be able to smuggle in.
 */
public enum PasswordScheme {
  BLF_CRYPT("BLF-CRYPT"),
  ARGON2ID("ARGON2ID"),
  SHA512_CRYPT("SHA512-CRYPT");

  private final String dovecotName;

  PasswordScheme(String dovecotName) {
    this.dovecotName = dovecotName;
  }

  /** The name as Dovecot spells it, inside the braces of a stored hash. */
  public String dovecotName() {
    return dovecotName;
  }

  /** The {@code {NAME}} prefix Dovecot needs to know how to verify a stored hash. */
  public String prefix() {
    return "{" + dovecotName + "}";
  }

  /**
   * The scheme of a stored hash's prefix, spelt as Dovecot spells it in any case (Dovecot reads the
   * name case-insensitively); empty for every scheme Mailledger does not keep.
   */
  public static Optional<PasswordScheme> ofPrefixName(String name) {
    return Arrays.stream(values()).filter(s -> s.dovecotName.equalsIgnoreCase(name)).findFirst();
  }

  /**
   * Reads a scheme from configuration. Accepts the Dovecot spelling and the enum spelling in any
   * case, because operators copy names from either the Dovecot docs or our own.
   */
  public static PasswordScheme fromDovecotName(String name) {
    if (name != null) {
      String normalized = name.trim().toUpperCase(Locale.ROOT).replace('_', '-');
      for (PasswordScheme scheme : values()) {
        if (scheme.dovecotName.equals(normalized)) {
          return scheme;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown password scheme '"
            + name
            + "', allowed: "
            + Arrays.stream(values())
                .map(PasswordScheme::dovecotName)
                .collect(Collectors.joining(", ")));
  }
}
