package org.mailledger.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** When nothing serves, the message must tell the developer exactly what to do. */
class NoServerTest {

  private static ServerResolver nothingServes() {
    int closed = Probe.closedPort();
    return new ServerResolver(Probe.NO_ENV, () -> false, "127.0.0.1", closed, closed, false);
  }

  @Test
  void postgresMessageNamesEveryWayToProvideAServer() {
    assertThatThrownBy(() -> nothingServes().resolve(Dialect.POSTGRESQL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No PostgreSQL server for tests")
        .hasMessageContaining("MAILLEDGER_TEST_PG_URL is not set")
        .hasMessageContaining("no Docker engine answered")
        .hasMessageContaining("export MAILLEDGER_TEST_PG_URL=")
        .hasMessageContaining("start a Docker engine")
        .hasMessageContaining(
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start")
        .hasMessageContaining("bin/test");
  }

  @Test
  void mysqlMessageNamesEveryWayToProvideAServer() {
    assertThatThrownBy(() -> nothingServes().resolve(Dialect.MYSQL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No MySQL/MariaDB server for tests")
        .hasMessageContaining("MAILLEDGER_TEST_MYSQL_URL is not set")
        .hasMessageContaining("export MAILLEDGER_TEST_MYSQL_URL=")
        .hasMessageContaining("start a Docker engine")
        .hasMessageContaining(
            "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
  }
}
