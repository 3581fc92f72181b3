package org.mailledger.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mailledger.schema.admin.AdminEvent;
import org.mailledger.schema.alias.AliasEvent;
import org.mailledger.schema.aliasdomain.AliasDomainEvent;
import org.mailledger.schema.domain.DomainEvent;
import org.mailledger.schema.mailbox.MailboxEvent;
import org.mailledger.schema.tls.TlsPolicyEvent;

/**
 * Every event type of the log, taken from the {@code permits} clauses of the aggregates' sealed
 * interfaces, so the list cannot miss an event of a known aggregate. A new event joins its
 * aggregate's interface (the compiler then asks for what {@link MailEvent} needs); a new
 * aggregate's interface is added here, and {@code MailEventsTest} fails until it is. The readers
 * that decode the log themselves (the in-memory folds, point-in-time reads) find the mail setup's
 * events here by the payload type name the event store keeps.
 */
public final class MailEvents {

  /** The sealed interfaces of the mail setup's aggregates. */
  private static final List<Class<? extends MailEvent>> AGGREGATES =
      List.of(
          DomainEvent.class,
          MailboxEvent.class,
          AliasEvent.class,
          AliasDomainEvent.class,
          TlsPolicyEvent.class);

  private static final List<Class<? extends MailEvent>> MAIL =
      AGGREGATES.stream().flatMap(a -> records(a, MailEvent.class)).toList();

  private static final List<Class<? extends AdminEvent>> ADMIN =
      records(AdminEvent.class, AdminEvent.class).toList();

  private static final Map<String, Class<? extends MailEvent>> BY_NAME =
      MAIL.stream().collect(Collectors.toUnmodifiableMap(Class::getName, Function.identity()));

  private MailEvents() {}

  /**
   * The mail setup's events (domains, alias domains, mailboxes, aliases, TLS policies): those the
   * lookup-table layouts are made of.
   */
  public static List<Class<? extends MailEvent>> all() {
    return MAIL;
  }

  /** The events of admin accounts and API tokens: in the log, but in no lookup table. */
  public static List<Class<? extends AdminEvent>> admin() {
    return ADMIN;
  }

  /** The mail-setup event class stored under this payload type, or null for any other. */
  public static Class<? extends MailEvent> byPayloadType(String payloadType) {
    return BY_NAME.get(payloadType);
  }

  /** The records a sealed type permits, through sealed subtypes; an event must be a record. */
  private static <T> Stream<Class<? extends T>> records(Class<?> sealed, Class<T> bound) {
    if (!sealed.isSealed()) {
      throw new IllegalStateException(sealed.getName() + " must be sealed to list its events");
    }
    return Arrays.stream(sealed.getPermittedSubclasses())
        .flatMap(
            type -> {
              if (type.isSealed()) {
                return records(type, bound);
              }
              if (!type.isRecord()) {
                throw new IllegalStateException(type.getName() + " must be a record or sealed");
              }
              return Stream.of(type.asSubclass(bound));
            });
  }
}
