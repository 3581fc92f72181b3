package org.mailledger.projection.rebuild;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mailledger.projection.lookup.Dialect;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What other tools keep in the lookup database that points at a layout's tables: PostfixAdmin's
 * {@code vacation} has a foreign key to {@code domain}, an operator may add a table or a view of
 * their own. A swap renames the live tables aside and drops them; a foreign key would follow the
 * renamed table (and keep it from being dropped), and on PostgreSQL a view would too. So the swap
 * takes the foreign keys off the old tables and puts them on the new ones, after checking that the
 * new tables have every row they point at; a view it cannot re-point stops the rebuild before it
 * starts, naming the view.
 */
final class OutsideReferences {

  /**
   * A foreign key from a table outside the layout to one of its tables.
   *
   * @param definition PostgreSQL's own text of the constraint ({@code pg_get_constraintdef}), which
   *     names the parent by name and so points at whatever table has that name when it runs
   */
  record ForeignKey(
      String table,
      String name,
      List<String> columns,
      String parent,
      List<String> parentColumns,
      String onDelete,
      String onUpdate,
      String definition) {

    @Override
    public String toString() {
      return "foreign key "
          + name
          + " of table "
          + table
          + " ("
          + String.join(", ", columns)
          + ") to "
          + parent
          + " ("
          + String.join(", ", parentColumns)
          + ")";
    }
  }

  private final JdbcTemplate jdbc;
  private final Dialect dialect;
  private final List<String> tables;
  private final List<String> ownViews;

  OutsideReferences(JdbcTemplate jdbc, Dialect dialect, RebuildLayout layout) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.tables = layout.tables();
    this.ownViews = layout.views();
  }

  /** The foreign keys from tables outside the layout (shadow tables aside) into its live tables. */
  List<ForeignKey> foreignKeys() {
    List<Object> args = new ArrayList<>(tables);
    args.addAll(tables);
    return dialect == Dialect.POSTGRESQL
        ? jdbc.query(
            """
            SELECT child.relname, c.conname, parent.relname, pg_get_constraintdef(c.oid),
              (SELECT string_agg(a.attname, ',' ORDER BY k.n)
                 FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
              (SELECT string_agg(a.attname, ',' ORDER BY k.n)
                 FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum)
            FROM pg_constraint c
            JOIN pg_class child ON child.oid = c.conrelid
            JOIN pg_class parent ON parent.oid = c.confrelid
            WHERE c.contype = 'f'
              AND parent.relnamespace = current_schema()::regnamespace
              AND parent.relname IN (%s)
              AND child.relname NOT IN (%s)
            ORDER BY child.relname, c.conname
            """
                .formatted(marks(), marks()),
            (rs, i) ->
                new ForeignKey(
                    rs.getString(1),
                    rs.getString(2),
                    List.of(rs.getString(5).split(",")),
                    rs.getString(3),
                    List.of(rs.getString(6).split(",")),
                    null,
                    null,
                    rs.getString(4)),
            args.toArray())
        : jdbc.query(
            """
            SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_NAME,
              GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION),
              GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION),
              r.DELETE_RULE, r.UPDATE_RULE
            FROM information_schema.KEY_COLUMN_USAGE k
            JOIN information_schema.REFERENTIAL_CONSTRAINTS r
              ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
             AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
             AND r.TABLE_NAME = k.TABLE_NAME
            WHERE k.TABLE_SCHEMA = DATABASE()
              AND k.REFERENCED_TABLE_SCHEMA = DATABASE()
              AND k.REFERENCED_TABLE_NAME IN (%s)
              AND k.TABLE_NAME NOT IN (%s)
            GROUP BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_NAME,
              r.DELETE_RULE, r.UPDATE_RULE
            ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME
            """
                .formatted(marks(), marks()),
            (rs, i) ->
                new ForeignKey(
                    rs.getString(1),
                    rs.getString(2),
                    List.of(rs.getString(4).split(",")),
                    rs.getString(3),
                    List.of(rs.getString(5).split(",")),
                    rs.getString(6),
                    rs.getString(7),
                    null),
            args.toArray());
  }

  /**
   * PostgreSQL's views over the layout's tables that are not the layout's own: a view is bound to
   * the table it was made on, so the old table could not be dropped. MySQL resolves a view's tables
   * by name at each query, so there a view follows the swap by itself.
   */
  List<String> foreignViews() {
    if (dialect != Dialect.POSTGRESQL) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(tables);
    List<String> views =
        jdbc.queryForList(
            """
            SELECT DISTINCT v.relname
            FROM pg_depend d
            JOIN pg_rewrite r ON r.oid = d.objid
            JOIN pg_class v ON v.oid = r.ev_class
            JOIN pg_class t ON t.oid = d.refobjid
            WHERE d.classid = 'pg_rewrite'::regclass
              AND d.refclassid = 'pg_class'::regclass
              AND t.relnamespace = current_schema()::regnamespace
              AND t.relname IN (%s)
              AND v.oid <> t.oid
            ORDER BY v.relname
            """
                .formatted(marks()),
            String.class,
            args.toArray());
    List<String> foreign = new ArrayList<>(views);
    foreign.removeAll(ownViews);
    return Collections.unmodifiableList(foreign);
  }

  /** Refuses a rebuild that could not swap, before any work, naming what is in the way. */
  void requireNoForeignViews() {
    List<String> views = foreignViews();
    if (!views.isEmpty()) {
      throw new IllegalStateException(
          "view "
              + String.join(", ", views)
              + " of another tool reads the layout's tables; PostgreSQL binds a view to the table"
              + " it was made on, so the old tables could not be dropped after the swap. Drop the"
              + " view, rebuild, and create it again");
    }
  }

  /**
   * How many rows of the key's table point at a row that the shadow table of its parent lacks:
   * those the key would refuse once the shadow table is the live one.
   */
  long rowsWithoutParentIn(ForeignKey key, String parentPrefix) {
    StringBuilder match = new StringBuilder();
    StringBuilder present = new StringBuilder();
    for (int i = 0; i < key.columns().size(); i++) {
      String and = i == 0 ? "" : " AND ";
      match.append(and).append("p.").append(quote(key.parentColumns().get(i)));
      match.append(" = c.").append(quote(key.columns().get(i)));
      present.append(and).append("c.").append(quote(key.columns().get(i))).append(" IS NOT NULL");
    }
    Long rows =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM "
                + quote(key.table())
                + " c WHERE "
                + present
                + " AND NOT EXISTS (SELECT 1 FROM "
                + quote(parentPrefix + key.parent())
                + " p WHERE "
                + match
                + ")",
            Long.class);
    return rows == null ? 0 : rows;
  }

  void drop(ForeignKey key) {
    jdbc.execute(
        dialect == Dialect.POSTGRESQL
            ? "ALTER TABLE " + quote(key.table()) + " DROP CONSTRAINT " + quote(key.name())
            : "ALTER TABLE " + quote(key.table()) + " DROP FOREIGN KEY " + quote(key.name()));
  }

  /** The key again, on whatever table now has its parent's name. */
  void add(ForeignKey key) {
    String columns = String.join(", ", key.columns().stream().map(this::quote).toList());
    String parentColumns =
        String.join(", ", key.parentColumns().stream().map(this::quote).toList());
    jdbc.execute(
        dialect == Dialect.POSTGRESQL
            ? "ALTER TABLE "
                + quote(key.table())
                + " ADD CONSTRAINT "
                + quote(key.name())
                + " "
                + key.definition()
            : "ALTER TABLE "
                + quote(key.table())
                + " ADD CONSTRAINT "
                + quote(key.name())
                + " FOREIGN KEY ("
                + columns
                + ") REFERENCES "
                + quote(key.parent())
                + " ("
                + parentColumns
                + ") ON DELETE "
                + key.onDelete()
                + " ON UPDATE "
                + key.onUpdate());
  }

  String quote(String identifier) {
    return dialect == Dialect.POSTGRESQL
        ? '"' + identifier.replace("\"", "\"\"") + '"'
        : '`' + identifier.replace("`", "``") + '`';
  }

  private String marks() {
    return String.join(", ", Collections.nCopies(tables.size(), "?"));
  }
}
