package org.mailledger.command.claim;

/** What holds an address. */
public enum ClaimKind {
  MAILBOX,
  ALIAS
}
