package org.mailledger.projection.lookup;

import java.util.Collection;
import org.flywaydb.core.Flyway;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layout.Layouts;

/**
 * Runs a layout's Flyway migrations on the lookup database, with a history table of the layout's
 * own, so a layout can share a database with the event store or with other layouts.
 */
public final class LayoutMigrations {

  private LayoutMigrations() {}

  public static void migrate(LookupDatabase lookup, String layout) {
    migrate(lookup, Layouts.describe(layout, Layouts.DEFAULT_SETTINGS));
  }

  public static void migrate(LookupDatabase lookup, LayoutDescriptor layout) {
    Flyway.configure()
        .dataSource(lookup.dataSource())
        .locations(layout.migrations(lookup.dialect()))
        .table(layout.flywayHistoryTable())
        .placeholders(layout.placeholders())
        // The schema may hold the event store already; version 0 keeps V1 of the layout pending.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /**
   * Migrates every kept layout, mum first: its first migration creates the shared token table
   * without {@code IF NOT EXISTS}, while the later layouts' create it only where it is missing.
   * Idempotent and cheap once done, so each layout's set-up may call it.
   */
  public static synchronized void migrateKept(
      LookupDatabase lookup, Collection<LayoutDescriptor> kept) {
    for (LayoutDescriptor layout : Layouts.inMigrationOrder(kept)) {
      migrate(lookup, layout);
    }
  }
}
