package org.mailledger.ops.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailledger.testsupport.TestDatabase;

/** Runs MariaDB's own mysqlslap over a file of literal queries against a test database. */
final class Mysqlslap {

  private static final Pattern AVERAGE =
      Pattern.compile("Average number of seconds to run all queries: ([0-9.]+) seconds");

  private Mysqlslap() {}

  /** Queries per second: {@code total} queries from the file, spread over {@code clients}. */
  static double qps(TestDatabase db, List<String> queries, int clients, int total)
      throws Exception {
    Path file = Files.createTempFile("mailledger-mysqlslap", ".sql");
    try {
      Files.write(file, queries.stream().map(q -> q + ";").toList(), StandardCharsets.UTF_8);
      ProcessBuilder builder =
          new ProcessBuilder(
                  "mysqlslap",
                  "--host=" + db.host(),
                  "--port=" + db.port(),
                  "--user=" + db.username(),
                  "--create-schema=" + db.database(),
                  "--query=" + file,
                  "--delimiter=;",
                  "--concurrency=" + clients,
                  "--iterations=1",
                  "--number-of-queries=" + total)
              .redirectErrorStream(true);
      if (db.password() != null && !db.password().isEmpty()) {
        builder.environment().put("MYSQL_PWD", db.password());
      }
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      Matcher m = AVERAGE.matcher(out);
      if (exit != 0 || !m.find()) {
        throw new IllegalStateException("mysqlslap failed (exit " + exit + "):\n" + out);
      }
      return total / Double.parseDouble(m.group(1));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
