package org.mailledger.projection.layout;

import java.util.List;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.lookup.LookupDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands databases migrated before {@code db/layout/shared} existed over to it. Their layouts'
 * histories hold migrations that created the shared tables themselves; those migrations were edited
 * to leave the tables to the shared location, which Flyway would refuse as a changed checksum.
 * Before a layout migrates, the history row of each edited migration gets the new checksum, only
 * where it holds exactly the checksum of the file as it was: any other difference still fails
 * Flyway's validation, as it should. Both values are Flyway's own, and LayoutMigrationsTest checks
 * them against the files before and after.
 */
final class SharedTablesHandover {

  private static final Logger log = LoggerFactory.getLogger(SharedTablesHandover.class);

  /** A migration edited to leave the shared tables out, with its checksum before and after. */
  record Edited(String layout, Dialect dialect, String version, int before, int after) {}

  static final List<Edited> EDITED =
      List.of(
          new Edited("mum", Dialect.POSTGRESQL, "1", 778324389, -761373514),
          new Edited("mum", Dialect.POSTGRESQL, "3", 1628890209, 1712878836),
          new Edited("mum", Dialect.MYSQL, "1", -2055820962, 2146213066),
          new Edited("mum", Dialect.MYSQL, "3", 1799556242, 1712878836),
          new Edited("postfixadmin", Dialect.POSTGRESQL, "1", -605028183, -807480285),
          new Edited("postfixadmin", Dialect.POSTGRESQL, "2", 1656826491, 1712878836),
          new Edited("postfixadmin", Dialect.MYSQL, "1", 1275345187, 876547545),
          new Edited("postfixadmin", Dialect.MYSQL, "2", -348186536, 1712878836),
          new Edited("dinomail", Dialect.POSTGRESQL, "1", -455449163, -1542333744),
          new Edited("dinomail", Dialect.POSTGRESQL, "2", 1656826491, 1712878836),
          new Edited("dinomail", Dialect.MYSQL, "1", 449003483, 621582688),
          new Edited("dinomail", Dialect.MYSQL, "2", -348186536, 1712878836));

  private SharedTablesHandover() {}

  static void apply(LookupDatabase lookup, String layout, String history) {
    if (!exists(lookup, history)) {
      return; // a layout migrated for the first time: its history starts with the files as they are
    }
    for (Edited edited : EDITED) {
      if (edited.layout().equals(layout) && edited.dialect() == lookup.dialect()) {
        int updated =
            lookup
                .jdbc()
                .update(
                    "UPDATE " + history + " SET checksum = ? WHERE version = ? AND checksum = ?",
                    edited.after(),
                    edited.version(),
                    edited.before());
        if (updated > 0) {
          log.info(
              "layout {}: migration V{} no longer creates the shared tables (db/layout/shared"
                  + " does); its recorded checksum updated",
              layout,
              edited.version());
        }
      }
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
}
