package org.mailledger.schema;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mailledger.schema.alias.AliasActivatedEvent;
import org.mailledger.schema.alias.AliasCreatedEvent;
import org.mailledger.schema.alias.AliasDeactivatedEvent;
import org.mailledger.schema.alias.AliasDeletedEvent;
import org.mailledger.schema.alias.AliasDescriptionChangedEvent;
import org.mailledger.schema.alias.AliasRecipientAddedEvent;
import org.mailledger.schema.alias.AliasRecipientRemovedEvent;
import org.mailledger.schema.alias.AliasSenderAddedEvent;
import org.mailledger.schema.alias.AliasSenderRemovedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainActivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainCreatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeactivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeletedEvent;
import org.mailledger.schema.domain.DomainActivatedEvent;
import org.mailledger.schema.domain.DomainCreatedEvent;
import org.mailledger.schema.domain.DomainDeactivatedEvent;
import org.mailledger.schema.domain.DomainDeletedEvent;
import org.mailledger.schema.domain.DomainSettingsChangedEvent;
import org.mailledger.schema.mailbox.MailboxActivatedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;
import org.mailledger.schema.mailbox.MailboxDeactivatedEvent;
import org.mailledger.schema.mailbox.MailboxDeletedEvent;
import org.mailledger.schema.mailbox.MailboxNameChangedEvent;
import org.mailledger.schema.mailbox.MailboxPasswordChangedEvent;
import org.mailledger.schema.mailbox.MailboxQuotaChangedEvent;
import org.mailledger.schema.mailbox.MailboxRenamedEvent;
import org.mailledger.schema.mailbox.MailboxSendOnlyChangedEvent;
import org.mailledger.schema.tls.TlsPolicyRemovedEvent;
import org.mailledger.schema.tls.TlsPolicySetEvent;

/**
 * Every event of the mail setup (domains, alias domains, mailboxes, aliases, TLS policies), by the
 * payload type name the event store keeps, for the readers that decode the log themselves (the
 * in-memory fold, point-in-time reads). A new event is added here once.
 */
public final class MailEvents {

  private static final Map<String, Class<?>> BY_NAME =
      Stream.<Class<?>>of(
              DomainCreatedEvent.class,
              DomainSettingsChangedEvent.class,
              DomainActivatedEvent.class,
              DomainDeactivatedEvent.class,
              DomainDeletedEvent.class,
              MailboxCreatedEvent.class,
              MailboxPasswordChangedEvent.class,
              MailboxQuotaChangedEvent.class,
              MailboxNameChangedEvent.class,
              MailboxSendOnlyChangedEvent.class,
              MailboxActivatedEvent.class,
              MailboxDeactivatedEvent.class,
              MailboxRenamedEvent.class,
              MailboxDeletedEvent.class,
              AliasCreatedEvent.class,
              AliasRecipientAddedEvent.class,
              AliasRecipientRemovedEvent.class,
              AliasSenderAddedEvent.class,
              AliasSenderRemovedEvent.class,
              AliasDescriptionChangedEvent.class,
              AliasActivatedEvent.class,
              AliasDeactivatedEvent.class,
              AliasDeletedEvent.class,
              AliasDomainCreatedEvent.class,
              AliasDomainActivatedEvent.class,
              AliasDomainDeactivatedEvent.class,
              AliasDomainDeletedEvent.class,
              TlsPolicySetEvent.class,
              TlsPolicyRemovedEvent.class)
          .collect(Collectors.toUnmodifiableMap(Class::getName, Function.identity()));

  private MailEvents() {}

  /** The event class stored under this payload type, or null for any other. */
  public static Class<?> byPayloadType(String payloadType) {
    return BY_NAME.get(payloadType);
  }
}
