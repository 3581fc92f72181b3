package org.mailledger.command.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.Crypt;
import org.mailledger.schema.value.InvalidValueException;
import org.mailledger.schema.value.Secret;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion;

/**
 * Turns a mailbox password into the string Dovecot stores in its passdb, e.g. {@code
 * {BLF-CRYPT}$2y$10$...}. The plaintext lives only inside this class for the duration of a call: no
 * message, exception or {@code toString} built here contains it.
 *
 * <p>Thread-safe; meant to be a singleton.
 */
public final class PasswordHasher {

  // The prefix is matched case-insensitively because Dovecot does so too; an imported
  // "{blf-crypt}..." hash is valid for Dovecot and must not be hashed a second time.
  private static final Pattern BLF_CRYPT =
      Pattern.compile(
          "(?i:\\{BLF-CRYPT})\\$2[aby]\\$(?:0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

  // Salt and hash are unpadded standard Base64, as written by libsodium and Spring Security; the
  // minimum lengths are an 8-byte salt and a 16-byte hash.
  private static final Pattern ARGON2ID =
      Pattern.compile(
          "(?i:\\{ARGON2ID})\\$argon2id\\$v=19\\$m=[1-9][0-9]{0,8},t=[1-9][0-9]{0,8},p=[1-9][0-9]{0,7}"
              + "\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{22,})");

  // Rounds outside 1000..999999999 are clamped by crypt(3), so such a hash would never verify
  // against its own rounds value; the salt alphabet is what commons-codec can verify.
  private static final Pattern SHA512_CRYPT =
      Pattern.compile(
          "(?i:\\{SHA512-CRYPT})\\$6\\$(?:rounds=[1-9][0-9]{3,8}\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{86}");

  private static final String CRYPT_SALT_ALPHABET =
      "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  // Sha2Crypt.sha512Crypt(bytes) would pick only 8 salt characters; crypt(3) allows 16.
  private static final int SHA512_SALT_LENGTH = 16;

  private static final int SHA512_DEFAULT_ROUNDS = 5_000;

  private final PasswordPolicy policy;
  private final SecureRandom random;
  private final BCryptPasswordEncoder bcrypt;
  private final Argon2PasswordEncoder argon2;

  public PasswordHasher(PasswordPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.random = new SecureRandom();
    this.bcrypt = new BCryptPasswordEncoder(BCryptVersion.$2Y, policy.bcryptCost(), random);
    // 16-byte salt and 32-byte hash are what Dovecot's own ARGON2ID writes.
    this.argon2 =
        new Argon2PasswordEncoder(
            16,
            32,
            policy.argon2Parallelism(),
            policy.argon2MemoryKib(),
            policy.argon2Iterations());
  }

  public PasswordPolicy policy() {
    return policy;
  }

  /**
   * Returns the Dovecot passdb value for {@code password}. A value that already is a well-formed
   * hash of a supported scheme, prefix included, is returned unchanged so that imports keep
   * existing passwords; anything else is treated as plaintext, checked against the policy and
   * hashed with the configured scheme.
   *
   * @throws InvalidValueException if the plaintext breaks the policy
   */
  public String hash(Secret password) {
    Objects.requireNonNull(password, "password");
    if (isPreHashed(password)) {
      return password.value();
    }
    String plain = password.value();
    if (plain.codePointCount(0, plain.length()) < policy.minLength()) {
      throw new InvalidValueException(
          "password", "must be at least " + policy.minLength() + " characters");
    }
    PasswordScheme scheme = policy.scheme();
    return scheme.prefix()
        + switch (scheme) {
          case BLF_CRYPT -> hashBcrypt(plain);
          case ARGON2ID -> argon2.encode(plain);
          case SHA512_CRYPT -> hashSha512Crypt(plain);
        };
  }

  /** Whether {@code password} is a stored hash of a supported scheme rather than a plaintext. */
  public boolean isPreHashed(Secret password) {
    Objects.requireNonNull(password, "password");
    return detect(password.value()) != null;
  }

  /**
   * Verifies {@code plain} against a stored hash of any supported scheme, whichever scheme is
   * configured for new passwords. A stored value that is not a well-formed hash never matches.
   */
  public boolean matches(Secret plain, String storedHash) {
    Objects.requireNonNull(plain, "plain");
    PasswordScheme scheme = detect(storedHash);
    if (scheme == null) {
      return false;
    }
    String encoded = storedHash.substring(scheme.prefix().length());
    return switch (scheme) {
      case BLF_CRYPT -> matchesBcrypt(plain.value(), encoded);
      case ARGON2ID -> argon2.matches(plain.value(), encoded);
      case SHA512_CRYPT -> matchesSha512Crypt(plain.value(), encoded);
    };
  }

  /**
   * The scheme of a stored hash.
   *
   * @throws IllegalArgumentException if {@code storedHash} is not a well-formed hash of a supported
   *     scheme; the message does not repeat the value, which might be a plaintext
   */
  public PasswordScheme schemeOf(String storedHash) {
    PasswordScheme scheme = detect(storedHash);
    if (scheme == null) {
      throw new IllegalArgumentException(
          "not a well-formed BLF-CRYPT, ARGON2ID or SHA512-CRYPT password hash");
    }
    return scheme;
  }

  @Override
  public String toString() {
    return "PasswordHasher[" + policy + "]";
  }

  private static PasswordScheme detect(String value) {
    if (value == null) {
      return null;
    }
    if (BLF_CRYPT.matcher(value).matches()) {
      return PasswordScheme.BLF_CRYPT;
    }
    var argon2 = ARGON2ID.matcher(value);
    if (argon2.matches()
        && isUnpaddedBase64Length(argon2.group(1))
        && isUnpaddedBase64Length(argon2.group(2))) {
      return PasswordScheme.ARGON2ID;
    }
    if (SHA512_CRYPT.matcher(value).matches()) {
      return PasswordScheme.SHA512_CRYPT;
    }
    return null;
  }

  // One leftover Base64 character cannot encode a whole byte, so such a field is corrupt.
  private static boolean isUnpaddedBase64Length(String field) {
    return field.length() % 4 != 1;
  }

  private String hashBcrypt(String plain) {
    if (utf8(plain).length > PasswordPolicy.BCRYPT_MAX_BYTES) {
      throw new InvalidValueException(
          "password",
          "must be at most " + PasswordPolicy.BCRYPT_MAX_BYTES + " bytes with BLF-CRYPT");
    }
    return bcrypt.encode(plain);
  }

  private boolean matchesBcrypt(String plain, String encoded) {
    // Spring Security refuses to hash more than 72 bytes, and Dovecot's bcrypt would have cut such
    // a password off anyway, so a longer one cannot be the password this hash was made from.
    if (utf8(plain).length > PasswordPolicy.BCRYPT_MAX_BYTES) {
      return false;
    }
    return bcrypt.matches(plain, encoded);
  }

  private String hashSha512Crypt(String plain) {
    StringBuilder salt = new StringBuilder("$6$");
    if (policy.sha512Rounds() != SHA512_DEFAULT_ROUNDS) {
      salt.append("rounds=").append(policy.sha512Rounds()).append('$');
    }
    for (int i = 0; i < SHA512_SALT_LENGTH; i++) {
      salt.append(CRYPT_SALT_ALPHABET.charAt(random.nextInt(CRYPT_SALT_ALPHABET.length())));
    }
    byte[] key = utf8(plain);
    try {
      return Crypt.crypt(key, salt.toString());
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static boolean matchesSha512Crypt(String plain, String encoded) {
    byte[] key = utf8(plain);
    try {
      // crypt(3) reads salt and rounds from the front of the stored hash and ignores the rest.
      String computed = Crypt.crypt(key, encoded);
      return MessageDigest.isEqual(
          computed.getBytes(StandardCharsets.US_ASCII),
          encoded.getBytes(StandardCharsets.US_ASCII));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
