package org.mailledger.ops.imports;

/**
 * A mailbox as the source tool keeps it.
 *
 * @param passwordHash the stored value, as it is: classified by {@link PasswordHashes}
 * @param quotaBytes null for the domain's default, 0 for unlimited
 */
public record SourceMailbox(
    String address,
    String passwordHash,
    String name,
    Long quotaBytes,
    boolean sendOnly,
    boolean active) {

  // The hash stays out of reports and exceptions.
  @Override
  public String toString() {
    return "SourceMailbox[" + address + "]";
  }
}
