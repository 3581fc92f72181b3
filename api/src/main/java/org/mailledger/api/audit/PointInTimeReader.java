package org.mailledger.api.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.mailledger.schema.MailEvents;
import org.mailledger.schema.eventstore.EventStoreDialect;
import org.mailledger.schema.mailbox.MailboxRenamedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Domains, mailboxes and aliases as they were at an instant, folded from the log. The audit table
 * says which aggregates ever bore the name up to then (a name can be deleted and taken again, a
 * mailbox renamed); each one's events up to the instant are read from {@code domain_event_entry}
 * and folded; the one that existed then under that name is the answer.
 *
 * <p>Axon's JDBC engine writes {@code time_stamp} as text with its {@link
 * DateTimeUtils#formatInstant} (UTC, always {@code yyyy-MM-ddTHH:mm:ss.SSSZ}), so comparing it,
 * byte-wise ({@link EventStoreDialect#byteWise}), with the instant formatted the same way is
 * comparing instants. The audit's {@code occurred_at} holds the same millisecond-truncated instant,
 * so both filters cut the log at the same event.
 */
@Component
public class PointInTimeReader {

  private static final String CANDIDATES =
      "SELECT aggregate_id FROM audit_entry"
          + " WHERE (entity = ? OR entity_before = ?) AND entity_kind = ? AND occurred_at <= ?"
          + " AND aggregate_id IS NOT NULL"
          + " GROUP BY aggregate_id ORDER BY max(global_index) DESC";
  private final JdbcTemplate jdbc;
  private final EventStoreDialect dialect;
  private final String eventsUpTo;
  private final String lastRenameUpTo;
  // Tolerates fields added to an event later; the folds read only what revision 1 has.
  private final ObjectMapper json =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public PointInTimeReader(JdbcTemplate jdbc, EventStoreDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    String timeStamp = dialect.byteWise("time_stamp");
    this.eventsUpTo =
        "SELECT global_index, payload_type, payload FROM domain_event_entry"
            + " WHERE aggregate_identifier = ? AND "
            + timeStamp
            + " <= ? ORDER BY sequence_number";
    this.lastRenameUpTo =
        "SELECT global_index, payload_type, payload FROM domain_event_entry"
            + " WHERE aggregate_identifier = ? AND payload_type = ? AND "
            + timeStamp
            + " <= ? ORDER BY sequence_number DESC LIMIT 1";
  }

  public Optional<DomainAsOf> domain(String name, Instant asOf) {
    for (String aggregateId : candidates(name, "domain", asOf)) {
      DomainFold fold = new DomainFold();
      events(aggregateId, asOf).forEach(fold::apply);
      Optional<DomainAsOf> view = fold.view(asOf).filter(d -> d.domain().equals(name));
      if (view.isPresent()) {
        return view;
      }
    }
    return Optional.empty();
  }

  public Optional<MailboxAsOf> mailbox(String address, Instant asOf) {
    for (String aggregateId : candidates(address, "mailbox", asOf)) {
      MailboxFold fold = new MailboxFold();
      events(aggregateId, asOf).forEach(fold::apply);
      Optional<MailboxAsOf> view = fold.view(asOf).filter(m -> m.address().equals(address));
      if (view.isPresent()) {
        return view;
      }
    }
    return Optional.empty();
  }

  public Optional<AliasAsOf> alias(String address, Instant asOf) {
    for (String aggregateId : candidates(address, "alias", asOf)) {
      AliasFold fold = new AliasFold();
      events(aggregateId, asOf).forEach(fold::apply);
      Optional<AliasAsOf> view =
          fold.view(asOf, (mailboxId, added) -> senderAddress(mailboxId, added, asOf))
              .filter(a -> a.address().equals(address));
      if (view.isPresent()) {
        return view;
      }
    }
    return Optional.empty();
  }

  public Optional<AliasDomainAsOf> aliasDomain(String name, Instant asOf) {
    for (String aggregateId : candidates(name, "alias-domain", asOf)) {
      AliasDomainFold fold = new AliasDomainFold();
      events(aggregateId, asOf).forEach(fold::apply);
      Optional<AliasDomainAsOf> view = fold.view(asOf);
      if (view.isPresent()) {
        return view;
      }
    }
    return Optional.empty();
  }

  private List<String> candidates(String entity, String kind, Instant asOf) {
    return jdbc.queryForList(CANDIDATES, String.class, entity, entity, kind, dialect.instant(asOf));
  }

  private List<LoggedEvent> events(String aggregateId, Instant asOf) {
    List<LoggedEvent> events = new ArrayList<>();
    jdbc.query(
        eventsUpTo,
        rs -> {
          Class<?> type = MailEvents.byPayloadType(rs.getString("payload_type"));
          // A kind of event the folds do not know changes nothing they show.
          if (type != null) {
            events.add(
                new LoggedEvent(rs.getLong("global_index"), read(rs.getBytes("payload"), type)));
          }
        },
        aggregateId,
        DateTimeUtils.formatInstant(asOf));
    return events;
  }

  private String senderAddress(String mailboxId, String addressWhenAdded, Instant asOf) {
    List<String> renamed =
        jdbc.query(
            lastRenameUpTo,
            (rs, row) ->
                ((MailboxRenamedEvent) read(rs.getBytes("payload"), MailboxRenamedEvent.class))
                    .newAddress(),
            mailboxId,
            MailboxRenamedEvent.class.getName(),
            DateTimeUtils.formatInstant(asOf));
    return renamed.isEmpty() ? addressWhenAdded : renamed.get(0);
  }

  private Object read(byte[] payload, Class<?> type) {
    try {
      return json.readValue(payload, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a " + type.getSimpleName() + " from the log", e);
    }
  }
}
