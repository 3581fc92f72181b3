package org.mailledger.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Each benchmark appends its Markdown section to {@code ops/target/bench-results.md} and prints it,
 * so a run leaves the tables docs/performance.md quotes.
 */
final class BenchResults {

  private BenchResults() {}

  static void write(String title, String command, String body) {
    String section =
        "\n## "
            + title
            + "\n\n`"
            + command
            + "`, "
            + Instant.now()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, 1-minute load average at the end (the benchmark's own load included): "
            + loadAverage()
            + "\n\n"
            + body
            + "\n";
    System.out.println(section);
    try {
      Path file = Path.of("target", "bench-results.md");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          section,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
