package org.mailledger.ops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mailledger.testsupport.TestDatabase;

/** Runs PostgreSQL's own pgbench with a custom script against a test database. */
final class Pgbench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial");

  private Pgbench() {}

  static Path binary() {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(v -> v.resolve("bin/pgbench"))
          .filter(Files::isExecutable)
          .max(Path::compareTo)
          .orElseThrow(
              () -> new IllegalStateException("pgbench not found under /usr/lib/postgresql"));
    } catch (IOException e) {
      throw new IllegalStateException("pgbench not found: install postgresql", e);
    }
  }

  /** Transactions per second of {@code script} run by {@code clients} for {@code seconds}. */
  static double tps(TestDatabase db, String script, int clients, int seconds) throws Exception {
    return tps(db, script, clients, seconds, java.util.Map.of());
  }

  /** The same, with extra libpq environment, e.g. {@code PGOPTIONS=-c search_path=x}. */
  static double tps(
      TestDatabase db, String script, int clients, int seconds, java.util.Map<String, String> env)
      throws Exception {
    Path file = Files.createTempFile("mailledger-pgbench", ".sql");
    try {
      Files.writeString(file, script, StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>();
      command.add(binary().toString());
      command.addAll(
          List.of(
              "-h",
              db.host(),
              "-p",
              String.valueOf(db.port()),
              "-U",
              db.username(),
              "-n",
              "-M",
              "simple",
              "-c",
              String.valueOf(clients),
              "-j",
              String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())),
              "-T",
              String.valueOf(seconds),
              "-f",
              file.toString(),
              db.database()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      if (db.password() != null && !db.password().isEmpty()) {
        builder.environment().put("PGPASSWORD", db.password());
      }
      builder.environment().putAll(env);
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      Matcher m = TPS.matcher(out);
      if (exit != 0 || !m.find() || !out.contains("number of failed transactions: 0 ")) {
        throw new IllegalStateException("pgbench failed (exit " + exit + "):\n" + out);
      }
      return Double.parseDouble(m.group(1));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
