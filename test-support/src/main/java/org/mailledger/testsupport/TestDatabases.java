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
