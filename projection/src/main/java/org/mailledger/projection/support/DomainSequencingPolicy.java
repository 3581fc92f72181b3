package org.mailledger.projection.support;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
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
 * Puts every event of a domain, and of the mailboxes and aliases in it, into one sequence, so a
 * layout's processor applies them in log order whatever its segment count: a mailbox row never
 * comes before its domain's row, nor a deletion before the creation. Different domains still run in
 * parallel. An alias domain's events go with its target domain, whose rows they expand. TLS
 * policies are sequenced by their destination on their own.
 */
public class DomainSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

  private static final Map<Class<?>, Function<Object, String>> DOMAIN_OF = new HashMap<>();

  static {
    DOMAIN_OF.put(DomainCreatedEvent.class, e -> ((DomainCreatedEvent) e).name());
    DOMAIN_OF.put(DomainSettingsChangedEvent.class, e -> ((DomainSettingsChangedEvent) e).name());
    DOMAIN_OF.put(DomainActivatedEvent.class, e -> ((DomainActivatedEvent) e).name());
    DOMAIN_OF.put(DomainDeactivatedEvent.class, e -> ((DomainDeactivatedEvent) e).name());
    DOMAIN_OF.put(DomainDeletedEvent.class, e -> ((DomainDeletedEvent) e).name());
    DOMAIN_OF.put(MailboxCreatedEvent.class, e -> domainPart(((MailboxCreatedEvent) e).address()));
    DOMAIN_OF.put(
        MailboxPasswordChangedEvent.class,
        e -> domainPart(((MailboxPasswordChangedEvent) e).address()));
    DOMAIN_OF.put(
        MailboxQuotaChangedEvent.class, e -> domainPart(((MailboxQuotaChangedEvent) e).address()));
    DOMAIN_OF.put(
        MailboxNameChangedEvent.class, e -> domainPart(((MailboxNameChangedEvent) e).address()));
    DOMAIN_OF.put(
        MailboxSendOnlyChangedEvent.class,
        e -> domainPart(((MailboxSendOnlyChangedEvent) e).address()));
    DOMAIN_OF.put(
        MailboxActivatedEvent.class, e -> domainPart(((MailboxActivatedEvent) e).address()));
    DOMAIN_OF.put(
        MailboxDeactivatedEvent.class, e -> domainPart(((MailboxDeactivatedEvent) e).address()));
    DOMAIN_OF.put(
        MailboxRenamedEvent.class, e -> domainPart(((MailboxRenamedEvent) e).newAddress()));
    DOMAIN_OF.put(MailboxDeletedEvent.class, e -> domainPart(((MailboxDeletedEvent) e).address()));
    DOMAIN_OF.put(AliasCreatedEvent.class, e -> domainPart(((AliasCreatedEvent) e).address()));
    DOMAIN_OF.put(
        AliasRecipientAddedEvent.class, e -> domainPart(((AliasRecipientAddedEvent) e).address()));
    DOMAIN_OF.put(
        AliasRecipientRemovedEvent.class,
        e -> domainPart(((AliasRecipientRemovedEvent) e).address()));
    DOMAIN_OF.put(
        AliasSenderAddedEvent.class, e -> domainPart(((AliasSenderAddedEvent) e).address()));
    DOMAIN_OF.put(
        AliasSenderRemovedEvent.class, e -> domainPart(((AliasSenderRemovedEvent) e).address()));
    DOMAIN_OF.put(
        AliasDescriptionChangedEvent.class,
        e -> domainPart(((AliasDescriptionChangedEvent) e).address()));
    DOMAIN_OF.put(AliasActivatedEvent.class, e -> domainPart(((AliasActivatedEvent) e).address()));
    DOMAIN_OF.put(
        AliasDeactivatedEvent.class, e -> domainPart(((AliasDeactivatedEvent) e).address()));
    DOMAIN_OF.put(AliasDeletedEvent.class, e -> domainPart(((AliasDeletedEvent) e).address()));
    DOMAIN_OF.put(AliasDomainCreatedEvent.class, e -> ((AliasDomainCreatedEvent) e).targetDomain());
    DOMAIN_OF.put(
        AliasDomainActivatedEvent.class, e -> ((AliasDomainActivatedEvent) e).targetDomain());
    DOMAIN_OF.put(
        AliasDomainDeactivatedEvent.class, e -> ((AliasDomainDeactivatedEvent) e).targetDomain());
    DOMAIN_OF.put(AliasDomainDeletedEvent.class, e -> ((AliasDomainDeletedEvent) e).targetDomain());
    DOMAIN_OF.put(TlsPolicySetEvent.class, e -> "tls:" + ((TlsPolicySetEvent) e).destination());
    DOMAIN_OF.put(
        TlsPolicyRemovedEvent.class, e -> "tls:" + ((TlsPolicyRemovedEvent) e).destination());
  }

  @Override
  public Object getSequenceIdentifierFor(EventMessage<?> event) {
    Function<Object, String> domain = DOMAIN_OF.get(event.getPayloadType());
    return domain == null ? event.getIdentifier() : domain.apply(event.getPayload());
  }

  private static String domainPart(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }
}
