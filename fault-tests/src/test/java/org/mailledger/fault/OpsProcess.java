package org.mailledger.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged ops jar ({@code ops/target/ops-*.jar}) run as the operator runs it: {@code java
 * -jar}, its own JVM with only what the jar ships on its class path. Its stdout and stderr go to
 * {@code target/fault-logs/ops-<subcommand>-*.out|.err}, which the secrets check after the suite
 * reads too.
 */
final class OpsProcess {

  private static final long TIMEOUT_SECONDS = 120;

  /** What the command printed, stdout and stderr apart: {@code status --json} is read as JSON. */
  record Outcome(int exitCode, String out, String err) {

    /** Both streams, for assertions on text and for the failure message. */
    String output() {
      return out + err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private OpsProcess() {}

  /**
   * {@code java -jar ops-*.jar ARGS}; {@code environment} comes on top of this JVM's, and is where
   * passwords go (as the README shows), never on a command line.
   */
  static Outcome run(Map<String, String> environment, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-jar", AppProcess.jar("ops").toString()));
    command.addAll(args);
    try {
      Files.createDirectories(AppProcess.LOGS);
      String name = "ops-" + (args.isEmpty() ? "" : args.get(0)) + "-";
      Path out = Files.createTempFile(AppProcess.LOGS, name, ".out");
      Path err = out.resolveSibling(out.getFileName().toString().replace(".out", ".err"));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(
            "ops " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
      return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code ops verify --layout mum} on an event store that also holds the lookup tables. */
  static Outcome verifyMum(String jdbcUrl, String user, String password) {
    return run(
        Map.of("SPRING_DATASOURCE_PASSWORD", password == null ? "" : password),
        List.of(
            "verify",
            "--layout",
            "mum",
            "--spring.datasource.url=" + jdbcUrl,
            "--spring.datasource.username=" + user));
  }
}
