package org.mailledger.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged app ({@code api/target/api-*.jar}) as a real process, the way an operator runs it:
 * its own JVM, its own port, the database given by environment variables. Its output goes to {@code
 * target/fault-logs/<name>.log}, which the secrets check after the suite reads too.
 */
final class AppProcess implements AutoCloseable {

  static final Path LOGS = Path.of("target", "fault-logs");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final String name;
  private final Map<String, String> environment;
  private final int port;
  private final List<String> extraArgs;
  private Process process;
  private Path log;
  private int starts;

  AppProcess(String name, Map<String, String> environment, List<String> extraArgs) {
    this.name = name;
    this.environment = environment;
    this.extraArgs = extraArgs;
    this.port = freePort();
  }

  static Path jar(String module) {
    Path target = Path.of("..", module, "target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().matches(module + "-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no " + module + " jar in " + target));
    } catch (IOException e) {
      throw new IllegalStateException(
          "no " + target + ": build through the reactor (./mvnw verify -pl fault-tests -am)", e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  Path log() {
    return log;
  }

  /** Starts the app and returns once {@code /actuator/health} answers UP. */
  AppProcess start() {
    starts++;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx384m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            jar("api").toString(),
            "--server.port=" + port,
            "--mailledger.bcrypt-cost=4",
            "--mailledger.security.max-login-failures=100000"));
    command.addAll(extraArgs);
    try {
      Files.createDirectories(LOGS);
      log = LOGS.resolve(name + "-" + starts + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Http http = new Http(port);
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " during start-up; see " + log);
      }
      if (http.healthy()) {
        return this;
      }
      sleep(250);
    }
    throw new IllegalStateException(name + " did not report UP within " + START_TIMEOUT);
  }

  /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
  void kill9() {
    long pid = process.pid();
    try {
      Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
      kill.waitFor(10, TimeUnit.SECONDS);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("process " + pid + " still runs after kill -9");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String output() {
    try {
      return log == null ? "" : Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
