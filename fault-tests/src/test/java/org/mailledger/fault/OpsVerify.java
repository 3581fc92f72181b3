package org.mailledger.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code ops verify --layout mum}, run as the operator runs it: the packaged ops jar. */
final class OpsVerify {

  record Outcome(int exitCode, String output) {}

  private OpsVerify() {}

  static Outcome run(String jdbcUrl, String user, String password) {
    try {
      Files.createDirectories(AppProcess.LOGS);
      Path out = Files.createTempFile(AppProcess.LOGS, "ops-verify-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-XX:TieredStopAtLevel=1",
                      "-jar",
                      AppProcess.jar("ops").toString(),
                      "verify",
                      "--layout",
                      "mum",
                      "--spring.datasource.url=" + jdbcUrl,
                      "--spring.datasource.username=" + user))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      // The password goes by environment, as the README shows, never on a command line.
      builder.environment().put("SPRING_DATASOURCE_PASSWORD", password == null ? "" : password);
      builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("ops verify did not finish in 120 s");
      }
      return new Outcome(process.exitValue(), Files.readString(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
