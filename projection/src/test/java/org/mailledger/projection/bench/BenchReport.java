package org.mailledger.projection.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The measurements of one benchmark run, as a Markdown table for docs/performance.md and as JSON.
 */
final class BenchReport {

  /** One replay: reset and catch-up until the layout is at the head (or the round timed out). */
  record Replay(
      double seconds,
      double resetSeconds,
      long events,
      long rows,
      boolean complete,
      Activity db,
      Map<String, Long> threadNanos) {
    double eventsPerSecond() {
      return events / seconds;
    }

    double rowsPerSecond() {
      return rows / seconds;
    }
  }

  String setting = "";
  String command = "";
  BenchEventLog.Fill fill;
  double catchUpSeconds;
  Map<String, Integer> rowsPerTable = Map.of();
  long rows;
  double roundTripMicros;
  final List<Replay> replays = new ArrayList<>();
  final List<Double> insertSeconds = new ArrayList<>();
  final List<Double> eventCountInsertSeconds = new ArrayList<>();
  long eventCountRows;
  long readerAsked;
  long readerEmpty;
  long readerFailed;
  final List<Double> copySeconds = new ArrayList<>();
  final List<Double> rebuildSeconds = new ArrayList<>();
  final Map<Integer, List<Double>> rebuildSecondsBySize = new java.util.LinkedHashMap<>();
  final List<org.mailledger.projection.rebuild.LayoutRebuilder.Timings> rebuildTimings =
      new ArrayList<>();
  long events;

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private List<Double> replay(ToDoubleFunction<Replay> f) {
    return replays.stream().map(r -> f.applyAsDouble(r)).toList();
  }

  private List<Double> perSecond(List<Double> seconds) {
    return seconds.stream().map(s -> rows / s).toList();
  }

  /** The replay round whose events/s is the median, for the per-event breakdown. */
  private Replay medianReplay() {
    List<Replay> sorted =
        replays.stream()
            .sorted(java.util.Comparator.comparingDouble(Replay::eventsPerSecond))
            .toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  double replayRowsPerSecond() {
    return median(replay(Replay::rowsPerSecond));
  }

  double insertRowsPerSecond() {
    return median(perSecond(insertSeconds));
  }

  double eventCountInsertRowsPerSecond() {
    return median(eventCountInsertSeconds.stream().map(s -> eventCountRows / s).toList());
  }

  double rebuildEventsPerSecond() {
    return median(rebuildSeconds.stream().map(x -> events / x).toList());
  }

  double copyRowsPerSecond() {
    return median(perSecond(copySeconds));
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("## Rebuild benchmark: layout-mum\n\n");
    md.append(setting).append("\n\n");
    md.append("Log: ")
        .append(n(fill.events()))
        .append(" events (")
        .append(
            fill.byType().entrySet().stream()
                .map(e -> e.getKey().replace("Event", "") + " " + n(e.getValue()))
                .collect(Collectors.joining(", ")))
        .append("). Tables: ")
        .append(n(rows))
        .append(" rows (")
        .append(
            rowsPerTable.entrySet().stream()
                .map(e -> e.getKey() + " " + n(e.getValue()))
                .collect(Collectors.joining(", ")))
        .append(").\n\n");
    md.append("| measure | median | each round |\n|---|---:|---|\n");
    rowDecimal(md, "rebuild, seconds (shadow tables, catch-up, swap)", rebuildSeconds);
    row(md, "rebuild, events/s", rebuildSeconds.stream().map(x -> events / x).toList(), false);
    row(md, "rebuild, rows/s", perSecond(rebuildSeconds), false);
    if (!eventCountInsertSeconds.isEmpty()) {
      rowDecimal(
          md,
          "multi-row INSERT of " + n(eventCountRows) + " rows (as many as events), seconds",
          eventCountInsertSeconds);
      row(
          md,
          "multi-row INSERT of as many rows as events, rows/s",
          eventCountInsertSeconds.stream().map(x -> eventCountRows / x).toList(),
          false);
      md.append(
              "| **rebuild events/s ÷ multi-row INSERT rows/s, as many rows as events (the"
                  + " issue's measure; target 50 %)** | **")
          .append(percent(rebuildEventsPerSecond() / eventCountInsertRowsPerSecond()))
          .append("** | |\n");
    }
    rowDecimal(md, "multi-row INSERT of the same rows, seconds", insertSeconds);
    row(
        md,
        "multi-row INSERT, rows/s (1,000 rows a statement, auto-commit)",
        perSecond(insertSeconds),
        false);
    if (!copySeconds.isEmpty()) {
      row(md, "COPY FROM STDIN, rows/s (one per table)", perSecond(copySeconds), false);
    }
    md.append("| rebuild ÷ multi-row INSERT of the final rows (INSERT time ÷ rebuild time) | ")
        .append(percent(median(perSecond(rebuildSeconds)) / insertRowsPerSecond()))
        .append(" | |\n");
    if (rebuildSecondsBySize.size() > 1) {
      rebuildSecondsBySize.forEach(
          (size, seconds) -> {
            rowDecimal(md, "rebuild, " + n(size) + " events a transaction, seconds", seconds);
            md.append("| rebuild (")
                .append(n(size))
                .append(" events a transaction) ÷ multi-row INSERT | ")
                .append(percent(median(perSecond(seconds)) / insertRowsPerSecond()))
                .append(" | |\n");
          });
    }
    if (!copySeconds.isEmpty()) {
      md.append("| rebuild ÷ COPY (rows/s) | ")
          .append(percent(median(perSecond(rebuildSeconds)) / copyRowsPerSecond()))
          .append(" | |\n");
    }
    if (readerAsked > 0) {
      md.append("| Postfix's mailbox query during every rebuild: asked, empty, failed | ")
          .append(n(readerAsked))
          .append(", ")
          .append(readerEmpty)
          .append(", ")
          .append(readerFailed)
          .append(" | |\n");
    }
    if (!replays.isEmpty()) {
      row(
          md,
          "replay through the processor, events/s (reset + catch-up)",
          replay(Replay::eventsPerSecond),
          true);
      row(md, "replay, rows/s", replay(Replay::rowsPerSecond), true);
      md.append("| replay ÷ multi-row INSERT (rows/s) | ")
          .append(percent(replayRowsPerSecond() / insertRowsPerSecond()))
          .append(" | |\n");
    }
    md.append("\n");
    if (!rebuildTimings.isEmpty()) {
      md.append("Where the rebuild's time goes (median of rounds, seconds): ")
          .append(
              "total "
                  + decimal(median(rebuildTimings.stream().map(t -> t.total()).toList()))
                  + "; applying events through the writer into the page's row images "
                  + decimal(median(rebuildTimings.stream().map(t -> t.apply()).toList()))
                  + "; writing and committing the shadow-table transactions "
                  + decimal(median(rebuildTimings.stream().map(t -> t.write()).toList()))
                  + "; waiting for the next page to be read and decoded (reading and decoding"
                  + " run meanwhile on other threads) "
                  + decimal(median(rebuildTimings.stream().map(t -> t.readWait()).toList()))
                  + "; the rest is creating the shadow tables, stopping the processor and the"
                  + " swap.\n\n");
    }
    if (replays.isEmpty()) {
      appendFill(md);
      md.append("Reproduce: `").append(command).append("`\n");
      return md.toString();
    }
    Replay m = medianReplay();
    double events = m.events();
    double catchUp = m.seconds() - m.resetSeconds();
    double jvmMicros = m.db().jvmCpuNanos() / 1e3 / events;
    double machineMicros =
        m.db().machineBusy() * Runtime.getRuntime().availableProcessors() * catchUp * 1e6 / events;
    double otherMicros = Math.max(0, machineMicros - jvmMicros);
    // Only tables scanned sequentially often enough to matter, else the list is noise.
    String seqScansByTable =
        m.db().seqScansByTable().entrySet().stream()
            .filter(e -> e.getValue() / events >= 0.005)
            .map(e -> e.getKey() + " " + decimal(e.getValue() / events))
            .collect(Collectors.joining(", "));
    double threadMicros =
        m.threadNanos().values().stream().mapToLong(Long::longValue).sum() / 1e3 / events;
    md.append("Where the replay's time goes (median round, catch-up after the reset, per event): ")
        .append(decimal((m.db().indexScans() + m.db().seqScans()) / events))
        .append(" table scans, that is lookups by the statements and by foreign-key checks (")
        .append(decimal(m.db().indexScans() / events))
        .append(" index, ")
        .append(decimal(m.db().seqScans() / events))
        .append(" sequential reading ")
        .append(decimal(m.db().seqRowsRead() / events))
        .append(" rows")
        .append(seqScansByTable.isEmpty() ? "" : ", by table: " + seqScansByTable)
        .append("); ")
        .append(decimal((m.db().inserted() + m.db().updated() + m.db().deleted()) / events))
        .append(" rows written (inserted ")
        .append(decimal(m.db().inserted() / events))
        .append(", updated ")
        .append(decimal(m.db().updated() / events))
        .append(", deleted ")
        .append(decimal(m.db().deleted() / events))
        .append("); ")
        .append(decimal(m.db().commits() / events))
        .append(" commits. CPU: machine busy ")
        .append(percent(m.db().machineBusy()))
        .append(" of all cores; per event ")
        .append(n(jvmMicros))
        .append(" µs in this JVM (")
        .append(
            m.threadNanos().entrySet().stream()
                .map(e -> e.getKey() + " " + n(e.getValue() / 1e3 / events))
                .collect(Collectors.joining(", ")))
        .append(", the rest JIT compiler and GC ")
        .append(n(Math.max(0, jvmMicros - threadMicros)))
        .append(") and ")
        .append(n(otherMicros))
        .append(" µs outside it (PostgreSQL, mostly). One prepared lookup by aggregate_id, one at")
        .append(" a time, takes ")
        .append(decimal(roundTripMicros))
        .append(
            " µs from this JVM: the round-trip floor under every statement a segment sends.\n\n");
    appendFill(md);
    md.append("Reproduce: `").append(command).append("`\n");
    return md.toString();
  }

  private void appendFill(StringBuilder md) {
    md.append("Fill (not the point): ")
        .append(n(fill.events()))
        .append(" events in ")
        .append(decimal(fill.seconds()))
        .append(" s = ")
        .append(n(fill.eventsPerSecond()))
        .append(" events/s through the storage engine in batches of 5,000, processor stopped;")
        .append(" the live processor then built the tables from the log in ")
        .append(decimal(catchUpSeconds))
        .append(" s.\n\n");
  }

  String json() {
    return "{\n"
        + field("events", fill.events())
        + field("rows", rows)
        + field("fillEventsPerSecond", fill.eventsPerSecond())
        + field("catchUpSeconds", catchUpSeconds)
        + list("rebuildSeconds", rebuildSeconds)
        + field("rebuildRowsPerSecondMedian", median(perSecond(rebuildSeconds)))
        + field("rebuildOverInsert", median(perSecond(rebuildSeconds)) / insertRowsPerSecond())
        + field("eventCountRows", eventCountRows)
        + field("eventCountInsertRowsPerSecondMedian", eventCountInsertRowsPerSecond())
        + field(
            "rebuildEventsOverEventCountInsertRows",
            rebuildEventsPerSecond() / eventCountInsertRowsPerSecond())
        + field("replayEventsPerSecondMedian", median(replay(Replay::eventsPerSecond)))
        + field("replayRowsPerSecondMedian", replayRowsPerSecond())
        + list("replayEventsPerSecond", replay(Replay::eventsPerSecond))
        + list("replayRowsPerSecond", replay(Replay::rowsPerSecond))
        + list("replaySeconds", replay(Replay::seconds))
        + list("replayResetSeconds", replay(Replay::resetSeconds))
        + "  \"replayComplete\": "
        + replays.stream().map(r -> String.valueOf(r.complete())).toList()
        + ",\n"
        + field("insertRowsPerSecondMedian", insertRowsPerSecond())
        + list("insertRowsPerSecond", perSecond(insertSeconds))
        + field("copyRowsPerSecondMedian", copyRowsPerSecond())
        + list("copyRowsPerSecond", perSecond(copySeconds))
        + field("replayOverInsert", replayRowsPerSecond() / insertRowsPerSecond())
        + field("roundTripMicros", roundTripMicros)
        + "  \"command\": \""
        + command.replace("\"", "\\\"")
        + "\"\n}\n";
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(
        directory.resolve("bench-results.md"), markdown() + "\n```json\n" + json() + "```\n");
    Files.writeString(directory.resolve("bench-results.json"), json());
  }

  private void row(StringBuilder md, String name, List<Double> values, boolean replayRounds) {
    md.append("| ").append(name).append(" | ").append(n(median(values))).append(" | ");
    md.append(rounds(values, BenchReport::n, replayRounds)).append(" |\n");
  }

  private void rowDecimal(StringBuilder md, String name, List<Double> values) {
    md.append("| ").append(name).append(" | ").append(decimal(median(values))).append(" | ");
    md.append(rounds(values, BenchReport::decimal, values.size() == replays.size())).append(" |\n");
  }

  /** Each round's value; replay rounds that ran out of time are marked with a star. */
  private String rounds(List<Double> values, DoubleFunction<String> format, boolean replayRounds) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      boolean timedOut = replayRounds && i < replays.size() && !replays.get(i).complete();
      parts.add(format.apply(values.get(i)) + (timedOut ? "*" : ""));
    }
    return String.join(" · ", parts);
  }

  private static String field(String name, double value) {
    String format = Math.abs(value) < 10 ? "%.4f" : "%.1f";
    return "  \"" + name + "\": " + String.format(Locale.ROOT, format, value) + ",\n";
  }

  private static String list(String name, List<Double> values) {
    return "  \""
        + name
        + "\": ["
        + values.stream()
            .map(v -> String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.4f" : "%.1f", v))
            .collect(Collectors.joining(", "))
        + "],\n";
  }

  static String n(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  static String decimal(double value) {
    return String.format(Locale.ROOT, "%,.2f", value);
  }

  static String percent(double share) {
    return share < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", share * 100);
  }
}
