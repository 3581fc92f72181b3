package org.mailledger.schema.alias;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.EmailAddress;

/**
 * Create an alias (or the domain's catch-all) forwarding to recipients, internal or external;
 * senders are mailboxes allowed to send as it.
 */
public record CreateAliasCommand(
    @TargetAggregateIdentifier String aliasId,
    AliasAddress address,
    List<EmailAddress> recipients,
    List<EmailAddress> senders,
    String description) {}
