package org.mailledger.schema.admin;

/**
 * The events of admin accounts and their API tokens, which the auth model folds and no lookup-table
 * layout reads. Not a {@link org.mailledger.schema.MailEvent}: they belong to no domain's sequence,
 * and a layout's sequencing policy leaves them undecoded.
 */
public sealed interface AdminEvent
    permits AdminCreatedEvent,
        AdminDomainGrantedEvent,
        AdminDomainRevokedEvent,
        AdminPasswordChangedEvent,
        AdminDisabledEvent,
        AdminEnabledEvent,
        AdminDeletedEvent,
        ApiTokenIssuedEvent,
        ApiTokenRevokedEvent {

  /** The admin the event is about (a token's owner). */
  String adminId();
}
