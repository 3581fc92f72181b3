package org.mailledger.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The last resort for PostgreSQL, forced by pointing the local candidate at a closed port. */
class EmbeddedFallbackTest {

  @Test
  void embeddedPostgresServesWhenNothingElseDoes() throws Exception {
    int closed = Probe.closedPort();
    ServerResolver resolver =
        new ServerResolver(Probe.NO_ENV, () -> false, "127.0.0.1", closed, closed, true);

    DatabaseServer server = resolver.resolve(Dialect.POSTGRESQL);
    TestDatabase first = server.createDatabase();
    TestDatabase second = resolver.resolve(Dialect.POSTGRESQL).createDatabase();

    assertThat(first.origin()).isEqualTo("embedded");
    assertThat(first.port()).isNotEqualTo(closed);
    // One embedded server per JVM, not one per resolution.
    assertThat(second.port()).isEqualTo(first.port());
    assertThat(second.database()).isNotEqualTo(first.database());
    assertThat(Probe.currentDatabase(first)).isEqualTo(first.database());
    assertThat(Probe.tableCount(first)).isZero();
  }
}
