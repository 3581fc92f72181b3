package org.mailledger.command.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token secrets: 32 random bytes, base64url, behind a {@code mlt_} prefix so a leaked token is
 * easy to recognize (and for secret scanners to find). They carry 256 bits of entropy, so a plain
 * SHA-256 is enough to store them: unlike a password there is nothing to guess, and a fast hash
 * keeps the per-request lookup cheap.
 */
public class ApiTokenSecrets {

  public static final String PREFIX = "mlt_";
  private static final int BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  public String generate() {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The lower-case hex SHA-256 of the token exactly as the client presents it. */
  public static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
