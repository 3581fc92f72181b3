package org.mailledger.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Finds a server for a dialect, in the project's order: env URL, Testcontainers, local server on
 * the default port, embedded PostgreSQL. Its inputs are parameters so that tests can steer it onto
 * each path without real env vars or stopping servers.
 */
final class ServerResolver {

  static final String POSTGRES_IMAGE = "postgres:17";
  static final String MARIADB_IMAGE = "mariadb:10.11";

  private static final Logger log = LoggerFactory.getLogger(ServerResolver.class);

  // Containers must stay referenced for the JVM's lifetime; Testcontainers' Ryuk removes them.
  private static final List<JdbcDatabaseContainer<?>> containers = new ArrayList<>();

  private final Map<String, String> env;
  private final BooleanSupplier dockerAvailable;
  private final String localHost;
  private final int localPostgresPort;
  private final int localMysqlPort;
  private final boolean embeddedAllowed;

  ServerResolver(
      Map<String, String> env,
      BooleanSupplier dockerAvailable,
      String localHost,
      int localPostgresPort,
      int localMysqlPort,
      boolean embeddedAllowed) {
    this.env = env;
    this.dockerAvailable = dockerAvailable;
    this.localHost = localHost;
    this.localPostgresPort = localPostgresPort;
    this.localMysqlPort = localMysqlPort;
    this.embeddedAllowed = embeddedAllowed;
  }

  /** The real machine: process env, a Docker probe, default ports, embedded allowed. */
  static ServerResolver forThisMachine() {
    return new ServerResolver(
        System.getenv(),
        ServerResolver::dockerAnswers,
        "127.0.0.1",
        Dialect.POSTGRESQL.defaultPort,
        Dialect.MYSQL.defaultPort,
        true);
  }

  DatabaseServer resolve(Dialect dialect) {
    DatabaseServer server = find(dialect);
    log.info("Test databases for {}: {}", dialect.product, server.describe());
    return server;
  }

  private DatabaseServer find(Dialect dialect) {
    List<String> tried = new ArrayList<>();

    String url = env.get(dialect.urlEnv());
    if (url != null && !url.isBlank()) {
      // An explicit setting that does not work is an error, not a reason to quietly test against
      // some other server than the one the developer asked for.
      DatabaseServer configured =
          DatabaseServer.fromJdbcUrl(
              dialect, url, env.get(dialect.userEnv()), env.get(dialect.passwordEnv()), "env");
      try (Connection ignored = configured.connectAdmin()) {
        return configured;
      } catch (SQLException e) {
        throw new IllegalStateException(
            dialect.urlEnv()
                + " is set, but "
                + configured.describe()
                + " does not answer: "
                + e.getMessage()
                + ". Fix it, or unset it to let tests find a server themselves.",
            e);
      }
    }
    tried.add(dialect.urlEnv() + " is not set");

    if (dockerAvailable.getAsBoolean()) {
      try {
        return startContainer(dialect);
      } catch (RuntimeException e) {
        log.warn("Docker answers, but the {} container did not start", dialect.product, e);
        tried.add("Testcontainers: container did not start: " + e.getMessage());
      }
    } else {
      tried.add("Testcontainers: no Docker engine answered");
    }

    int localPort = dialect == Dialect.POSTGRESQL ? localPostgresPort : localMysqlPort;
    DatabaseServer local =
        new DatabaseServer(
            dialect,
            localHost,
            localPort,
            dialect.defaultAdminDatabase,
            dialect.defaultUser,
            "",
            "",
            "local",
            true);
    try (Connection ignored = local.connectAdmin()) {
      return local;
    } catch (SQLException e) {
      tried.add("local server: " + local.describe() + ": " + e.getMessage());
    }

    if (dialect == Dialect.POSTGRESQL && embeddedAllowed) {
      try {
        return EmbeddedServer.get();
      } catch (RuntimeException e) {
        tried.add("embedded PostgreSQL: " + e.getMessage());
      }
    }

    throw new IllegalStateException(failureMessage(dialect, tried));
  }

  private String failureMessage(Dialect dialect, List<String> tried) {
    StringBuilder m = new StringBuilder("No ").append(dialect.product).append(" server for tests.");
    m.append("\nTried:");
    tried.forEach(t -> m.append("\n  - ").append(t));
    m.append("\nProvide one of:");
    if (dialect == Dialect.POSTGRESQL) {
      m.append("\n  - export MAILLEDGER_TEST_PG_URL=jdbc:postgresql://HOST:5432/postgres")
          .append(" and MAILLEDGER_TEST_PG_USER / MAILLEDGER_TEST_PG_PASSWORD")
          .append(" (a user allowed to CREATE DATABASE)");
      m.append("\n  - start a Docker engine (tests then run ").append(POSTGRES_IMAGE).append(")");
      m.append("\n  - start a local server on ")
          .append(localHost)
          .append(':')
          .append(localPostgresPort)
          .append(" that lets user postgres in without a password (trust in pg_hba.conf):")
          .append(
              "\n      pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
    } else {
      m.append("\n  - export MAILLEDGER_TEST_MYSQL_URL=jdbc:mysql://HOST:3306/")
          .append(" and MAILLEDGER_TEST_MYSQL_USER / MAILLEDGER_TEST_MYSQL_PASSWORD")
          .append(" (a user allowed to CREATE DATABASE)");
      m.append("\n  - start a Docker engine (tests then run ").append(MARIADB_IMAGE).append(")");
      m.append("\n  - start a local MariaDB on ")
          .append(localHost)
          .append(':')
          .append(localMysqlPort)
          .append(" where root has an empty password:")
          .append(
              "\n      start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
    }
    m.append(
        "\n  - or run bin/test, which installs and starts PostgreSQL and MariaDB, then tests.");
    return m.toString();
  }

  private static DatabaseServer startContainer(Dialect dialect) {
    JdbcDatabaseContainer<?> container;
    int innerPort;
    String adminDatabase;
    if (dialect == Dialect.POSTGRESQL) {
      container = new PostgreSQLContainer(POSTGRES_IMAGE);
      innerPort = PostgreSQLContainer.POSTGRESQL_PORT;
      adminDatabase = null;
    } else {
      // The image's non-root user may not CREATE DATABASE; root (password "test") may.
      container = new MariaDBContainer(MARIADB_IMAGE).withUsername("root");
      innerPort = Dialect.MYSQL.defaultPort;
      adminDatabase = "";
    }
    container.start();
    synchronized (containers) {
      containers.add(container);
    }
    return new DatabaseServer(
        dialect,
        container.getHost(),
        container.getMappedPort(innerPort),
        adminDatabase != null ? adminDatabase : container.getDatabaseName(),
        container.getUsername(),
        container.getPassword(),
        "",
        "testcontainers",
        false);
  }

  // A docker CLI on the PATH proves nothing; only an engine that answers does.
  private static boolean dockerAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
