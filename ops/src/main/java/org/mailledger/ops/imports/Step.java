package org.mailledger.ops.imports;

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
}
