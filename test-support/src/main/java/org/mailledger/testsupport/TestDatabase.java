package org.mailledger.testsupport;

import com.mysql.cj.jdbc.MysqlDataSource;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One fresh, empty database that a test owns.
 *
 * <p>{@code jdbcUrl} carries no credentials; use {@code username}/{@code password}. {@code host},
 * {@code port} and {@code database} are separate because Postfix and Dovecot map files are written
 * against the same database and take those, not a JDBC URL.
 *
 * @param origin how the server was found: {@code env}, {@code testcontainers}, {@code local} or
 *     {@code embedded}
 */
public record TestDatabase(
    String jdbcUrl,
    String host,
    int port,
    String database,
    String username,
    String password,
    String origin) {

  /** {@code "postgresql"} or {@code "mysql"} (MariaDB included). */
  public String dialect() {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return Dialect.POSTGRESQL.id;
    }
    if (jdbcUrl.startsWith("jdbc:mysql:")) {
      return Dialect.MYSQL.id;
    }
    throw new IllegalStateException("Unknown JDBC URL scheme: " + jdbcUrl);
  }

  /**
   * A new non-pooled DataSource: every getConnection() opens a real connection, so tests that
   * forget to close one leak only that connection, not a pool that outlives them.
   */
  public DataSource dataSource() {
    if (Dialect.POSTGRESQL.id.equals(dialect())) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(jdbcUrl);
      ds.setUser(username);
      ds.setPassword(password);
      return ds;
    }
    MysqlDataSource ds = new MysqlDataSource();
    ds.setURL(jdbcUrl);
    ds.setUser(username);
    ds.setPassword(password);
    return ds;
  }

  // Keeps the password out of test reports and logs.
  @Override
  public String toString() {
    return "TestDatabase[" + jdbcUrl + " as " + username + ", origin=" + origin + "]";
  }
}
