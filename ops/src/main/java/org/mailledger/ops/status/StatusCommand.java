package org.mailledger.ops.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mailledger.ops.db.DatabaseOptions;
import org.mailledger.projection.progress.FailedEvent;
import org.mailledger.projection.progress.ProcessingFailures;
import org.mailledger.projection.progress.RebuildFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ops status}: where each layout stands in the log, without the app's REST API. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    headerHeading = "%n",
    header = "Show each layout's position in the log, its lag and its state.",
    descriptionHeading = "%nDescription:%n",
    description = {
      "For each layout whose processor has a token in the lookup database (mum,",
      "postfixadmin, dinomail: those the app keeps or has kept there; mum alone when",
      "none has one yet): the log position all its segments have applied (from the stored",
      "tokens), the log's head, the lag in events and in milliseconds (age of the oldest",
      "event not applied yet), the state, and each segment's claim owner.",
      "",
      "State: running when a process (the app) holds the layout's token claims, else",
      "stopped; rebuilding while a rebuild records progress in layout_rebuild_progress",
      "(a row older than 60 s is an interrupted rebuild, shown as a note); error while a",
      "segment is stopped on an event it could not apply (layout_processing_error): the",
      "event's position, type, aggregate and the error are printed below the table.",
      "",
      "--json prints what GET /api/v1/projections returns. Databases are given as",
      "for ops verify; no Spring context is started."
    },
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:status shown", "2:the databases could not be read"})
public class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "JSON, as GET /api/v1/projections returns it.")
  boolean json;

  @Mixin DatabaseOptions databases;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<LayoutStatus> statuses;
    try {
      statuses = new StatusReader(databases.eventStore(), databases.lookup()).all();
    } catch (RuntimeException e) {
      err.println("ops status: " + message(e));
      err.flush();
      return 2;
    }
    if (json) {
      try {
        out.println(
            new ObjectMapper()
                .writeValueAsString(statuses.stream().map(LayoutStatus::status).toList()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      table(statuses, out);
    }
    out.flush();
    return 0;
  }

  private static void table(List<LayoutStatus> statuses, PrintWriter out) {
    String format = "%-12s %-11s %10s %10s %10s %10s  %s%n";
    out.printf(format, "LAYOUT", "STATE", "POSITION", "HEAD", "LAG", "LAG MS", "SEGMENT OWNERS");
    for (LayoutStatus s : statuses) {
      var p = s.status();
      out.printf(
          format,
          p.layout(),
          p.state(),
          p.position(),
          p.head(),
          p.lagEvents(),
          p.lagMs(),
          owners(s.owners()));
    }
    for (LayoutStatus s : statuses) {
      FailedEvent e = s.status().error();
      if (e != null) {
        out.printf(
            "%s: %s stopped on event %d (%s, aggregate %s) after %d attempt(s), last at"
                + " %s by %s:%n  %s%n",
            s.status().layout(),
            e.segment() == ProcessingFailures.ALL_SEGMENTS
                ? "every segment"
                : "segment " + e.segment(),
            e.position(),
            e.type(),
            e.aggregate(),
            e.attempts(),
            e.lastFailed(),
            e.node(),
            e.message());
        out.printf(
            "  The rest of that segment waits behind it; it is retried with a growing back-off."
                + " `ops verify --layout %s` shows where the tables disagree with the log; a"
                + " rebuild (POST /api/v1/projections/%s/rebuild, or `ops rebuild` with the app"
                + " stopped) repairs tables changed by hand; for an event that does not decode,"
                + " deploy the fix and restart.%n",
            s.status().layout(), s.status().layout());
      }
      RebuildFailure failed = s.status().rebuildFailure();
      if (failed != null) {
        out.printf(
            "%s: the last rebuild failed%s; the live tables were left as they were and its shadow"
                + " tables dropped:%n  %s%n  The layout shows error until its next rebuild"
                + " starts.%n",
            s.status().layout(),
            failed.failed() == null ? "" : " at " + failed.failed(),
            failed.message());
      }
      if (s.interruptedRebuild() >= 0) {
        out.printf(
            "%s: a rebuild stopped at log position %d before its swap (live tables untouched);"
                + " `ops rebuild --layout %s --resume` continues it.%n",
            s.status().layout(), s.interruptedRebuild(), s.status().layout());
      }
    }
  }

  private static String owners(Map<Integer, String> owners) {
    if (owners.isEmpty()) {
      return "(no segments yet)";
    }
    return owners.entrySet().stream()
        .map(e -> e.getKey() + ":" + (e.getValue() == null ? "-" : e.getValue()))
        .collect(Collectors.joining(" "));
  }

  /** The exception's message with its root cause's, which says what the database answered. */
  static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getMessage() : e.getMessage() + ": " + root.getMessage();
  }
}
