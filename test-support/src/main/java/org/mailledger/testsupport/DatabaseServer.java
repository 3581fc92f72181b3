package org.mailledger.testsupport;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * A server on which tests may CREATE DATABASE, reached through {@code adminDatabase}.
 *
 * @param urlParameters query string (without {@code ?}) kept from a configured URL, such as {@code
 *     sslmode=require}; credentials are never kept here
 * @param dropOnExit whether test databases must be cleaned up: true for servers that outlive the
 *     JVM (env and local), false for containers and embedded PostgreSQL, which vanish whole
 */
record DatabaseServer(
    Dialect dialect,
    String host,
    int port,
    String adminDatabase,
    String username,
    String password,
    String urlParameters,
    String origin,
    boolean dropOnExit) {

  private static final String DATABASE_PREFIX = "mltest_";

  /**
   * Parses a JDBC URL such as {@code jdbc:postgresql://h:5432/postgres?user=u&password=p} or {@code
   * jdbc:mysql://u:p@h:3306/}. {@code jdbc:mariadb:} is accepted too, since people copy those from
   * MariaDB docs; it is served by Connector/J all the same. Explicit user and password (from the
   * separate env vars) win over the URL's.
   */
  static DatabaseServer fromJdbcUrl(
      Dialect dialect, String jdbcUrl, String user, String password, String origin) {
    String rest = jdbcUrl.trim();
    List<String> schemes =
        dialect == Dialect.POSTGRESQL
            ? List.of("jdbc:postgresql://")
            : List.of("jdbc:mysql://", "jdbc:mariadb://");
    String scheme =
        schemes.stream()
            .filter(s -> jdbcUrlStartsWith(jdbcUrl, s))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Expected a URL starting with "
                            + String.join(" or ", schemes)
                            + ", got: "
                            + jdbcUrl));
    URI uri;
    try {
      uri = new URI("db://" + rest.substring(scheme.length()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Cannot parse JDBC URL " + jdbcUrl, e);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("No host in JDBC URL " + jdbcUrl);
    }
    String urlUser = null;
    String urlPassword = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      urlUser = decode(parts[0]);
      urlPassword = parts.length > 1 ? decode(parts[1]) : "";
    }
    List<String> kept = new ArrayList<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        String key = decode(kv[0]);
        String value = kv.length > 1 ? decode(kv[1]) : "";
        if (key.equals("user")) {
          urlUser = value;
        } else if (key.equals("password")) {
          urlPassword = value;
        } else if (!pair.isEmpty()) {
          kept.add(pair);
        }
      }
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return new DatabaseServer(
        dialect,
        stripBrackets(uri.getHost()),
        uri.getPort() > 0 ? uri.getPort() : dialect.defaultPort,
        path.isEmpty() ? dialect.defaultAdminDatabase : path,
        firstNonBlank(user, urlUser, dialect.defaultUser),
        firstNonNull(password, urlPassword, ""),
        String.join("&", kept),
        origin,
        true);
  }

  String urlFor(String database) {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "jdbc:"
        + dialect.id
        + "://"
        + h
        + ":"
        + port
        + "/"
        + database
        + (urlParameters.isEmpty() ? "" : "?" + urlParameters);
  }

  /** Opens a connection to the admin database, failing within a few seconds when none answers. */
  Connection connectAdmin() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", username);
    props.setProperty("password", password);
    // Without these a filtered port can hang a probe for minutes.
    if (dialect == Dialect.POSTGRESQL) {
      props.setProperty("connectTimeout", "2");
      props.setProperty("loginTimeout", "2");
    } else {
      props.setProperty("connectTimeout", "2000");
    }
    return DriverManager.getConnection(urlFor(adminDatabase), props);
  }

  TestDatabase createDatabase() {
    if (dropOnExit) {
      Leftovers.dropOnce(this);
    }
    // The creating JVM's pid in the name tells a later run which databases are orphans; the run id
    // at the end keeps them for the checks that follow the whole suite (see TestRun).
    String name =
        DATABASE_PREFIX
            + ProcessHandle.current().pid()
            + "_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            + TestRun.nameSuffix();
    // utf8mb4 explicitly: the server default is latin1 upstream and in some images, and
    // mailbox names and descriptions must round-trip as UTF-8 whatever the origin.
    String ddl =
        "CREATE DATABASE "
            + dialect.quote(name)
            + (dialect == Dialect.MYSQL ? " CHARACTER SET utf8mb4" : "");
    try (Connection c = connectAdmin();
        Statement s = c.createStatement()) {
      s.execute(ddl);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create test database " + name + " on " + describe() + ": " + e.getMessage(), e);
    }
    return new TestDatabase(urlFor(name), host, port, name, username, password, origin);
  }

  /** The test databases on this server, by name. */
  java.util.List<String> testDatabases() throws SQLException {
    String sql =
        dialect == Dialect.POSTGRESQL
            ? "SELECT datname FROM pg_database WHERE datname LIKE 'mltest\\_%'"
            : "SHOW DATABASES LIKE 'mltest\\_%'";
    java.util.List<String> names = new java.util.ArrayList<>();
    try (Connection c = connectAdmin();
        Statement s = c.createStatement();
        var rows = s.executeQuery(sql)) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  void dropDatabase(String name) throws SQLException {
    try (Connection c = connectAdmin();
        Statement s = c.createStatement()) {
      if (dialect == Dialect.POSTGRESQL) {
        try {
          // FORCE (PG 13+) ends sessions a test left open, which would otherwise block the drop.
          s.execute("DROP DATABASE IF EXISTS " + dialect.quote(name) + " WITH (FORCE)");
          return;
        } catch (SQLException olderServer) {
          // Fall through to the plain form.
        }
      }
      s.execute("DROP DATABASE IF EXISTS " + dialect.quote(name));
    }
  }

  String describe() {
    return dialect.product + " at " + host + ":" + port + " as " + username + " (" + origin + ")";
  }

  private static boolean jdbcUrlStartsWith(String url, String scheme) {
    return url.trim().toLowerCase(Locale.ROOT).startsWith(scheme);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    throw new IllegalArgumentException("no value");
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    throw new IllegalArgumentException("no value");
  }
}
