package org.mailledger.projection.audit;

/**
 * Stands for an event kind the audit does not know yet (admin accounts, API tokens…), with a secret
 * in it as such events may have.
 */
public record AccountCreatedTestEvent(String accountId, String login, String passwordHash) {}
