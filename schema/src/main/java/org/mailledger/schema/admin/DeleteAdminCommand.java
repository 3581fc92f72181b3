package org.mailledger.schema.admin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete an admin account; its name becomes free again. */
public record DeleteAdminCommand(@TargetAggregateIdentifier String adminId) {}
