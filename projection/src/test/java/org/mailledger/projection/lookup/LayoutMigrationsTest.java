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
}
