package org.mailledger.schema.eventstore;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The SQL dialects the event store runs on, and the few statements they spell differently. All
 * other SQL against the event store's database is written once, in the part both engines share.
 */
public enum EventStoreDialect {
  POSTGRESQL("postgresql"),
  /** MySQL and MariaDB, both through MySQL Connector/J or MariaDB Connector/J. */
  MYSQL("mysql");

  private final String folder;

  EventStoreDialect(String folder) {
    this.folder = folder;
  }

  /** The Flyway location of this dialect's event store migrations. */
  public String migrations() {
    return "classpath:db/eventstore/" + folder;
  }

  /**
   * {@code insert} (an {@code INSERT ... VALUES} statement) that does nothing when a row with the
   * same {@code key} (its columns, comma-separated) exists already, without failing the
   * transaction. On MySQL any unique key counts, as {@code ON DUPLICATE KEY} cannot name one.
   */
  public String insertUnlessPresent(String insert, String key) {
    if (this == POSTGRESQL) {
      return insert + " ON CONFLICT (" + key + ") DO NOTHING";
    }
    // a no-op assignment rather than INSERT IGNORE, which would also swallow other errors
    String column = key.split(",")[0].trim();
    return insert + " ON DUPLICATE KEY UPDATE " + column + " = " + column;
  }

  /**
   * {@code insert} (an {@code INSERT ... VALUES} statement, one or many rows) that overwrites
   * {@code updated} of the row with the same {@code key} when there is one. On MySQL any unique key
   * counts, as {@code ON DUPLICATE KEY} cannot name one.
   */
  public String upsert(String insert, String key, List<String> updated) {
    if (this == POSTGRESQL) {
      return insert
          + " ON CONFLICT ("
          + key
          + ") DO UPDATE SET "
          + updated.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
    }
    return insert
        + " ON DUPLICATE KEY UPDATE "
        + updated.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
  }

  /**
   * {@code column} compared byte for byte. The event store's MySQL tables have a binary collation
   * already; PostgreSQL's database collation may be a locale's.
   */
  public String byteWise(String column) {
    return this == POSTGRESQL ? column + " COLLATE \"C\"" : column;
  }

  /**
   * {@code instant} as a JDBC parameter for the event store's time columns (TIMESTAMPTZ on
   * PostgreSQL, DATETIME(6) on MySQL). On MySQL it goes as text in the JVM's zone, which is how
   * Connector/J reads DATETIME back by default: Connector/J takes MariaDB for a MySQL 5.5, which
   * had no fractional seconds, and would cut them from a date-time parameter.
   */
  public Object instant(Instant instant) {
    return this == POSTGRESQL
        ? instant.atOffset(ZoneOffset.UTC)
        : LocalDateTime.ofInstant(instant, ZoneId.systemDefault()).toString();
  }

  public static EventStoreDialect of(DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      return of(connection.getMetaData());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the event store: " + e.getMessage(), e);
    }
  }

  static EventStoreDialect of(DatabaseMetaData meta) throws SQLException {
    String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    if (product.contains("mysql") || product.contains("mariadb")) {
      return MYSQL;
    }
    throw new IllegalStateException(
        "the event store needs PostgreSQL or MySQL/MariaDB, not " + meta.getDatabaseProductName());
  }
}
