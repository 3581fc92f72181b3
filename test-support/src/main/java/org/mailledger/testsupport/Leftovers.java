package org.mailledger.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the test databases that earlier test JVMs left on a long-lived server: those whose name
 * carries the pid of a process that is no longer running. Dropping at exit instead raced with the
 * Spring contexts that still used the databases while the JVM shut down (each then waited five
 * seconds for its event processors), and a killed JVM left its databases behind anyway. Databases
 * of JVMs that still run, such as a parallel build's, are left alone, and so are those of the same
 * build run (same {@link TestRun} id): the secrets check after the suite dumps them, so they go
 * only at the next run.
 */
final class Leftovers {

  private static final Logger log = LoggerFactory.getLogger(Leftovers.class);
  private static final Set<String> cleaned = ConcurrentHashMap.newKeySet();

  private Leftovers() {}

  static void dropOnce(DatabaseServer server) {
    if (!cleaned.add(server.describe())) {
      return;
    }
    try {
      for (String name : server.testDatabases()) {
        if (orphaned(name) && !TestRun.ownsDatabase(name)) {
          server.dropDatabase(name);
        }
      }
    } catch (Exception e) {
      log.warn("Could not drop leftover test databases on {}: {}", server.describe(), e.toString());
    }
  }

  /**
   * {@code mltest_<pid>_<random>} of a process that is gone. A name without a pid cannot be judged,
   * so it is left alone.
   */
  static boolean orphaned(String name) {
    String[] parts = name.split("_");
    if (parts.length < 3) {
      return false;
    }
    try {
      long pid = Long.parseLong(parts[1]);
      return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
