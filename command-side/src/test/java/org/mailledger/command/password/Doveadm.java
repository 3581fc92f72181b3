package org.mailledger.command.password;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real {@code doveadm pw}, the same code Dovecot uses to check a login, so that our hashes
 * are proven against Dovecot rather than against our own reading of its formats.
 */
final class Doveadm {

  static final String MISSING =
      "doveadm not found on PATH nor in /usr/bin, /usr/sbin; install dovecot-core (bin/test does it)";

  private static final long TIMEOUT_SECONDS = 30;

  private final Path executable;
  private final Path config;
  private final Path workDir;

  private Doveadm(Path executable, Path config, Path workDir) {
    this.executable = executable;
    this.config = config;
    this.workDir = workDir;
  }

  /**
   * Finds doveadm and writes an empty dovecot.conf for it into {@code workDir}.
   *
   * <p>doveadm parses a configuration before any command, by default /etc/dovecot/dovecot.conf, and
   * stops with "Error reading configuration" when it cannot (exit 75, e.g. for a missing file).
   * That file belongs to the machine, not to this build: it may be absent or half-edited, and the
   * Debian one includes conf.d/10-ssl.conf, whose certificate paths point into the root-only
   * /etc/dovecot/private (empty on the machine this was written on; {@code doveadm pw} happens to
   * tolerate that today). {@code doveadm pw} needs no setting at all, so an empty file passed with
   * {@code -c} is accepted and leaves doveadm's password code as the only thing under test. {@code
   * -c /dev/null} works too, but a real file keeps working should doveadm ever insist on one.
   */
  static Doveadm start(Path workDir) throws IOException {
    Path config = workDir.resolve("dovecot.conf");
    Files.writeString(config, "# intentionally empty: doveadm pw needs no settings\n");
    return new Doveadm(locate(searchPath()), config, workDir);
  }

  static List<Path> searchPath() {
    List<Path> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      Stream.of(path.split(File.pathSeparator))
          .filter(dir -> !dir.isBlank())
          .map(Path::of)
          .forEach(dirs::add);
    }
    dirs.add(Path.of("/usr/bin"));
    dirs.add(Path.of("/usr/sbin"));
    return dirs;
  }

  /** Fails rather than skips when doveadm is absent: a silent skip would hide broken hashes. */
  static Path locate(List<Path> dirs) {
    return dirs.stream()
        .map(dir -> dir.resolve("doveadm"))
        .filter(Files::isExecutable)
        .findFirst()
        .orElseGet(() -> fail(MISSING));
  }

  /** {@code doveadm pw -t <hash> -p <plain>}: exit 0 and "(verified)" when they match. */
  DoveadmResult verify(String hash, String plain) throws IOException, InterruptedException {
    return run("pw", "-t", hash, "-p", plain);
  }

  /** {@code doveadm pw -s <scheme> -p <plain>}: a hash written by Dovecot itself. */
  String hash(PasswordScheme scheme, String plain) throws IOException, InterruptedException {
    DoveadmResult result = run("pw", "-s", scheme.dovecotName(), "-p", plain);
    if (result.exitCode() != 0) {
      fail("doveadm pw -s " + scheme.dovecotName() + " failed: " + result);
    }
    return result.output().strip();
  }

  private DoveadmResult run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.add("-c");
    command.add(config.toString());
    command.addAll(List.of(args));
    // Output goes to a file, not a pipe, so a hanging doveadm cannot block us past the timeout.
    Path output = Files.createTempFile(workDir, "doveadm", ".out");
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("doveadm did not finish within " + TIMEOUT_SECONDS + " s");
    }
    DoveadmResult result =
        new DoveadmResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    System.out.println("doveadm exit " + result.exitCode() + ": " + result.output().strip());
    return result;
  }
}
