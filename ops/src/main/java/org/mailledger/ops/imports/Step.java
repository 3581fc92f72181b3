package org.mailledger.ops.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The commands that bring one source row into Mailledger, sent in one transaction: all of them land
 * or none does.
 *
 * @param entity e.g. {@code mailbox alice@example.org}, for progress and the report
 * @param fingerprint digest of the source row as imported, carried on the events as metadata so a
 *     later run can tell an unchanged row from a changed one
 */
public record Step(Kind kind, String entity, String fingerprint, List<Object> commands) {

  /** In the order the steps run: what a later kind needs exists by then. */
  public enum Kind {
    DOMAIN("domains"),
    ALIAS_DOMAIN("alias domains"),
    MAILBOX("mailboxes"),
    ALIAS("aliases"),
    TLS_POLICY("TLS policies"),
    // Last: an inactive domain takes no new mailboxes or aliases.
    DOMAIN_DEACTIVATION("domain deactivations");

    private final String plural;

    Kind(String plural) {
      this.plural = plural;
    }

    public String plural() {
      return plural;
    }
  }

  /** A short digest of the values a row was imported with. */
  static String fingerprint(Object... values) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Object value : values) {
        digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
