package org.mailledger.ops.imports;

/**
 * One line of the import report about one source row.
 *
 * @param entity what it is about, e.g. {@code mailbox alice@example.org}
 * @param message why, in words an operator can act on; never a password or hash
 */
public record Finding(Kind kind, String entity, String message) {

  /** What happened to the row. */
  public enum Kind {
    /** Not imported: it breaks a rule of Mailledger or has no faithful equivalent. */
    SKIPPED,
    /** The command side refused it when it was sent; nothing of it was written. */
    REFUSED,
    /** Imported by an earlier run, and the source changed since: not applied. */
    CHANGED,
    /** Imported, or left as it was, with something the operator should know. */
    NOTE
  }

  @Override
  public String toString() {
    return entity + ": " + message;
  }
}
