package org.mailledger.command.admin;

import java.nio.charset.StandardCharsets;
import org.mailledger.schema.value.InvalidValueException;
import org.mailledger.schema.value.Secret;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Hashes admin passwords with bcrypt, in Spring Security's encoded form {@code {bcrypt}$2a$...}, so
 * that the API's DelegatingPasswordEncoder can verify them and a later switch of algorithm can tell
 * old hashes apart. Admins guard every mailbox, so their minimum length is stricter than the
 * mailboxes' one.
 */
public class AdminPasswords {

  public static final int MIN_LENGTH = 12;
  // bcrypt reads only the first 72 bytes; a longer password would be silently truncated.
  static final int MAX_BYTES = 72;
  static final String PREFIX = "{bcrypt}";

  private final BCryptPasswordEncoder encoder;

  public AdminPasswords(int bcryptCost) {
    this.encoder = new BCryptPasswordEncoder(bcryptCost);
  }

  public String hash(Secret password) {
    String plain = password.value();
    if (plain.codePointCount(0, plain.length()) < MIN_LENGTH) {
      throw new InvalidValueException(
          "password", "must be at least " + MIN_LENGTH + " characters for an admin");
    }
    if (plain.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new InvalidValueException(
          "password", "must be at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt reads no more)");
    }
    return PREFIX + encoder.encode(plain);
  }
}
