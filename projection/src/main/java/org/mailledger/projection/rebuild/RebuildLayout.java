package org.mailledger.projection.rebuild;

import java.util.List;
import java.util.Map;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layout.LayoutDescriptor.ForeignKey;
import org.mailledger.projection.layout.LayoutWriter;
import org.mailledger.projection.lookup.Dialect;

/**
 * What the rebuild needs to know of a layout: its name, its processing group, its tables (parents
 * first) with the foreign keys between them, the views Postfix reads over them, and its writer
 * aimed at the shadow tables. The writer is the live projection's own event-to-row logic, so a
 * rebuild cannot drift from it. Only these tables are copied and swapped: the layout's other Flyway
 * tables (the shared {@code layout_token_entry} and {@code layout_processing_error}, its Flyway
 * history) stay where they are.
 *
 * @param views the views over the tables, which a PostgreSQL swap must point at the new tables
 * @param viewScripts the layout's repeatable migrations ({@code R__*.sql}) that create those views,
 *     as classpath locations, and the placeholders they take
 */
public record RebuildLayout(
    String name,
    String group,
    List<String> tables,
    List<ForeignKey> foreignKeys,
    List<String> views,
    ViewScripts viewScripts,
    LayoutWriter writer) {

  public RebuildLayout {
    tables = List.copyOf(tables);
    foreignKeys = List.copyOf(foreignKeys);
    views = List.copyOf(views);
  }

  /** Where a layout's view-creating migrations are, and their Flyway placeholders. */
  public record ViewScripts(String location, Map<String, String> placeholders) {
    public ViewScripts {
      placeholders = Map.copyOf(placeholders);
    }
  }

  /** The rebuild of a layout in a dialect, its writer aimed at the shadow tables. */
  public static RebuildLayout of(LayoutDescriptor layout, Dialect dialect) {
    return new RebuildLayout(
        layout.name(),
        layout.group(),
        layout.tables(),
        layout.foreignKeys().getOrDefault(dialect, List.of()),
        layout.views(),
        new ViewScripts(layout.migrations(dialect), layout.placeholders()),
        layout.writer().create(dialect, ShadowTables.PREFIX));
  }
}
