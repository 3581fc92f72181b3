package org.mailledger.projection.rebuild;

import java.util.List;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.lookup.WriteBatch;
import org.mailledger.projection.mum.MumLayoutProjection;
import org.mailledger.projection.mum.MumWriter;

/**
 * What the rebuild needs to know of a layout: its name, its processing group, its tables (parents
 * first) with the foreign keys between them, and its writer aimed at the shadow tables. The writer
 * is the live projection's own event-to-row logic, so a rebuild cannot drift from it.
 */
public record RebuildLayout(
    String name, String group, List<String> tables, List<ForeignKey> foreignKeys, Writer writer) {

  /** A foreign key between two of the layout's tables, child column to parent id. */
  public record ForeignKey(String table, String column, String parent, boolean cascade) {}

  /** The layout's writer: the writes of one event into a batch; false when it ignores it. */
  @FunctionalInterface
  public interface Writer {
    boolean apply(Object event, WriteBatch batch);

    /** Called on each new batch, before any event, inside its transaction. */
    default void prepare(org.springframework.jdbc.core.JdbcTemplate jdbc, WriteBatch batch) {}
  }

  public static RebuildLayout mum(Dialect dialect) {
    MumWriter writer = new MumWriter(dialect, ShadowTables.PREFIX);
    return new RebuildLayout(
        "mum",
        MumLayoutProjection.GROUP,
        MumWriter.TABLES,
        List.of(
            new ForeignKey("mailboxes", "domain_id", "domains", false),
            new ForeignKey("aliases", "domain_id", "domains", false),
            new ForeignKey("alias_recipients", "alias_id", "aliases", true),
            new ForeignKey("alias_senders", "alias_id", "aliases", true)),
        new Writer() {
          @Override
          public boolean apply(Object event, WriteBatch batch) {
            return writer.apply(event, batch);
          }

          @Override
          public void prepare(org.springframework.jdbc.core.JdbcTemplate jdbc, WriteBatch batch) {
            writer.prepare(jdbc, batch);
          }
        });
  }
}
