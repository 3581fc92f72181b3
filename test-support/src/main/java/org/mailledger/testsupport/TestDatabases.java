package org.mailledger.testsupport;

import java.util.EnumMap;
import java.util.Map;

/**
 * Fresh, empty databases for integration tests.
 *
 * <p>The server behind each dialect is found once per JVM, first match wins: env {@code
 * MAILLEDGER_TEST_PG_URL} / {@code MAILLEDGER_TEST_MYSQL_URL} (with optional {@code _USER} and
 * {@code _PASSWORD}); Testcontainers when a Docker engine answers; a local server on the default
 * port (PostgreSQL as {@code postgres} without password, MariaDB as {@code root} with an empty
 * password); for PostgreSQL only, embedded PostgreSQL. Every call then creates a new database named
 * {@code mltest_<random>}, so tests never see each other's data.
 *
 * <p>Tests that need "the event store's database" ask for {@link #eventStore()}: PostgreSQL, or
 * MySQL/MariaDB when env {@code MAILLEDGER_TEST_EVENTSTORE} (or system property {@code
 * mailledger.test.eventstore}) says {@code mysql}, so the same tests run on either engine ({@code
 * bin/test} runs them on both).
 */
public final class TestDatabases {

  // A failed resolution is kept too, so later tests fail fast with the same explanation instead
  // of each probing Docker and the ports again.
  private static final Map<Dialect, Object> resolved = new EnumMap<>(Dialect.class);

  private TestDatabases() {}

  /** A new empty PostgreSQL database. */
  public static TestDatabase postgres() {
    return server(Dialect.POSTGRESQL).createDatabase();
  }

  /** A new empty MySQL-dialect database (served by MariaDB unless configured otherwise). */
  public static TestDatabase mysql() {
    return server(Dialect.MYSQL).createDatabase();
  }

  /**
   * A new empty database for the event store (and whatever a test keeps beside it): PostgreSQL by
   * default, MySQL/MariaDB when {@link #eventStoreDialect()} is {@code mysql}.
   */
  public static TestDatabase eventStore() {
    return server(eventStoreEngine()).createDatabase();
  }

  /**
   * {@code "postgresql"} or {@code "mysql"}: the engine {@link #eventStore()} creates databases on,
   * from env {@code MAILLEDGER_TEST_EVENTSTORE} or system property {@code
   * mailledger.test.eventstore}; unset means PostgreSQL.
   */
  public static String eventStoreDialect() {
    return eventStoreEngine().id;
  }

  /**
   * {@code beside} itself when it is a PostgreSQL database, else a new PostgreSQL database: for
   * tests about PostgreSQL lookup tables that sit beside the event store when it is PostgreSQL too.
   */
  public static TestDatabase postgresBeside(TestDatabase beside) {
    return Dialect.POSTGRESQL.id.equals(beside.dialect()) ? beside : postgres();
  }

  /** The MySQL/MariaDB twin of {@link #postgresBeside}. */
  public static TestDatabase mysqlBeside(TestDatabase beside) {
    return Dialect.MYSQL.id.equals(beside.dialect()) ? beside : mysql();
  }

  private static Dialect eventStoreEngine() {
    String chosen = System.getProperty("mailledger.test.eventstore");
    if (chosen == null || chosen.isBlank()) {
      chosen = System.getenv("MAILLEDGER_TEST_EVENTSTORE");
    }
    if (chosen == null || chosen.isBlank()) {
      return Dialect.POSTGRESQL;
    }
    for (Dialect dialect : Dialect.values()) {
      if (dialect.id.equalsIgnoreCase(chosen.trim())
          || (dialect == Dialect.MYSQL && "mariadb".equalsIgnoreCase(chosen.trim()))) {
        return dialect;
      }
    }
    throw new IllegalStateException(
        "MAILLEDGER_TEST_EVENTSTORE must be postgresql or mysql (MariaDB), not " + chosen);
  }

  private static synchronized DatabaseServer server(Dialect dialect) {
    Object r =
        resolved.computeIfAbsent(
            dialect,
            d -> {
              try {
                return ServerResolver.forThisMachine().resolve(d);
              } catch (RuntimeException e) {
                return e;
              }
            });
    if (r instanceof RuntimeException failure) {
      throw new IllegalStateException(failure.getMessage(), failure);
    }
    return (DatabaseServer) r;
  }
}
