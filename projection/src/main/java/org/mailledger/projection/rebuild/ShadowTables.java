package org.mailledger.projection.rebuild;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mailledger.projection.layout.LayoutDescriptor.ForeignKey;
import org.mailledger.projection.lookup.Dialect;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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
  private final List<String> views;
  private final RebuildLayout.ViewScripts viewScripts;
  private final OutsideReferences outside;

  ShadowTables(JdbcTemplate jdbc, Dialect dialect, RebuildLayout layout) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.tables = layout.tables();
    this.foreignKeys = layout.foreignKeys();
    this.views = layout.views();
    this.viewScripts = layout.viewScripts();
    this.outside = new OutsideReferences(jdbc, dialect, layout);
  }

  /** Fails, naming it, when something outside the layout would keep the swap from finishing. */
  void requireSwappable() {
    outside.requireNoForeignViews();
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
              + " ("
              + key.parentColumn()
              + ")"
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
   *
   * <p>Views: PostgreSQL binds a view to its tables' identities, not their names, so after the
   * renames the layout's views would still show the old tables (and keep them from being dropped).
   * The layout's own view migrations run again in the same transaction: {@code CREATE OR REPLACE
   * VIEW} keeps each view's identity and binds it to the new tables, so a reader sees the old
   * tables through the old views or the new through the new. MySQL resolves a view's tables by name
   * at every query, so there the renamed tables are what the views show.
   */
  void swap() {
    requireSwappable();
    List<OutsideReferences.ForeignKey> keys = outside.foreignKeys();
    requireParentsOf(keys);
    if (dialect == Dialect.POSTGRESQL) {
      // All locks first, and NOWAIT: a reader joins the tables in its own order, so waiting for
      // one lock while holding another can deadlock with it, and PostgreSQL may then abort the
      // reader. Never waiting while holding, we fail instead and the caller retries. The views
      // are locked with their tables, as a reader of a view locks the view first; other tools'
      // tables whose foreign keys move come last.
      List<String> locked = new ArrayList<>(views);
      locked.addAll(tables);
      keys.stream().map(k -> outside.quote(k.table())).distinct().forEach(locked::add);
      jdbc.execute("LOCK TABLE " + String.join(", ", locked) + " IN ACCESS EXCLUSIVE MODE NOWAIT");
      keys.forEach(outside::drop);
      for (String table : tables) {
        jdbc.execute("ALTER TABLE " + table + " RENAME TO " + OLD + table);
        jdbc.execute("ALTER TABLE " + PREFIX + table + " RENAME TO " + table);
      }
      // By name, so onto the new tables; in this transaction, so no reader sees them missing.
      keys.forEach(outside::add);
      if (!views.isEmpty()) {
        for (String script : viewScripts()) {
          jdbc.execute(script);
        }
      }
    } else {
      // InnoDB moves a foreign key with a renamed parent: taken off before the rename, put back
      // on the new tables after it. MySQL commits each of these statements on its own.
      keys.forEach(outside::drop);
      List<String> pairs = new ArrayList<>();
      for (String table : tables) {
        pairs.add(table + " TO " + OLD + table);
        pairs.add(PREFIX + table + " TO " + table);
      }
      try {
        jdbc.execute("RENAME TABLE " + String.join(", ", pairs));
      } catch (RuntimeException e) {
        keys.forEach(outside::add);
        throw e;
      }
      for (OutsideReferences.ForeignKey key : keys) {
        try {
          outside.add(key);
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              "the rebuilt tables are in place, but the "
                  + key
                  + " could not be put back on them: "
                  + e.getMessage(),
              e);
        }
      }
    }
    drop(OLD);
  }

  /**
   * Refuses the swap while another tool's table points at a row the rebuilt tables lack (e.g. a row
   * written to the live table behind the log's back): the foreign key could not be put back.
   */
  private void requireParentsOf(List<OutsideReferences.ForeignKey> keys) {
    for (OutsideReferences.ForeignKey key : keys) {
      long orphans = outside.rowsWithoutParentIn(key, PREFIX);
      if (orphans > 0) {
        throw new IllegalStateException(
            "the "
                + key
                + " holds "
                + orphans
                + " row(s) pointing at "
                + key.parent()
                + " rows that the log does not have (written to the live table outside"
                + " Mailledger?); the rebuilt tables would break that key, so they were not swapped"
                + " in. `ops verify --layout` names such rows");
      }
    }
  }

  /**
   * The layout's repeatable migrations as Flyway runs them (in name order, placeholders filled in),
   * each a script of {@code CREATE OR REPLACE VIEW} statements.
   */
  private List<String> viewScripts() {
    try {
      Resource[] found =
          new PathMatchingResourcePatternResolver()
              .getResources(
                  viewScripts.location().replace("classpath:", "classpath*:") + "/R__*.sql");
      java.util.Arrays.sort(found, java.util.Comparator.comparing(Resource::getFilename));
      List<String> scripts = new ArrayList<>();
      for (Resource resource : found) {
        String script = resource.getContentAsString(StandardCharsets.UTF_8);
        for (var placeholder : viewScripts.placeholders().entrySet()) {
          script = script.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
        }
        scripts.add(script);
      }
      if (scripts.isEmpty()) {
        throw new IllegalStateException(
            "no view migrations (R__*.sql) in " + viewScripts.location() + " for " + views);
      }
      return scripts;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read the view migrations: " + e.getMessage(), e);
    }
  }

  private List<String> reversed() {
    List<String> reversed = new ArrayList<>(tables);
    java.util.Collections.reverse(reversed);
    return reversed;
  }
}
