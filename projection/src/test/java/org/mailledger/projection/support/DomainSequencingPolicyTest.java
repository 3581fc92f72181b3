package org.mailledger.projection.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.projection.EventSamples.ALIAS_DOMAIN;
import static org.mailledger.projection.EventSamples.DOMAIN;
import static org.mailledger.projection.EventSamples.TLS_DESTINATION;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailledger.projection.EventSamples;
import org.mailledger.schema.MailEvents;
import org.mailledger.schema.admin.AdminCreatedEvent;
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
 * The sequence of every event type, written out here rather than taken from the events, so that a
 * new event must be given its sequence on purpose (the test fails until it is) and a change to an
 * event's answer shows up as a change of this table.
 */
class DomainSequencingPolicyTest {

  /** The samples all belong to example.org, its alias domain example.net and one TLS policy. */
  static final Map<Class<?>, String> SEQUENCE =
      Map.ofEntries(
          Map.entry(DomainCreatedEvent.class, DOMAIN),
          Map.entry(DomainSettingsChangedEvent.class, DOMAIN),
          Map.entry(DomainActivatedEvent.class, DOMAIN),
          Map.entry(DomainDeactivatedEvent.class, DOMAIN),
          Map.entry(DomainDeletedEvent.class, DOMAIN),
          Map.entry(MailboxCreatedEvent.class, DOMAIN),
          Map.entry(MailboxPasswordChangedEvent.class, DOMAIN),
          Map.entry(MailboxQuotaChangedEvent.class, DOMAIN),
          Map.entry(MailboxNameChangedEvent.class, DOMAIN),
          Map.entry(MailboxSendOnlyChangedEvent.class, DOMAIN),
          Map.entry(MailboxActivatedEvent.class, DOMAIN),
          Map.entry(MailboxDeactivatedEvent.class, DOMAIN),
          Map.entry(MailboxRenamedEvent.class, DOMAIN),
          Map.entry(MailboxDeletedEvent.class, DOMAIN),
          Map.entry(AliasCreatedEvent.class, DOMAIN),
          Map.entry(AliasRecipientAddedEvent.class, DOMAIN),
          Map.entry(AliasRecipientRemovedEvent.class, DOMAIN),
          Map.entry(AliasSenderAddedEvent.class, DOMAIN),
          Map.entry(AliasSenderRemovedEvent.class, DOMAIN),
          Map.entry(AliasDescriptionChangedEvent.class, DOMAIN),
          Map.entry(AliasActivatedEvent.class, DOMAIN),
          Map.entry(AliasDeactivatedEvent.class, DOMAIN),
          Map.entry(AliasDeletedEvent.class, DOMAIN),
          // With the target, whose mailboxes and aliases mum expands into the alias domain.
          Map.entry(AliasDomainCreatedEvent.class, DOMAIN),
          Map.entry(AliasDomainActivatedEvent.class, DOMAIN),
          Map.entry(AliasDomainDeactivatedEvent.class, DOMAIN),
          Map.entry(AliasDomainDeletedEvent.class, DOMAIN),
          // Apart from a hosted domain of the same name: a policy row depends on no other.
          Map.entry(TlsPolicySetEvent.class, "tls:" + TLS_DESTINATION),
          Map.entry(TlsPolicyRemovedEvent.class, "tls:" + TLS_DESTINATION));

  private final DomainSequencingPolicy policy = new DomainSequencingPolicy();

  @Test
  void namesTheSequenceOfEveryMailEvent() {
    assertThat(SEQUENCE.keySet()).containsExactlyInAnyOrderElementsOf(MailEvents.all());
  }

  static Stream<Object> mailEvents() {
    return EventSamples.MAIL.stream();
  }

  @ParameterizedTest
  @MethodSource("mailEvents")
  void sequencesAMailEventByItsDomain(Object event) {
    assertThat(policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(event)))
        .as(event.getClass().getSimpleName())
        .isEqualTo(SEQUENCE.get(event.getClass()));
  }

  @Test
  void sequencesARenamedMailboxByItsNewAddress() {
    var renamed = new MailboxRenamedEvent("m", "d", "a@old.example", "b@new.example");

    assertThat(policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(renamed)))
        .isEqualTo("new.example");
  }

  @Test
  void sequencesACatchAllByItsDomain() {
    var catchAll = new AliasActivatedEvent("a", "@" + ALIAS_DOMAIN);

    assertThat(policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(catchAll)))
        .isEqualTo(ALIAS_DOMAIN);
  }

  static Stream<Object> adminEvents() {
    return EventSamples.ADMIN.stream();
  }

  @ParameterizedTest
  @MethodSource("adminEvents")
  void leavesEventsOfNoLayoutUnordered(Object event) {
    EventMessage<?> message = GenericEventMessage.asEventMessage(event);

    assertThat(policy.getSequenceIdentifierFor(message)).isEqualTo(message.getIdentifier());
  }

  /** As before: an event of no layout is not even decoded, so its payload cannot stop a layout. */
  @Test
  void doesNotDecodeAnEventOfNoLayout() {
    JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    var unreadable =
        new SimpleSerializedObject<>(
            "not json".getBytes(), byte[].class, AdminCreatedEvent.class.getName(), "1");
    var metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
    EventMessage<?> message =
        new GenericEventMessage<>(
            new SerializedMessage<>("event-1", unreadable, metaData, serializer), Instant::now);

    assertThat(policy.getSequenceIdentifierFor(message)).isEqualTo("event-1");
  }
}
