package org.mailledger.command.password;

import org.mailledger.schema.value.Secret;

/**
 * How new mailbox passwords are hashed and how long they must be. Only the parameters of the
 * configured scheme are used for hashing; the others still have to be valid so that switching the
 * scheme in configuration cannot activate a forgotten, broken value.
 *
 * @param minLength minimum length in Unicode code points, so that a password of accented letters is
 *     not judged by its UTF-16 or UTF-8 size
 */
public record PasswordPolicy(
    PasswordScheme scheme,
    int bcryptCost,
    int argon2MemoryKib,
    int argon2Iterations,
    int argon2Parallelism,
    int sha512Rounds,
    int minLength) {

  /** bcrypt only reads the first 72 bytes of a password; Spring Security refuses longer ones. */
  static final int BCRYPT_MAX_BYTES = 72;

  // glibc and commons-codec silently clamp rounds outside this range, which would make the stored
  // hash disagree with the configuration.
  private static final int SHA512_MIN_ROUNDS = 1_000;
  private static final int SHA512_MAX_ROUNDS = 999_999_999;

  private static final int ARGON2_MAX_MEMORY_KIB = 4 * 1024 * 1024;

  public PasswordPolicy {
    if (scheme == null) {
      throw new IllegalArgumentException("scheme must be set");
    }
    requireRange("bcryptCost", bcryptCost, 4, 31);
    requireRange("argon2Parallelism", argon2Parallelism, 1, 255);
    // Argon2 needs at least 8 KiB per lane; the RFC 9106 minimum.
    requireRange("argon2MemoryKib", argon2MemoryKib, 8 * argon2Parallelism, ARGON2_MAX_MEMORY_KIB);
    requireRange("argon2Iterations", argon2Iterations, 1, 1_000);
    requireRange("sha512Rounds", sha512Rounds, SHA512_MIN_ROUNDS, SHA512_MAX_ROUNDS);
    requireRange("minLength", minLength, 1, Secret.MAX_LENGTH);
    if (scheme == PasswordScheme.BLF_CRYPT && minLength > BCRYPT_MAX_BYTES) {
      throw new IllegalArgumentException(
          "minLength must be at most "
              + BCRYPT_MAX_BYTES
              + " with BLF-CRYPT, which cannot hash longer passwords, was "
              + minLength);
    }
  }

  /**
   * BLF-CRYPT because every Dovecot build supports it; Argon2id needs libsodium. The Argon2id
   * parameters are the OWASP minimum (19 MiB, 2 passes, 1 lane) and 5000 is the glibc default for
   * SHA512-CRYPT, so those hashes carry no {@code rounds=} field.
   */
  public static PasswordPolicy defaults() {
    return new PasswordPolicy(PasswordScheme.BLF_CRYPT, 10, 19_456, 2, 1, 5_000, 8);
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
