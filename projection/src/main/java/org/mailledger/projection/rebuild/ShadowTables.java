package org.mailledger.projection.rebuild;

import java.util.ArrayList;
import java.util.List;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.rebuild.RebuildLayout.ForeignKey;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The DDL of a rebuild: shadow copies of the live tables, and the swap. Neither PostgreSQL's {@code
 * LIKE ... INCLUDING ALL} nor MySQL's {@code CREATE TABLE ... LIKE} copies foreign keys, so they
 * are added here between the shadow tables: after the swap the live tables keep the constraints the
 * migrations gave them, and the shadow writes are checked like the live ones.
 */
final class ShadowTables {

  static final String PREFIX = "rebuild_";
  static final String OLD = "rebuild_old_";

  private final JdbcTemplate jdbc;
  private final Dialect dialect;
  private final List<String> tables;
  private final List<ForeignKey> foreignKeys;

  /**
   * @param tables the layout's tables, parents first
   */
  ShadowTables(
      JdbcTemplate jdbc, Dialect dialect, List<String> tables, List<ForeignKey> foreignKeys) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.tables = tables;
    this.foreignKeys = foreignKeys;
  }

  boolean exist() {
    for (String table : tables) {
      try {
        jdbc.queryForObject("SELECT COUNT(*) FROM " + PREFIX + table + " WHERE 1 = 0", Long.class);
      } catch (org.springframework.dao.DataAccessException e) {
        return false;
      }
    }
    return true;
  }

  void create() {
    drop(PREFIX);
    drop(OLD);
    for (String table : tables) {
      jdbc.execute(
          dialect == Dialect.POSTGRESQL
              ? "CREATE TABLE " + PREFIX + table + " (LIKE " + table + " INCLUDING ALL)"
              : "CREATE TABLE " + PREFIX + table + " LIKE " + table);
    }
    // MySQL's constraint names are unique per database, and the live tables keep the names of
    // the rebuild that made them: a suffix of the clock keeps the next rebuild's names apart.
    String suffix = Long.toString(System.currentTimeMillis(), 36);
    for (ForeignKey key : foreignKeys) {
      jdbc.execute(
          "ALTER TABLE "
              + PREFIX
              + key.table()
              + " ADD CONSTRAINT "
              + key.table()
              + "_"
              + key.column()
              + "_"
              + suffix
              + " FOREIGN KEY ("
              + key.column()
              + ") REFERENCES "
              + PREFIX
              + key.parent()
              + " (id)"
              + (key.cascade() ? " ON DELETE CASCADE" : ""));
    }
  }

  /**
   * The columns of each shadow table that a unique index covers, by prefixed table name: an update
   * of one of them cannot be folded with the writes around it (see {@link CoalescingBatch}).
   */
  java.util.Map<String, java.util.Set<String>> uniqueColumns() {
    java.util.Map<String, java.util.Set<String>> unique = new java.util.HashMap<>();
    jdbc.execute(
        (org.springframework.jdbc.core.ConnectionCallback<Void>)
            connection -> {
              var meta = connection.getMetaData();
              for (String table : tables) {
                String name = PREFIX + table;
                java.util.Set<String> columns = new java.util.HashSet<>();
                try (var rs = meta.getIndexInfo(connection.getCatalog(), null, name, true, false)) {
                  while (rs.next()) {
                    String column = rs.getString("COLUMN_NAME");
                    if (column != null) {
                      columns.add(column.toLowerCase(java.util.Locale.ROOT));
                    }
                  }
                }
                unique.put(name, columns);
              }
              return null;
            });
    return unique;
  }

  /** Drops the tables with that prefix that exist, children first. */
  void drop(String prefix) {
    for (String table : reversed()) {
      jdbc.execute("DROP TABLE IF EXISTS " + prefix + table);
    }
  }

  /**
   * Puts the shadow tables in place of the live ones. On PostgreSQL the renames run in the caller's
   * transaction, so readers see the old tables or the new ones, never none; MySQL has no
   * transactional DDL, but one RENAME TABLE statement with every pair is atomic.
   */
  void swap() {
    if (dialect == Dialect.POSTGRESQL) {
      // All locks first, and NOWAIT: a reader joins the tables in its own order, so waiting for
      // one lock while holding another can deadlock with it, and PostgreSQL may then abort the
      // reader. Never waiting while holding, we fail instead and the caller retries.
      jdbc.execute("LOCK TABLE " + String.join(", ", tables) + " IN ACCESS EXCLUSIVE MODE NOWAIT");
      for (String table : tables) {
        jdbc.execute("ALTER TABLE " + table + " RENAME TO " + OLD + table);
        jdbc.execute("ALTER TABLE " + PREFIX + table + " RENAME TO " + table);
      }
    } else {
      List<String> pairs = new ArrayList<>();
      for (String table : tables) {
        pairs.add(table + " TO " + OLD + table);
        pairs.add(PREFIX + table + " TO " + table);
      }
      jdbc.execute("RENAME TABLE " + String.join(", ", pairs));
    }
    drop(OLD);
  }

  private List<String> reversed() {
    List<String> reversed = new ArrayList<>(tables);
    java.util.Collections.reverse(reversed);
    return reversed;
  }
}
