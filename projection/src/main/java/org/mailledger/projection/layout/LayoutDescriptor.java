package org.mailledger.projection.layout;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.mailledger.projection.fold.Folds;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.progress.LayoutGroups;

/**
 * Everything that tells one lookup-table layout from another, for whatever handles layouts in
 * general: the processor set-up, migrations, progress, and a rebuild or verify that copies a
 * layout's tables into shadow tables, writes them with the layout's own writer and swaps them in.
 *
 * @param name as {@code mailledger.layouts}, the REST paths and the gauges' tag name it
 * @param tables the tables the writer keeps, parents first: what a rebuild copies and swaps, and
 *     what a reset empties (children first)
 * @param foreignKeys the foreign keys between those tables per dialect, which neither PostgreSQL's
 *     {@code LIKE ... INCLUDING ALL} nor MySQL's {@code CREATE TABLE ... LIKE} copies
 * @param views views over the tables that Postfix and Dovecot read instead of the tables (empty for
 *     most layouts), created by the layout's repeatable migration; on PostgreSQL a view is bound to
 *     the table it was created on, so a rebuild must drop them before the swap and run the
 *     migration again after it
 * @param writer the layout's writes for a dialect, into tables whose names carry the given prefix
 *     (empty for the live tables, {@code rebuild_} for a rebuild's shadow tables)
 * @param sequencing which events the layout's processor must apply in log order, one after the
 *     other (the same sequence identifier); events of different sequences run in parallel
 * @param folds the layout's in-memory fold of the log, written apart from the writer on purpose:
 *     what {@code ops verify} holds the live tables against and {@code ops export} writes
 * @param placeholders Flyway placeholders of the layout's migrations, e.g. a table prefix
 */
public record LayoutDescriptor(
    String name,
    List<String> tables,
    Map<Dialect, List<ForeignKey>> foreignKeys,
    List<String> views,
    WriterFactory writer,
    Supplier<SequencingPolicy<? super EventMessage<?>>> sequencing,
    Folds folds,
    Map<String, String> placeholders) {

  public LayoutDescriptor {
    tables = List.copyOf(tables);
    foreignKeys = Map.copyOf(foreignKeys);
    views = List.copyOf(views);
    placeholders = Map.copyOf(placeholders);
  }

  /** A foreign key from a child table's column to a parent table's column. */
  public record ForeignKey(
      String table, String column, String parent, String parentColumn, boolean cascade) {}

  /** Makes the layout's writer for a dialect and a table-name prefix. */
  @FunctionalInterface
  public interface WriterFactory {
    LayoutWriter create(Dialect dialect, String tablePrefix);
  }

  /** The Axon processing group, and the processor name in {@code layout_token_entry}. */
  public String group() {
    return LayoutGroups.of(name);
  }

  /** Where the layout's Flyway migrations for a dialect are. */
  public String migrations(Dialect dialect) {
    return "classpath:db/layout/" + name + "/" + dialect.folder();
  }

  /** The layout's own Flyway history table, so layouts share a database without clashing. */
  public String flywayHistoryTable() {
    return "flyway_layout_" + name + "_history";
  }

  public LayoutWriter writer(Dialect dialect) {
    return writer.create(dialect, "");
  }

  /** A new sequencing policy of this layout's processor. */
  public SequencingPolicy<? super EventMessage<?>> sequencingPolicy() {
    return sequencing.get();
  }
}
