package org.mailledger.schema.admin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lock an admin account out, its API tokens included, keeping it for later. */
public record DisableAdminCommand(@TargetAggregateIdentifier String adminId) {}
