package org.mailledger.projection.lookup;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The SQL dialects the lookup tables are kept in, by their migration folder names. */
public enum Dialect {
  POSTGRESQL("postgresql"),
  MYSQL("mysql");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** The folder of this dialect's migrations, e.g. {@code db/layout/mum/postgresql}. */
  public String folder() {
    return folder;
  }

  public static Dialect of(DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return POSTGRESQL;
      }
      if (product.contains("mysql") || product.contains("mariadb")) {
        return MYSQL;
      }
      throw new IllegalStateException(
          "the lookup tables need PostgreSQL or MySQL/MariaDB, not "
              + meta.getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the lookup database: " + e.getMessage(), e);
    }
  }
}
