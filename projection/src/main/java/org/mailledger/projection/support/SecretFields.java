package org.mailledger.projection.support;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What counts as a secret in an event's fields, for everything that shows events to people (the
 * audit history, {@code ops log}): a field named like one ({@code passwordHash}, {@code tokenHash},
 * {@code secret}...), or a string that looks like a Dovecot or crypt(3) hash wherever it sits, so
 * an event type added later with a differently named secret is still covered.
 */
public final class SecretFields {

  private static final Pattern HASH =
      Pattern.compile(
          "^(\\{[A-Z0-9][A-Z0-9._-]*}|\\$(2[abxy]?|argon2(id|i|d)|[156]|pbkdf2[a-z0-9-]*)\\$)\\S+$");

  private SecretFields() {}

  public static boolean isSecretName(String field) {
    String name = field.toLowerCase(Locale.ROOT);
    return name.contains("password")
        || name.contains("secret")
        || name.endsWith("hash")
        || name.equals("token");
  }

  public static boolean looksLikeHash(String value) {
    return HASH.matcher(value).matches();
  }
}
