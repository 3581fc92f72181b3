package org.mailledger.projection.audit;

import java.util.List;
import java.util.Map;
import org.mailledger.schema.alias.AliasActivatedEvent;
import org.mailledger.schema.alias.AliasCreatedEvent;
import org.mailledger.schema.alias.AliasDeactivatedEvent;
import org.mailledger.schema.alias.AliasDeletedEvent;
import org.mailledger.schema.alias.AliasDescriptionChangedEvent;
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
import org.mailledger.schema.mailbox.MailboxQuotaChangedEvent;
import org.mailledger.schema.mailbox.MailboxSendOnlyChangedEvent;
import org.mailledger.schema.tls.TlsPolicyRemovedEvent;
import org.mailledger.schema.tls.TlsPolicySetEvent;

/**
 * Which settings of an aggregate the audit remembers ({@code audit_state}) so that a change event's
 * row can show them before and after. Events not listed here are recorded with their own fields
 * only; that is also what happens to an event type added later until it is listed.
 *
 * @param op what the event does to the remembered settings
 * @param fields the event's fields that are settings
 * @param implied settings the event sets without carrying them as fields (activation)
 */
record Tracking(Op op, List<String> fields, Map<String, Object> implied) {

  enum Op {
    /** The aggregate starts: its settings are remembered, nothing is read. */
    START,
    /** Settings change: the row shows each changed one as before/after. */
    CHANGE,
    /** The aggregate is gone: its settings are forgotten. */
    FORGET
  }

  private static final List<String> DOMAIN_SETTINGS =
      List.of("description", "defaultQuotaBytes", "maxQuotaBytes", "maxMailboxes", "maxAliases");
  private static final Map<String, Object> ACTIVE = Map.of("active", true);
  private static final Map<String, Object> INACTIVE = Map.of("active", false);

  private static final Map<Class<?>, Tracking> BY_EVENT =
      Map.ofEntries(
          Map.entry(DomainCreatedEvent.class, start(DOMAIN_SETTINGS)),
          Map.entry(DomainSettingsChangedEvent.class, change(DOMAIN_SETTINGS)),
          Map.entry(DomainActivatedEvent.class, flag(ACTIVE)),
          Map.entry(DomainDeactivatedEvent.class, flag(INACTIVE)),
          Map.entry(DomainDeletedEvent.class, forget()),
          Map.entry(MailboxCreatedEvent.class, start(List.of("name", "quotaBytes", "sendOnly"))),
          Map.entry(MailboxNameChangedEvent.class, change(List.of("name"))),
          Map.entry(MailboxQuotaChangedEvent.class, change(List.of("quotaBytes"))),
          Map.entry(MailboxSendOnlyChangedEvent.class, change(List.of("sendOnly"))),
          Map.entry(MailboxActivatedEvent.class, flag(ACTIVE)),
          Map.entry(MailboxDeactivatedEvent.class, flag(INACTIVE)),
          Map.entry(MailboxDeletedEvent.class, forget()),
          Map.entry(AliasCreatedEvent.class, start(List.of("description"))),
          Map.entry(AliasDescriptionChangedEvent.class, change(List.of("description"))),
          Map.entry(AliasActivatedEvent.class, flag(ACTIVE)),
          Map.entry(AliasDeactivatedEvent.class, flag(INACTIVE)),
          Map.entry(AliasDeletedEvent.class, forget()),
          // A TLS policy is set again and again; with nothing remembered it counts as new.
          Map.entry(TlsPolicySetEvent.class, change(List.of("policy", "params", "description"))),
          Map.entry(TlsPolicyRemovedEvent.class, forget()));

  /** How the event's payload class is tracked; null when it is not. */
  static Tracking of(Class<?> payloadType) {
    return BY_EVENT.get(payloadType);
  }

  private static Tracking start(List<String> fields) {
    return new Tracking(Op.START, fields, ACTIVE);
  }

  private static Tracking change(List<String> fields) {
    return new Tracking(Op.CHANGE, fields, Map.of());
  }

  private static Tracking flag(Map<String, Object> implied) {
    return new Tracking(Op.CHANGE, List.of(), implied);
  }

  private static Tracking forget() {
    return new Tracking(Op.FORGET, List.of(), Map.of());
  }
}
