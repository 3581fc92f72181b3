package org.mailledger.ops.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailledger.command.password.PasswordHasher;
import org.mailledger.command.password.PasswordPolicy;
import org.mailledger.command.password.PasswordScheme;
import org.mailledger.schema.value.InvalidValueException;
import org.mailledger.schema.value.Secret;

/**
 * Decides what an imported password value becomes. The command side keeps a value only when it is a
 * well-formed hash of one of its {@link PasswordScheme}s, prefix included, and would hash anything
 * else as a plaintext: so nothing else may ever be sent, or a stored hash of another scheme would
 * silently become the password. Whether a value is such a hash is the command side's own {@link
 * PasswordHasher#isPreHashed} on a {@link Secret}, never a check of our own.
 *
 * <p>Kept: those schemes; bare crypt(3) strings ({@code $2y$}, {@code $2a$}, {@code $2b$}, {@code
 * $6$}, {@code $argon2id$}, as MUM and PostfixAdmin store them for Dovecot's {@code
 * default_pass_scheme}) and {@code {CRYPT}} with such a string, which Dovecot verifies exactly as
 * the named scheme, so only the prefix is added. Everything else (MD5-CRYPT, SSHA512, PLAIN...) is
 * reported by scheme name, never by value.
 */
public final class PasswordHashes {

  private static final Pattern PREFIX =
      Pattern.compile("\\{([A-Za-z0-9.-]{1,32})}(.*)", Pattern.DOTALL);
  private static final PasswordHasher HASHER = new PasswordHasher(PasswordPolicy.defaults());

  private PasswordHashes() {}

  /** The value to send, or why there is none. */
  public record Outcome(String hash, String problem) {

    public boolean kept() {
      return hash != null;
    }

    @Override
    public String toString() {
      return kept() ? "Outcome[kept]" : "Outcome[" + problem + "]";
    }
  }

  public static Outcome classify(String stored) {
    if (stored == null || stored.isBlank()) {
      return refused("has no password");
    }
    String value = stored.strip();
    Matcher prefixed = PREFIX.matcher(value);
    if (prefixed.matches()) {
      String scheme = prefixed.group(1).toUpperCase(Locale.ROOT);
      String body = prefixed.group(2);
      if (scheme.equals("CRYPT")) {
        return bare(body, "CRYPT");
      }
      return PasswordScheme.ofPrefixName(scheme)
          .map(kept -> checked(body, kept))
          .orElseGet(() -> refused(unkept(scheme)));
    }
    return bare(value, null);
  }

  /**
   * Which scheme Dovecot reads a crypt(3) string as, by its {@code $id$}: knowledge of how the
   * source tools store hashes, which the command side never sees (it takes them prefixed only).
   */
  private static Outcome bare(String crypt, String declared) {
    if (crypt.startsWith("$2y$") || crypt.startsWith("$2a$") || crypt.startsWith("$2b$")) {
      return checked(crypt, PasswordScheme.BLF_CRYPT);
    }
    if (crypt.startsWith("$6$")) {
      return checked(crypt, PasswordScheme.SHA512_CRYPT);
    }
    if (crypt.startsWith("$argon2id$")) {
      return checked(crypt, PasswordScheme.ARGON2ID);
    }
    if (crypt.startsWith("$1$")) {
      return refused(unkept("MD5-CRYPT"));
    }
    if (crypt.startsWith("$5$")) {
      return refused(unkept("SHA256-CRYPT"));
    }
    if (crypt.startsWith("$argon2i$")) {
      return refused(unkept("ARGON2I"));
    }
    if (declared != null) {
      return refused(unkept(declared + " (DES or an unknown crypt variant)"));
    }
    // No scheme and no crypt(3) shape: a plaintext, or a hash we cannot name. Never sent, since
    // the command side would take it for a plaintext.
    return refused("has a password value that is no recognisable hash (a plaintext?)");
  }

  /** The body with the scheme's prefix, when the command side would keep it as a hash. */
  private static Outcome checked(String body, PasswordScheme scheme) {
    String candidate = scheme.prefix() + body;
    try {
      if (HASHER.isPreHashed(new Secret(candidate))) {
        return new Outcome(candidate, null);
      }
    } catch (InvalidValueException e) {
      // Not even a Secret (too long, a control character): no hash the command side would keep.
    }
    return refused("has a malformed " + scheme.dovecotName() + " hash");
  }

  private static String unkept(String scheme) {
    List<String> kept =
        Arrays.stream(PasswordScheme.values()).map(PasswordScheme::dovecotName).toList();
    return "has a "
        + scheme
        + " password hash, which Mailledger does not keep (only "
        + String.join(", ", kept.subList(0, kept.size() - 1))
        + " and "
        + kept.get(kept.size() - 1)
        + "); after the import, create the mailbox with a new password";
  }

  private static Outcome refused(String problem) {
    return new Outcome(null, problem);
  }
}
