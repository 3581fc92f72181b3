package org.mailledger.schema.admin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a disabled admin account log in again. */
public record EnableAdminCommand(@TargetAggregateIdentifier String adminId) {}
