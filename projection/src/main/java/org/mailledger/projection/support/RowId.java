package org.mailledger.projection.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Row ids derived from the log: a positive 63-bit hash of an aggregate's identity (or of a row's
 * natural key). The same log gives the same ids on every replay, and a row can name a row of
 * another aggregate (a sender's mailbox) without asking the database for it. At a million rows the
 * chance of two ids colliding is about 5 in 10^8, and a collision would stop the projection on the
 * primary key rather than mix two rows.
 */
public final class RowId {

  // One digest a thread: looking up the provider costs more than hashing a short key.
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
          });

  private RowId() {}

  public static long of(String... parts) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    for (String part : parts) {
      digest.update(part.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    byte[] hash = digest.digest();
    long id = 0;
    for (int i = 0; i < 8; i++) {
      id = (id << 8) | (hash[i] & 0xff);
    }
    return id & Long.MAX_VALUE;
  }
}
