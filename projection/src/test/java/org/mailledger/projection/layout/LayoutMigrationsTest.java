package org.mailledger.projection.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.schema.eventstore.EventStoreDialect;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/**
 * A layout's tables come from its own migrations, after the tables every layout shares, beside the
 * event store or on their own, with the layouts kept in any order or added later; databases
 * migrated before the shared tables had a location of their own are handed over to it.
 */
class LayoutMigrationsTest {

  /** The layout migrations as they were before db/layout/shared, copied as test resources. */
  private static final String BEFORE = "classpath:db/layout-before-shared/";

  private static final List<String> SHARED =
      List.of("layout_token_entry", "layout_processing_error", "layout_rebuild_progress");

  /** A table only the layout's own migrations create, one per layout. */
  private static final Map<String, String> OWN_TABLE =
      Map.of(
          "mum", "mailboxes", "postfixadmin", "alias_domain", "dinomail", "dinomail_virtualalias");

  private static LookupDatabase fresh(Dialect dialect) {
    TestDatabase database =
        dialect == Dialect.POSTGRESQL ? TestDatabases.postgres() : TestDatabases.mysql();
    LookupDatabase lookup = new LookupDatabase(database.dataSource());
    assertThat(lookup.dialect()).isEqualTo(dialect);
    return lookup;
  }

  private static LayoutDescriptor layout(String name) {
    return Layouts.describe(name, Layouts.DEFAULT_SETTINGS);
  }

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
    LookupDatabase lookup = fresh(Dialect.POSTGRESQL);
    Layouts.migrate(lookup, "mum");
    assertThat(tables(lookup, "mailboxes")).isEqualTo(1);
    for (String shared : SHARED) {
      assertThat(tables(lookup, shared)).as(shared).isEqualTo(1);
    }
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
    Layouts.migrate(lookup, "mum");
    Layouts.migrate(lookup, "mum");
    assertThat(tables(lookup, "domain_event_entry")).isEqualTo(1);
    assertThat(tables(lookup, "domains")).isEqualTo(1);
    assertThat(tables(lookup, "layout_rebuild_progress")).isEqualTo(1);
  }

  @Test
  void migratesMariaDb() {
    LookupDatabase lookup = fresh(Dialect.MYSQL);
    Layouts.migrate(lookup, "mum");
    assertThat(tables(lookup, "alias_senders")).isEqualTo(1);
    for (String shared : SHARED) {
      assertThat(tables(lookup, shared)).as(shared).isEqualTo(1);
    }
  }

  static Stream<Arguments> everyOrder() {
    List<List<String>> orders =
        List.of(
            List.of("mum", "postfixadmin", "dinomail"),
            List.of("mum", "dinomail", "postfixadmin"),
            List.of("postfixadmin", "mum", "dinomail"),
            List.of("postfixadmin", "dinomail", "mum"),
            List.of("dinomail", "mum", "postfixadmin"),
            List.of("dinomail", "postfixadmin", "mum"));
    return Stream.of(Dialect.values())
        .flatMap(dialect -> orders.stream().map(order -> Arguments.of(dialect, order)));
  }

  /**
   * Layouts added one after another, as an operator extends {@code mailledger.layouts} over time
   * (postfixadmin alone, then mum beside it...): each start migrates what is kept then, and the
   * tokens of the layouts kept before stay.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyOrder")
  void layoutsAddedOneByOneInEveryOrder(Dialect dialect, List<String> order) {
    LookupDatabase lookup = fresh(dialect);
    List<LayoutDescriptor> kept = new ArrayList<>();
    for (String name : order) {
      kept.add(layout(name));
      LayoutMigrations.migrateKept(lookup, kept);
      token(lookup, name);
    }
    for (String name : order) {
      assertThat(tables(lookup, OWN_TABLE.get(name))).as(OWN_TABLE.get(name)).isEqualTo(1);
    }
    for (String shared : SHARED) {
      assertThat(tables(lookup, shared)).as(shared).isEqualTo(1);
    }
    assertThat(tokenOwners(lookup))
        .containsOnlyKeys("layout-mum", "layout-postfixadmin", "layout-dinomail")
        .allSatisfy((group, owner) -> assertThat(owner).isEqualTo("node-of-" + group));
  }

  /** Flyway's own checksums of the edited migrations, before the edit and after. */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void handoverChecksumsAreFlywaysOwn(Dialect dialect) {
    LookupDatabase before = fresh(dialect);
    LookupDatabase after = fresh(dialect);
    for (String name : Layouts.NAMES) {
      migrateBefore(before, name);
      Layouts.migrate(after, name);
    }
    Map<String, Integer> expectedBefore = new LinkedHashMap<>();
    Map<String, Integer> actualBefore = new LinkedHashMap<>();
    Map<String, Integer> expectedAfter = new LinkedHashMap<>();
    Map<String, Integer> actualAfter = new LinkedHashMap<>();
    for (SharedTablesHandover.Edited edited : SharedTablesHandover.EDITED) {
      if (edited.dialect() == dialect) {
        String key = edited.layout() + " V" + edited.version();
        expectedBefore.put(key, edited.before());
        actualBefore.put(key, checksum(before, edited.layout(), edited.version()));
        expectedAfter.put(key, edited.after());
        actualAfter.put(key, checksum(after, edited.layout(), edited.version()));
      }
    }
    assertThat(actualBefore).as("before").hasSize(6).isEqualTo(expectedBefore);
    assertThat(actualAfter).as("after").isEqualTo(expectedAfter);
  }

  /**
   * A database that kept all three layouts (mum first, as the old code ordered them), with tokens,
   * a processing error and an interrupted rebuild's progress, migrated with the files as they were,
   * then with the current files: every history validates, every row stays.
   */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void databaseMigratedBeforeTheSharedLocationIsHandedOver(Dialect dialect) {
    LookupDatabase lookup = fresh(dialect);
    for (String name : Layouts.NAMES) {
      migrateBefore(lookup, name);
      token(lookup, name);
    }
    // The old rebuild created its progress table from Java, exactly so.
    lookup
        .jdbc()
        .execute(
            "CREATE TABLE IF NOT EXISTS layout_rebuild_progress (layout VARCHAR(64) NOT NULL"
                + " PRIMARY KEY, position BIGINT NOT NULL, token_type VARCHAR(255) NOT NULL, token "
                + (dialect == Dialect.POSTGRESQL ? "TEXT" : "LONGTEXT")
                + " NOT NULL, updated VARCHAR(64) NOT NULL)");
    lookup
        .jdbc()
        .update(
            "INSERT INTO layout_rebuild_progress (layout, position, token_type, token, updated)"
                + " VALUES ('mum', 42, 't', '{}', 'then')");
    lookup
        .jdbc()
        .update(
            "INSERT INTO layout_processing_error (processor_name, segment, position, event_type,"
                + " message, first_failed, last_failed, attempts) VALUES ('layout-mum', 0, 7, 'E',"
                + " 'failed', 'then', 'then', 3)");

    List<LayoutDescriptor> all = Layouts.NAMES.stream().map(LayoutMigrationsTest::layout).toList();
    LayoutMigrations.migrateKept(lookup, all);
    LayoutMigrations.migrateKept(lookup, all);

    for (SharedTablesHandover.Edited edited : SharedTablesHandover.EDITED) {
      if (edited.dialect() == dialect) {
        assertThat(checksum(lookup, edited.layout(), edited.version()))
            .as(edited.layout() + " V" + edited.version())
            .isEqualTo(edited.after());
      }
    }
    assertThat(failedOrPending(lookup)).isEmpty();
    assertThat(tokenOwners(lookup)).hasSize(3);
    assertThat(
            lookup
                .jdbc()
                .queryForObject(
                    "SELECT position FROM layout_rebuild_progress WHERE layout = 'mum'",
                    Long.class))
        .isEqualTo(42);
    assertThat(
            lookup
                .jdbc()
                .queryForObject("SELECT attempts FROM layout_processing_error", Integer.class))
        .isEqualTo(3);
  }

  /**
   * postfixadmin kept alone with the old files (its V1 created the token table), then mum added
   * with the current ones: the case the old code set the token table aside for.
   */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void mumAddedAfterAnOldPostfixAdmin(Dialect dialect) {
    LookupDatabase lookup = fresh(dialect);
    migrateBefore(lookup, "postfixadmin");
    token(lookup, "postfixadmin");

    LayoutMigrations.migrateKept(lookup, List.of(layout("postfixadmin"), layout("mum")));

    assertThat(tables(lookup, "mailboxes")).isEqualTo(1);
    assertThat(failedOrPending(lookup)).isEmpty();
    token(lookup, "mum");
    assertThat(tokenOwners(lookup))
        .containsOnlyKeys("layout-mum", "layout-postfixadmin")
        .allSatisfy((group, owner) -> assertThat(owner).isEqualTo("node-of-" + group));
  }

  /** Only the exact old checksum is replaced: a migration changed otherwise still fails. */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void anyOtherChecksumStillFailsValidation(Dialect dialect) {
    LookupDatabase lookup = fresh(dialect);
    migrateBefore(lookup, "mum");
    lookup.jdbc().update("UPDATE flyway_layout_mum_history SET checksum = 42 WHERE version = '1'");

    assertThatThrownBy(() -> Layouts.migrate(lookup, "mum"))
        .isInstanceOf(FlywayValidateException.class);
    assertThat(checksum(lookup, "mum", "1")).isEqualTo(42);
  }

  /** What the old LayoutMigrations ran for a layout (mum kept first, so nothing set aside). */
  private static void migrateBefore(LookupDatabase lookup, String name) {
    LayoutDescriptor layout = layout(name);
    Flyway.configure()
        .dataSource(lookup.dataSource())
        .locations(BEFORE + name + "/" + lookup.dialect().folder())
        .table(layout.flywayHistoryTable())
        .placeholders(layout.placeholders())
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  private static void token(LookupDatabase lookup, String layout) {
    lookup
        .jdbc()
        .update(
            "INSERT INTO layout_token_entry (processor_name, segment, owner) VALUES (?, 0, ?)",
            "layout-" + layout,
            "node-of-layout-" + layout);
  }

  private static Map<String, String> tokenOwners(LookupDatabase lookup) {
    Map<String, String> owners = new LinkedHashMap<>();
    lookup
        .jdbc()
        .query(
            "SELECT processor_name, owner FROM layout_token_entry ORDER BY processor_name",
            rs -> {
              owners.put(rs.getString(1), rs.getString(2));
            });
    return owners;
  }

  private static Integer checksum(LookupDatabase lookup, String layout, String version) {
    return lookup
        .jdbc()
        .queryForObject(
            "SELECT checksum FROM " + layout(layout).flywayHistoryTable() + " WHERE version = ?",
            Integer.class,
            version);
  }

  /** Migrations that failed, or are not applied: empty when every history is complete. */
  private static List<String> failedOrPending(LookupDatabase lookup) {
    List<String> wrong = new ArrayList<>();
    List<String> histories = new ArrayList<>(List.of(LayoutMigrations.SHARED_HISTORY));
    for (String name : Layouts.NAMES) {
      if (tables(lookup, layout(name).flywayHistoryTable()) == 1) {
        histories.add(layout(name).flywayHistoryTable());
      }
    }
    for (String history : histories) {
      wrong.addAll(
          lookup
              .jdbc()
              .queryForList("SELECT script FROM " + history + " WHERE NOT success", String.class));
    }
    for (String name : Layouts.NAMES) {
      LayoutDescriptor layout = layout(name);
      if (tables(lookup, layout.flywayHistoryTable()) == 1) {
        for (var info :
            Flyway.configure()
                .dataSource(lookup.dataSource())
                .locations(layout.migrations(lookup.dialect()))
                .table(layout.flywayHistoryTable())
                .placeholders(layout.placeholders())
                .load()
                .info()
                .pending()) {
          wrong.add(name + " " + info.getScript() + " pending");
        }
      }
    }
    if (!lookup
        .jdbc()
        .queryForList(
            "SELECT script FROM " + LayoutMigrations.SHARED_HISTORY + " WHERE success",
            String.class)
        .contains("V1__shared_layout_tables.sql")) {
      wrong.add("shared V1 not applied");
    }
    return wrong;
  }
}
