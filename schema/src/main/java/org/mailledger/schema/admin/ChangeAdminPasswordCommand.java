package org.mailledger.schema.admin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mailledger.schema.value.Secret;

/** Set a new password for an admin account; hashed by the handler. */
public record ChangeAdminPasswordCommand(
    @TargetAggregateIdentifier String adminId, Secret password) {}
