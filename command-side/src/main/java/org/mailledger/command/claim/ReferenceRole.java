package org.mailledger.command.claim;

/** How an alias points at an address: mail goes to it, or it may send as the alias. */
public enum ReferenceRole {
  RECIPIENT,
  SENDER
}
