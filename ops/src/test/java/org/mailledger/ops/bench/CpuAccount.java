package org.mailledger.ops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the machine's CPU went during one measured step, per unit of work (a command, a pgbench
 * transaction): the app's process, the database server's processes (those of the OS user {@code
 * postgres}), and the rest (the load generator, mostly), read from {@code /proc} before and after;
 * with the database's committed transactions per unit from {@code pg_stat_database}. It turns "the
 * command path reaches x % of pgbench" into where the gap is.
 */
final class CpuAccount {

  /** CPU milliseconds per unit of work; transactions the database committed per unit. */
  record Split(
      double perSecond, double appMs, double databaseMs, double otherMs, double transactions) {

    String describe() {
      return String.format(
          Locale.ROOT,
          "%.0f/s; CPU per unit: app %.3f ms, database %.3f ms, rest %.3f ms;"
              + " %.1f database transactions per unit",
          perSecond,
          appMs,
          databaseMs,
          otherMs,
          transactions);
    }
  }

  /** What one measured step answers: its rate per second and the units it completed. */
  record Work(double perSecond, long units) {}

  private static final double TICK_MS = 1000.0 / clockTicks();

  private CpuAccount() {}

  /** Runs {@code step} and splits the machine's CPU over the units of work it reports. */
  static Split measure(long appPid, JdbcTemplate db, Callable<Work> step) throws Exception {
    String database = db.queryForObject("SELECT current_database()", String.class);
    Ticks before = Ticks.read(appPid);
    long xactsBefore = commits(db, database);
    Work work = step.call();
    Ticks after = Ticks.read(appPid);
    long xacts = commits(db, database) - xactsBefore;
    double units = Math.max(1, work.units());
    double busy = (after.busy - before.busy) * TICK_MS;
    double app = (after.app - before.app) * TICK_MS;
    double database1 = (after.database - before.database) * TICK_MS;
    return new Split(
        work.perSecond(),
        app / units,
        database1 / units,
        Math.max(0, busy - app - database1) / units,
        xacts / units);
  }

  private static long commits(JdbcTemplate db, String database) {
    // The statistics collector publishes with a delay; a fresh snapshot is enough here.
    db.execute("SELECT pg_stat_clear_snapshot()");
    Long n =
        db.queryForObject(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = ?", Long.class, database);
    return n == null ? 0 : n;
  }

  /** Jiffies: all CPUs busy, the app's process, the database user's processes. */
  private record Ticks(long busy, long app, long database) {

    static Ticks read(long appPid) throws IOException {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      // user nice system idle iowait irq softirq steal: all but idle and iowait are busy
      for (int i = 1; i <= 8 && i < cpu.length; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(cpu[i]);
        }
      }
      long database =
          ProcessHandle.allProcesses()
              .filter(p -> p.info().user().filter("postgres"::equals).isPresent())
              .mapToLong(p -> processTicks(p.pid()))
              .sum();
      return new Ticks(busy, processTicks(appPid), database);
    }
  }

  /**
   * utime + stime of one process and of its reaped children (the postmaster's count of the backends
   * that ended during the step, pgbench's among them); 0 if it is gone.
   */
  private static long processTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // the command name in parentheses may hold spaces: count fields after its closing one
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11])
          + Long.parseLong(f[12])
          + Long.parseLong(f[13])
          + Long.parseLong(f[14]);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | InterruptedException | NumberFormatException e) {
      return 100;
    }
  }
}
