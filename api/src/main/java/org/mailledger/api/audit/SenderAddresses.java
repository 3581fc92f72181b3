package org.mailledger.api.audit;

/** Where a sender mailbox's address at the instant asked for comes from. */
@FunctionalInterface
interface SenderAddresses {

  String at(String mailboxId, String addressWhenAdded);
}
