package org.mailledger.projection.fold;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.axonframework.common.DateTimeUtils;
import org.mailledger.schema.MailEvents;

/**
 * What the folds of every layout share: reading a stored event into its record, leaving out what
 * {@code include} refuses (how {@code ops verify} skips what a lagging segment has not applied
 * yet), keeping the folded rows, and keeping a warning, not an error, for a change to a row that is
 * not there (which the projection would stop on), so one damaged stretch of log does not hide the
 * rest.
 *
 * <p>Each layout's fold is written apart from its projection on purpose: it is the cross-check that
 * {@code ops verify} holds the live tables against, and the point-in-time source of {@code ops
 * export}. It shares with the projection only the contract (the event records, {@code RowId}, the
 * tables' columns), not code.
 */
abstract class LayoutFold implements Fold {

  // Axon's Jackson serializer writes a record's fields as a JSON object; a field added by a later
  // revision must not make an older tool fail.
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The rows folded so far, without what {@link #derive} adds. */
  final LayoutRows rows;

  private final BiPredicate<Long, Object> include;
  private final List<String> warnings = new ArrayList<>();
  private long events;
  private long position;

  LayoutFold(LayoutTables tables, BiPredicate<Long, Object> include) {
    this.rows = new LayoutRows(tables);
    this.include = include;
  }

  @Override
  public void apply(StoredEvent event) {
    events++;
    position = event.position();
    Class<?> type = MailEvents.byPayloadType(event.payloadType());
    if (type == null) {
      return; // events of no lookup table: admin accounts, API tokens
    }
    Object payload;
    try {
      payload = JSON.readValue(event.payload(), type);
    } catch (IOException e) {
      throw new IllegalStateException(
          "event at position " + event.position() + " (" + event.payloadType() + ") is unreadable",
          e);
    }
    if (include.test(event.position(), payload)) {
      apply(event.position(), DateTimeUtils.parseInstant(event.timeStamp()), payload);
    }
  }

  /** Applies one event record, written at {@code time}; the position only names it in warnings. */
  abstract void apply(long at, Instant time, Object event);

  /** The folded rows, and those the layout derives afresh from them ({@link #derive}). */
  @Override
  public final LayoutRows layoutRows() {
    LayoutRows all = rows.copy();
    derive(all);
    return all;
  }

  /** Adds the rows a layout derives from the folded ones (views, expanded alias domains). */
  void derive(LayoutRows all) {}

  @Override
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public long events() {
    return events;
  }

  @Override
  public long position() {
    return position;
  }

  /** The row of {@code table} keyed {@code key}, or null and a warning. */
  Map<String, Object> row(long at, String table, Object key) {
    Map<String, Object> row = rows.table(table).get(key);
    if (row == null) {
      warnings.add("position " + at + ": no " + table + " row " + key + " to change");
    }
    return row;
  }

  /** Sets one column, normalised, of the row keyed {@code key}: the row, or null and a warning. */
  Map<String, Object> set(long at, String table, Object key, String column, Object value) {
    Map<String, Object> row = row(at, table, key);
    if (row != null) {
      row.put(column, rows.layout().normalise(column, value));
    }
    return row;
  }

  void remove(long at, String table, Object key) {
    if (rows.table(table).remove(key) == null) {
      warnings.add("position " + at + ": no " + table + " row " + key + " to delete");
    }
  }

  void warn(long at, String text) {
    warnings.add("position " + at + ": " + text);
  }

  /** The catch-all {@code @domain} has the empty local part. */
  static String localPart(String address) {
    return address.substring(0, address.lastIndexOf('@'));
  }

  static String domainPart(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }
}
