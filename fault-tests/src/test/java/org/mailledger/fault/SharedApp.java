package org.mailledger.fault;

import java.util.List;
import java.util.Map;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.mailledger.testsupport.secrets.TestSecrets;

/**
 * One packaged app process for the tests that only send requests (concurrency, fuzzing), started
 * once per test JVM on its own test database and stopped when the JVM ends.
 */
final class SharedApp {

  static final String ROOT_PASSWORD = TestSecrets.password("shared-root");
  static final String ROOT = Http.basic("admin", ROOT_PASSWORD);

  private static SharedApp instance;

  final TestDatabase database;
  final AppProcess app;
  final Http http;
  final EventLog log;

  private SharedApp() {
    database = TestDatabases.postgres();
    app =
        new AppProcess(
            "shared",
            Map.of(
                "SPRING_DATASOURCE_URL", database.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", database.username(),
                "SPRING_DATASOURCE_PASSWORD", database.password(),
                "MAILLEDGER_BOOTSTRAP_PASSWORD", ROOT_PASSWORD),
            List.of());
    app.start();
    Runtime.getRuntime().addShutdownHook(new Thread(app::close));
    http = new Http(app.port());
    log = new EventLog(database.jdbcUrl(), database.username(), database.password());
  }

  static synchronized SharedApp get() {
    if (instance == null) {
      instance = new SharedApp();
    }
    return instance;
  }
}
