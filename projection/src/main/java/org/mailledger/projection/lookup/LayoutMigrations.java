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
    boolean mum = layout.name().equals("mum");
    if (mum) {
      setAsideSharedTokens(lookup);
    }
    flyway(lookup, layout);
    if (mum) {
      takeBackSharedTokens(lookup);
    }
  }

  private static void flyway(LookupDatabase lookup, LayoutDescriptor layout) {
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

  private static final String ASIDE = "layout_token_entry_aside";

  /**
   * mum's first migration creates the token table all layouts share, without {@code IF NOT EXISTS}:
   * where another layout was kept first and created it, the table is set aside while that migration
   * runs, and its rows taken back after it.
   */
  private static void setAsideSharedTokens(LookupDatabase lookup) {
    if (!exists(lookup, "domains")
        && exists(lookup, "layout_token_entry")
        && !exists(lookup, ASIDE)) {
      lookup
          .jdbc()
          .execute(
              lookup.dialect() == Dialect.POSTGRESQL
                  ? "ALTER TABLE layout_token_entry RENAME TO " + ASIDE
                  : "RENAME TABLE layout_token_entry TO " + ASIDE);
    }
  }

  /** Also finishes what a crash between the two steps left behind. */
  private static void takeBackSharedTokens(LookupDatabase lookup) {
    if (exists(lookup, ASIDE) && exists(lookup, "layout_token_entry")) {
      lookup
          .jdbc()
          .update(
              "INSERT INTO layout_token_entry (processor_name, segment, token, token_type,"
                  + " timestamp, owner) SELECT processor_name, segment, token, token_type,"
                  + " timestamp, owner FROM "
                  + ASIDE
                  + " a WHERE NOT EXISTS (SELECT 1 FROM layout_token_entry t WHERE"
                  + " t.processor_name = a.processor_name AND t.segment = a.segment)");
      lookup.jdbc().execute("DROP TABLE " + ASIDE);
    }
  }

  private static boolean exists(LookupDatabase lookup, String table) {
    try {
      lookup.jdbc().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0", Long.class);
      return true;
    } catch (org.springframework.dao.DataAccessException e) {
      return false;
    }
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
