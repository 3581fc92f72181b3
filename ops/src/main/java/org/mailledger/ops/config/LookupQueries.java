package org.mailledger.ops.config;

/**
 * The SQL that Postfix and Dovecot run against one layout in one dialect. A query may be given over
 * several lines; it is kept on one, because Postfix reads a query as a single {@code query =} line.
 *
 * <p>Postfix placeholders: {@code %s} the whole key, {@code %u} its local part, {@code %d} its
 * domain; Dovecot: {@code %n} the user's local part, {@code %d} the domain.
 */
public record LookupQueries(
    String domains,
    String mailboxes,
    String aliases,
    String mailboxSelf,
    String catchAll,
    String senderLoginMaps,
    String recipientAccess,
    String tlsPolicies,
    String dovecotPasswordQuery,
    String dovecotUserQuery,
    String dovecotIterateQuery) {

  public LookupQueries {
    domains = Template.oneLine(domains);
    mailboxes = Template.oneLine(mailboxes);
    aliases = Template.oneLine(aliases);
    mailboxSelf = Template.oneLine(mailboxSelf);
    catchAll = Template.oneLine(catchAll);
    senderLoginMaps = Template.oneLine(senderLoginMaps);
    recipientAccess = Template.oneLine(recipientAccess);
    tlsPolicies = Template.oneLine(tlsPolicies);
    dovecotPasswordQuery = Template.oneLine(dovecotPasswordQuery);
    dovecotUserQuery = Template.oneLine(dovecotUserQuery);
    dovecotIterateQuery = Template.oneLine(dovecotIterateQuery);
  }
}
