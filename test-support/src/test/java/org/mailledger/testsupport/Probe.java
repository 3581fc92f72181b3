package org.mailledger.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Small helpers the tests share: a port nothing listens on and what a database looks like. */
final class Probe {

  static final Map<String, String> NO_ENV = Map.of();

  private Probe() {}

  /** A loopback port that was free a moment ago, so connecting to it is refused at once. */
  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ServerResolver localOnly() {
    return new ServerResolver(
        NO_ENV,
        () -> false,
        "127.0.0.1",
        Dialect.POSTGRESQL.defaultPort,
        Dialect.MYSQL.defaultPort,
        false);
  }

  /** The database the connection ends up in, as the server sees it. */
  static String currentDatabase(TestDatabase db) throws SQLException {
    String sql =
        db.dialect().equals("postgresql") ? "SELECT current_database()" : "SELECT DATABASE()";
    return queryString(db, sql);
  }

  static long tableCount(TestDatabase db) throws SQLException {
    String schema = db.dialect().equals("postgresql") ? "'public'" : "DATABASE()";
    return Long.parseLong(
        queryString(
            db, "SELECT count(*) FROM information_schema.tables WHERE table_schema = " + schema));
  }

  static boolean exists(DatabaseServer server, String database) throws SQLException {
    String sql =
        server.dialect() == Dialect.POSTGRESQL
            ? "SELECT count(*) FROM pg_database WHERE datname = '" + database + "'"
            : "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '"
                + database
                + "'";
    try (Connection c = server.connectAdmin();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1) == 1;
    }
  }

  private static String queryString(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }
}
