package org.mailledger.schema.mailbox;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.Quota;

/** Change a mailbox's quota, within its domain's maximum. */
public record ChangeMailboxQuotaCommand(@TargetAggregateIdentifier String mailboxId, Quota quota) {}
