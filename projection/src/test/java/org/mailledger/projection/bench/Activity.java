package org.mailledger.projection.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counters read before and after a round, to say where a replay's time goes: PostgreSQL's own
 * statistics for the database (commits, index scans and tuples written on the six tables) and the
 * CPU used by this JVM and by the whole machine. Index scans stand in for statements: every lookup,
 * upsert and update by key the projection sends is at least one.
 */
record Activity(
    long commits,
    long indexScans,
    long seqScans,
    long seqRowsRead,
    Map<String, Long> seqScansByTable,
    long inserted,
    long updated,
    long deleted,
    long jvmCpuNanos,
    long machineBusyTicks,
    long machineTotalTicks) {

  /**
   * A backend reports its statistics at most once a second while busy and within a second of going
   * idle, so callers wait that long after a round before reading.
   */
  static Activity now(JdbcTemplate jdbc) {
    jdbc.execute("SELECT pg_stat_clear_snapshot()");
    Map<String, Object> db =
        jdbc.queryForMap(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
    Map<String, Object> tables =
        jdbc.queryForMap(
            "SELECT coalesce(sum(idx_scan), 0) AS idx, coalesce(sum(seq_scan), 0) AS seq,"
                + " coalesce(sum(seq_tup_read), 0) AS seqread,"
                + " coalesce(sum(n_tup_ins), 0) AS ins, coalesce(sum(n_tup_upd), 0) AS upd,"
                + " coalesce(sum(n_tup_del), 0) AS del FROM pg_stat_user_tables"
                + " WHERE relname IN ('domains', 'mailboxes', 'aliases', 'alias_recipients',"
                + " 'alias_senders', 'tls_policies')");
    Map<String, Long> seqByTable = new TreeMap<>();
    jdbc.query(
        "SELECT relname, seq_scan FROM pg_stat_user_tables WHERE relname IN ('domains',"
            + " 'mailboxes', 'aliases', 'alias_recipients', 'alias_senders', 'tls_policies')",
        (ResultSet r) -> {
          seqByTable.put(r.getString(1), r.getLong(2));
        });
    long[] cpu = machineTicks();
    return new Activity(
        number(db.get("xact_commit")),
        number(tables.get("idx")),
        number(tables.get("seq")),
        number(tables.get("seqread")),
        seqByTable,
        number(tables.get("ins")),
        number(tables.get("upd")),
        number(tables.get("del")),
        processCpuNanos(),
        cpu[0],
        cpu[1]);
  }

  Activity minus(Activity before) {
    return new Activity(
        commits - before.commits,
        indexScans - before.indexScans,
        seqScans - before.seqScans,
        seqRowsRead - before.seqRowsRead,
        difference(seqScansByTable, before.seqScansByTable),
        inserted - before.inserted,
        updated - before.updated,
        deleted - before.deleted,
        jvmCpuNanos - before.jvmCpuNanos,
        machineBusyTicks - before.machineBusyTicks,
        machineTotalTicks - before.machineTotalTicks);
  }

  /** Share of all cores the machine was busy, 0..1; -1 where /proc/stat is not readable. */
  double machineBusy() {
    return machineTotalTicks <= 0 ? -1 : (double) machineBusyTicks / machineTotalTicks;
  }

  private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> delta = new TreeMap<>();
    after.forEach((table, count) -> delta.put(table, count - before.getOrDefault(table, 0L)));
    return delta;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** Busy and total jiffies over all cores from the first line of /proc/stat. */
  private static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
