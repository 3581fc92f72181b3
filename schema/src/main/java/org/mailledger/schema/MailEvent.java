package org.mailledger.schema;

/**
 * An event of the mail setup, what the lookup-table layouts are made of: what every consumer of
 * every such event may ask it. Each aggregate's events are a sealed interface in the aggregate's
 * own package that extends this one ({@code DomainEvent}, {@code MailboxEvent}, {@code AliasEvent},
 * {@code AliasDomainEvent}, {@code TlsPolicyEvent}); {@link MailEvents} takes the list of events
 * from their {@code permits} clauses. There is no single sealed type over all of them because on
 * the class path the JVM only lets a sealed type permit classes of its own package.
 *
 * <p>What these interfaces add is no record component: Jackson writes only the components, so the
 * JSON stored in the log keeps its shape ({@code StoredEventSamplesTest} holds it to samples).
 */
public interface MailEvent {

  /**
   * The sequence this event keeps its log order in, shared by every event whose rows depend on each
   * other, so a layout's processor may run different sequences in parallel: the hosted domain the
   * event belongs to (a domain's name; the domain part of a mailbox's or alias's address; an alias
   * domain's target, whose rows it expands), or {@code tls:} and the destination for a TLS policy,
   * which depends on no other row.
   */
  String sequencingKey();

  /** The domain part of an address as events carry it, also of a catch-all's {@code @domain}. */
  static String domainOf(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }
}
