package org.mailledger.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The env-var path, fed through the resolver's env map instead of real variables. */
class EnvUrlTest {

  private static final BooleanSupplier DOCKER_MUST_NOT_BE_ASKED =
      () -> {
        throw new AssertionError("an env URL must win before Docker is probed");
      };

  private static ServerResolver withEnv(Map<String, String> env) {
    int closed = Probe.closedPort();
    return new ServerResolver(env, DOCKER_MUST_NOT_BE_ASKED, "127.0.0.1", closed, closed, false);
  }

  @Test
  void postgresUrlWithSeparateUserVariable() throws Exception {
    ServerResolver resolver =
        withEnv(
            Map.of(
                "MAILLEDGER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres",
                "MAILLEDGER_TEST_PG_USER", "postgres"));

    TestDatabase db = resolver.resolve(Dialect.POSTGRESQL).createDatabase();

    assertThat(db.origin()).isEqualTo("env");
    assertThat(db.username()).isEqualTo("postgres");
    assertThat(Probe.currentDatabase(db)).isEqualTo(db.database());
    assertThat(Probe.tableCount(db)).isZero();
  }

  @Test
  void mariadbUrlWithUserInTheQuery() throws Exception {
    ServerResolver resolver =
        withEnv(Map.of("MAILLEDGER_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/?user=root"));

    TestDatabase db = resolver.resolve(Dialect.MYSQL).createDatabase();

    assertThat(db.origin()).isEqualTo("env");
    assertThat(db.jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:3306/mltest_");
    assertThat(db.username()).isEqualTo("root");
    assertThat(Probe.currentDatabase(db)).isEqualTo(db.database());
  }

  @Test
  void aConfiguredServerThatDoesNotAnswerIsAnErrorNotAFallThrough() {
    int closed = Probe.closedPort();
    ServerResolver resolver =
        withEnv(
            Map.of(
                "MAILLEDGER_TEST_PG_URL",
                "jdbc:postgresql://127.0.0.1:" + closed + "/postgres?user=postgres"));

    assertThatThrownBy(() -> resolver.resolve(Dialect.POSTGRESQL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MAILLEDGER_TEST_PG_URL is set")
        .hasMessageContaining("127.0.0.1:" + closed);
  }

  @Test
  void urlCredentialsAndParametersAreSplitApart() {
    DatabaseServer s =
        DatabaseServer.fromJdbcUrl(
            Dialect.POSTGRESQL,
            "jdbc:postgresql://db.example:6543/admin?user=alice&password=p%26w&sslmode=require",
            null,
            null,
            "env");

    assertThat(s.host()).isEqualTo("db.example");
    assertThat(s.port()).isEqualTo(6543);
    assertThat(s.adminDatabase()).isEqualTo("admin");
    assertThat(s.username()).isEqualTo("alice");
    assertThat(s.password()).isEqualTo("p&w");
    assertThat(s.urlFor("mltest_x"))
        .isEqualTo("jdbc:postgresql://db.example:6543/mltest_x?sslmode=require");
  }

  @Test
  void separateVariablesWinOverUserInfoAndDefaultsFillTheRest() {
    DatabaseServer s =
        DatabaseServer.fromJdbcUrl(
            Dialect.MYSQL, "jdbc:mysql://bob:secret@[::1]/", "carol", null, "env");

    assertThat(s.host()).isEqualTo("::1");
    assertThat(s.port()).isEqualTo(3306);
    assertThat(s.username()).isEqualTo("carol");
    assertThat(s.password()).isEqualTo("secret");
    assertThat(s.urlFor("d")).isEqualTo("jdbc:mysql://[::1]:3306/d");
  }

  @Test
  void aUrlOfTheWrongDialectIsRejected() {
    assertThatThrownBy(
            () ->
                DatabaseServer.fromJdbcUrl(
                    Dialect.POSTGRESQL, "jdbc:mysql://127.0.0.1/", null, null, "env"))
        .hasMessageContaining("jdbc:postgresql://");
  }
}
