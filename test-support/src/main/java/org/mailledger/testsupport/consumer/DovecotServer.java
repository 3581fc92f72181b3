package org.mailledger.testsupport.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private, real Dovecot whose authentication can be asked with {@code doveadm auth test} and
 * {@code doveadm user}.
 *
 * <p>It listens on no port ({@code protocols =}), keeps its sockets, state and log in its own temp
 * directory and never reads the machine's /etc/dovecot, so tests can run beside each other and
 * beside a system Dovecot. Dovecot's master needs root here (as on a mail server); its login and
 * internal users {@code dovenull} and {@code dovecot} come with the Debian package.
 */
public final class DovecotServer implements AutoCloseable {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final int AUTH_FAILED = 77;
  private static final int USER_UNKNOWN = 67;

  private final Path dir;
  private final Path config;
  private final Path baseDir;
  private final Path log;

  private DovecotServer(Path dir) {
    this.dir = dir;
    this.config = dir.resolve("dovecot.conf");
    this.baseDir = dir.resolve("run");
    this.log = dir.resolve("dovecot.log");
  }

  /**
   * Starts Dovecot with a passdb/userdb configuration file, such as the {@code
   * auth-mailledger.conf.ext} that {@code ops config} writes, included as it is.
   *
   * @param firstValidUid Dovecot's first_valid_uid; users below it are answered as unknown, so keep
   *     it at or below the vmail uid
   */
  public static DovecotServer withAuthConfig(Path authConfig, int firstValidUid) {
    return start("!include " + authConfig.toAbsolutePath() + "\n", firstValidUid);
  }

  /**
   * Starts Dovecot with {@code driver = sql} passdb and userdb on a {@code dovecot-sql.conf.ext},
   * every user owned by {@code uid}/{@code gid}.
   */
  public static DovecotServer withSqlConfig(Path dovecotSqlConf, int uid, int gid) {
    String args = dovecotSqlConf.toAbsolutePath().toString();
    return start(
        "passdb {\n  driver = sql\n  args = "
            + args
            + "\n}\nuserdb {\n  driver = sql\n  args = "
            + args
            + "\n  default_fields = uid="
            + uid
            + " gid="
            + gid
            + "\n}\n",
        Math.min(uid, 500));
  }

  /** Starts Dovecot with {@code authSettings} (passdb and userdb blocks) as its auth setup. */
  public static DovecotServer start(String authSettings, int firstValidUid) {
    Path dir;
    try {
      // Short path: Dovecot's unix sockets live below it and socket paths are limited to 108 bytes.
      dir = Files.createTempDirectory(Path.of("/tmp"), "mltest-dovecot-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a Dovecot directory", e);
    }
    DovecotServer server = new DovecotServer(dir);
    try {
      server.writeConfig(authSettings, firstValidUid);
      server.startMaster();
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private void writeConfig(String authSettings, int firstValidUid) {
    String conf =
        "protocols =\n"
            + "base_dir = "
            + baseDir
            + "\n"
            + "state_dir = "
            + dir.resolve("state")
            + "\n"
            + "log_path = "
            + log
            + "\n"
            + "ssl = no\n"
            + "first_valid_uid = "
            + firstValidUid
            + "\n"
            + "auth_mechanisms = plain\n"
            + "auth_verbose = yes\n"
            // Dovecot holds back failed logins to slow password guessing: by auth_failure_delay
            // (2 s) and by anvil's penalty, which grows with each failure from the same source,
            // and doveadm is always the same source. A test that checks wrong passwords would
            // only wait; mode 0 on the penalty socket is Dovecot's documented way to turn it off.
            + "auth_failure_delay = 0\n"
            + "service anvil {\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}\n"
            + authSettings;
    try {
      Files.createDirectories(dir.resolve("state"));
      Files.writeString(config, conf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + config, e);
    }
  }

  private void startMaster() {
    ProcessResult r = Processes.run(List.of("dovecot", "-c", config.toString()), START_TIMEOUT);
    if (r.exitCode() != 0) {
      throw new IllegalStateException("dovecot did not start: " + r.describe() + logTail());
    }
    // The master forks into the background; doveadm can ask once it has its pid file and the
    // auth sockets that doveadm connects to.
    List<Path> ready =
        List.of(
            baseDir.resolve("master.pid"),
            baseDir.resolve("auth-client"),
            baseDir.resolve("auth-userdb"));
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!ready.stream().allMatch(Files::exists)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "dovecot started but did not create " + ready + " within " + START_TIMEOUT + logTail());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for dovecot", e);
      }
    }
  }

  /**
   * Whether Dovecot accepts {@code password} for {@code user}.
   *
   * @throws IllegalStateException when the lookup itself failed (the passdb could not be asked),
   *     with Dovecot's log
   */
  public boolean authTest(String user, String password) {
    ProcessResult r = doveadm("auth", "test", user, password);
    if (r.exitCode() == 0) {
      return true;
    }
    // Dovecot answers 77 also when the passdb could not be asked (unreachable database,
    // unreadable file), marked with code=temp_fail: that is a broken setup, not a wrong password.
    if (r.exitCode() == AUTH_FAILED && !r.stdout().contains("temp_fail")) {
      return false;
    }
    throw new IllegalStateException(
        "doveadm auth test " + user + " failed: " + r.describe() + logTail());
  }

  /**
   * The userdb fields Dovecot gives {@code user} (home, mail, quota_rule, uid, gid...), or an empty
   * map when the userdb does not know the user.
   */
  public Map<String, String> user(String user) {
    ProcessResult r = doveadm("-f", "tab", "user", user);
    if (r.exitCode() == USER_UNKNOWN) {
      return Map.of();
    }
    if (r.exitCode() != 0) {
      throw new IllegalStateException(
          "doveadm user " + user + " failed: " + r.describe() + logTail());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> lines = r.stdout().lines().toList();
    // The first line is the "field<TAB>value" header of the tab formatter.
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        fields.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return fields;
  }

  private ProcessResult doveadm(String... args) {
    List<String> command = new ArrayList<>(List.of("doveadm", "-c", config.toString()));
    command.addAll(List.of(args));
    return Processes.run(command, COMMAND_TIMEOUT);
  }

  /** Everything Dovecot logged so far. */
  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(could not read " + log + ": " + e + ")";
    }
  }

  private String logTail() {
    return "\n--- dovecot log:\n" + log();
  }

  public Path configFile() {
    return config;
  }

  /** Stops the master by its pid file and waits for it to go, then deletes the directory. */
  @Override
  public void close() {
    try {
      masterPid().flatMap(ProcessHandle::of).ifPresent(DovecotServer::stop);
    } finally {
      TempDirs.deleteRecursively(dir);
    }
  }

  private Optional<Long> masterPid() {
    Path pidFile = baseDir.resolve("master.pid");
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("Unreadable " + pidFile, e);
    }
  }

  private static void stop(ProcessHandle master) {
    master.destroy();
    try {
      master.onExit().get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      master.destroyForcibly();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not wait for dovecot to stop", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
