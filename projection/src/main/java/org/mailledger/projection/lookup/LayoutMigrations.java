package org.mailledger.projection.lookup;

import org.flywaydb.core.Flyway;

/**
 * Runs a layout's Flyway migrations on the lookup database, with a history table of the layout's
 * own, so a layout can share a database with the event store or with other layouts.
 */
public final class LayoutMigrations {

  private LayoutMigrations() {}

  public static void migrate(LookupDatabase lookup, String layout) {
    Flyway.configure()
        .dataSource(lookup.dataSource())
        .locations("classpath:db/layout/" + layout + "/" + lookup.dialect().folder())
        .table("flyway_layout_" + layout + "_history")
        // The schema may hold the event store already; version 0 keeps V1 of the layout pending.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
