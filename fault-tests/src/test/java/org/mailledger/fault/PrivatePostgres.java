package org.mailledger.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of this test's own ({@code initdb} + {@code pg_ctl} of the installed server,
 * in a temp dir, on a free port), so that it can be stopped and restarted without touching the
 * shared server that every other test uses. Runs as {@code postgres} when the tests run as root,
 * since PostgreSQL refuses to run as root.
 */
final class PrivatePostgres implements AutoCloseable {

  private final Path bin;
  private final Path dir;
  private final Path data;
  private final int port;
  private final boolean asPostgresUser;

  private PrivatePostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
    this.asPostgresUser = "root".equals(System.getProperty("user.name"));
  }

  static PrivatePostgres create() {
    Path bin = serverBinaries();
    try {
      Path dir =
          Files.createTempDirectory(
              "mailledger-pg-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      PrivatePostgres pg = new PrivatePostgres(bin, dir, AppProcess.freePort());
      if (pg.asPostgresUser) {
        run(List.of("chown", "postgres:postgres", dir.toString()));
      }
      pg.pg(
          "initdb",
          "-D",
          pg.data.toString(),
          "-U",
          "postgres",
          "-A",
          "trust",
          "-E",
          "UTF8",
          "--no-sync");
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path serverBinaries() {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString())))
          .orElseThrow();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "no PostgreSQL server binaries under /usr/lib/postgresql (bin/test installs them)", e);
    }
  }

  int port() {
    return port;
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  PrivatePostgres start() {
    pgCtl("start");
    return this;
  }

  /** {@code pg_ctl restart -m fast}: open sessions are ended, transactions in flight roll back. */
  void restart() {
    pgCtl("restart");
  }

  void createDatabase(String name) {
    pg(
        "psql",
        "-h",
        "127.0.0.1",
        "-p",
        Integer.toString(port),
        "-U",
        "postgres",
        "-d",
        "postgres",
        "-Atqc",
        "CREATE DATABASE " + name);
  }

  private void pgCtl(String action) {
    pg(
        "pg_ctl",
        "-D",
        data.toString(),
        "-w",
        "-t",
        "60",
        "-m",
        "fast",
        "-l",
        dir.resolve("server.log").toString(),
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
        action);
  }

  private void pg(String program, String... args) {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    run(command);
  }

  private static void run(List<String> command) {
    try {
      Path out = Files.createTempFile("pg-command", ".out");
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not finish in 90 s");
      }
      String output = Files.readString(out);
      Files.deleteIfExists(out);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(command + " failed (" + p.exitValue() + "): " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      pgCtl("stop");
    } catch (RuntimeException alreadyStopped) {
      // Nothing to stop; the files go all the same.
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
