package org.mailledger.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One embedded PostgreSQL per JVM, the last resort when no other server is reachable. zonky's own
 * shutdown hook stops it and deletes its data directory, so its databases need no dropping.
 */
final class EmbeddedServer {

  private static DatabaseServer server;

  private EmbeddedServer() {}

  static synchronized DatabaseServer get() {
    if (server == null) {
      try {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        server =
            new DatabaseServer(
                Dialect.POSTGRESQL,
                "127.0.0.1",
                pg.getPort(),
                "postgres",
                "postgres",
                "",
                "",
                "embedded",
                false);
      } catch (IOException e) {
        throw new UncheckedIOException("Embedded PostgreSQL did not start: " + e.getMessage(), e);
      }
    }
    return server;
  }
}
