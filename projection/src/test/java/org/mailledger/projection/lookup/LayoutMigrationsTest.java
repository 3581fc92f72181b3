package org.mailledger.projection.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.mailledger.schema.eventstore.EventStoreDialect;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/** A layout's tables come from its own migrations, beside the event store or on their own. */
class LayoutMigrationsTest {

  private static long tables(LookupDatabase lookup, String name) {
    return lookup
        .jdbc()
        .queryForObject(
            "SELECT count(*) FROM information_schema.tables WHERE lower(table_name) = ? AND table_schema = "
                + (lookup.dialect() == Dialect.POSTGRESQL ? "'public'" : "database()"),
            Long.class,
            name);
  }

  @Test
  void migratesAnEmptyPostgresDatabase() {
    LookupDatabase lookup = new LookupDatabase(TestDatabases.postgres().dataSource());
    LayoutMigrations.migrate(lookup, "mum");
    assertThat(tables(lookup, "mailboxes")).isEqualTo(1);
    assertThat(tables(lookup, "layout_token_entry")).isEqualTo(1);
  }

  @Test
  void migratesBesideTheEventStore() {
    migratesBesideTheEventStore(TestDatabases.postgres(), EventStoreDialect.POSTGRESQL);
  }

  @Test
  void migratesBesideTheEventStoreOnMariaDb() {
    migratesBesideTheEventStore(TestDatabases.mysql(), EventStoreDialect.MYSQL);
  }

  private static void migratesBesideTheEventStore(
      TestDatabase database, EventStoreDialect dialect) {
    assertThat(EventStoreDialect.of(database.dataSource())).isEqualTo(dialect);
    Flyway.configure()
        .dataSource(database.dataSource())
        .locations(dialect.migrations())
        .load()
        .migrate();
    LookupDatabase lookup = new LookupDatabase(database.dataSource());
    LayoutMigrations.migrate(lookup, "mum");
    LayoutMigrations.migrate(lookup, "mum");
    assertThat(tables(lookup, "domain_event_entry")).isEqualTo(1);
    assertThat(tables(lookup, "domains")).isEqualTo(1);
  }

  @Test
  void migratesMariaDb() {
    LookupDatabase lookup = new LookupDatabase(TestDatabases.mysql().dataSource());
    assertThat(lookup.dialect()).isEqualTo(Dialect.MYSQL);
    LayoutMigrations.migrate(lookup, "mum");
    assertThat(tables(lookup, "alias_senders")).isEqualTo(1);
  }

  @Test
  void allThreeLayoutsShareOneDatabaseInEitherOrderOnPostgres() {
    mumKeptAfterTheOthers(new LookupDatabase(TestDatabases.postgres().dataSource()));
  }

  @Test
  void allThreeLayoutsShareOneDatabaseInEitherOrderOnMariaDb() {
    mumKeptAfterTheOthers(new LookupDatabase(TestDatabases.mysql().dataSource()));
  }

  /**
   * The drop-in layouts create the shared token table where mum has not: mum kept later still
   * migrates, and the tokens the others had stay.
   */
  private static void mumKeptAfterTheOthers(LookupDatabase lookup) {
    LayoutMigrations.migrate(lookup, "postfixadmin");
    LayoutMigrations.migrate(lookup, "dinomail");
    assertThat(tables(lookup, "alias_domain")).isEqualTo(1);
    assertThat(tables(lookup, "dinomail_virtualalias")).isEqualTo(1);
    lookup
        .jdbc()
        .update(
            "INSERT INTO layout_token_entry (processor_name, segment, owner) VALUES (?, 0, ?)",
            "layout-postfixadmin",
            "node-1");

    LayoutMigrations.migrate(lookup, "mum");
    LayoutMigrations.migrate(lookup, "mum");

    assertThat(tables(lookup, "mailboxes")).isEqualTo(1);
    assertThat(tables(lookup, "layout_token_entry_aside")).isZero();
    assertThat(
            lookup
                .jdbc()
                .queryForList(
                    "SELECT owner FROM layout_token_entry WHERE processor_name = ?",
                    String.class,
                    "layout-postfixadmin"))
        .containsExactly("node-1");
  }
}
