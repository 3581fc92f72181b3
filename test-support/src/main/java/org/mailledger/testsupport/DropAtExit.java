package org.mailledger.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the databases created on long-lived servers when the JVM exits, so a developer's local
 * server does not fill up with mltest_* databases. Best effort: a killed JVM leaves them behind.
 */
final class DropAtExit {

  private static final Logger log = LoggerFactory.getLogger(DropAtExit.class);
  private static final Map<String, DatabaseServer> created = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(DropAtExit::dropAll, "mltest-drop-databases"));
  }

  private DropAtExit() {}

  static void register(DatabaseServer server, String database) {
    created.put(database, server);
  }

  private static void dropAll() {
    created.forEach(
        (database, server) -> {
          try {
            server.dropDatabase(database);
          } catch (Exception e) {
            log.warn("Could not drop test database {} on {}: {}", database, server.describe(), e);
          }
        });
  }
}
