package org.mailledger.projection.layout;

import java.util.Collection;
import org.flywaydb.core.Flyway;
import org.mailledger.projection.lookup.LookupDatabase;

/**
 * Runs the lookup database's Flyway migrations: first the tables every layout shares ({@code
 * db/layout/shared}: tokens, processing errors, rebuild progress), then a layout's own. Each has a
 * history table of its own, so the layouts share a database with each other and with the event
 * store, and may be kept in any order, or added later.
 */
public final class LayoutMigrations {

  /** The history of the shared tables' migrations. */
  static final String SHARED_HISTORY = "flyway_layout_shared_history";

  private LayoutMigrations() {}

  /** The shared tables, then the layout's. */
  public static void migrate(LookupDatabase lookup, LayoutDescriptor layout) {
    migrateShared(lookup);
    migrateOwn(lookup, layout);
  }

  /**
   * The shared tables only, for tools that use them on a database the app has migrated (a rebuild
   * records its progress there) but keep no layout of their own.
   */
  public static void migrateShared(LookupDatabase lookup) {
    flyway(lookup, "classpath:db/layout/shared/" + lookup.dialect().folder(), SHARED_HISTORY)
        .load()
        .migrate();
  }

  /**
   * Migrates the shared tables and every kept layout, in the order given. Idempotent and cheap once
   * done.
   */
  public static synchronized void migrateKept(
      LookupDatabase lookup, Collection<LayoutDescriptor> kept) {
    migrateShared(lookup);
    for (LayoutDescriptor layout : kept) {
      migrateOwn(lookup, layout);
    }
  }

  private static void migrateOwn(LookupDatabase lookup, LayoutDescriptor layout) {
    SharedTablesHandover.apply(lookup, layout.name(), layout.flywayHistoryTable());
    flyway(lookup, layout.migrations(lookup.dialect()), layout.flywayHistoryTable())
        .placeholders(layout.placeholders())
        .load()
        .migrate();
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
      LookupDatabase lookup, String location, String history) {
    return Flyway.configure()
        .dataSource(lookup.dataSource())
        .locations(location)
        .table(history)
        // The schema may hold the event store or other layouts already; version 0 keeps V1 pending.
        .baselineOnMigrate(true)
        .baselineVersion("0");
  }
}
