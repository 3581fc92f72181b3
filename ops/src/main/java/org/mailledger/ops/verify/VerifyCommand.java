package org.mailledger.ops.verify;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailledger.ops.config.LayoutName;
import org.mailledger.ops.db.DatabaseOptions;
import org.mailledger.projection.fold.EventLog;
import org.mailledger.projection.fold.Fold;
import org.mailledger.projection.fold.LayoutRows;
import org.mailledger.projection.fold.LogRange;
import org.mailledger.projection.fold.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ops verify}: holds the live lookup tables against a fold of the log. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    headerHeading = "%n",
    header = "Check the live lookup tables against the log, row by row.",
    descriptionHeading = "%nDescription:%n",
    description = {
      "Folds the log (domain_event_entry) in memory, independently of the projection,",
      "and compares every row and column of the layout's tables with it: mum's six",
      "tables; postfixadmin's domain, mailbox, alias and alias_domain; dinomail's",
      "mailledger_dinomail_* tables and the views Postfix and Dovecot read",
      "(PREFIXvirtualdomain, PREFIXvirtualuser, PREFIXvirtualalias). The fold stops at",
      "the log position the live tables have applied (the layout's token, layout-mum,",
      "layout-postfixadmin or layout-dinomail, read in the same snapshot as the rows),",
      "so a projection that lags but is correct is reported clean, with its lag.",
      "On MySQL/MariaDB times (postfixadmin's created, modified) compare in whole",
      "seconds, which is what a DATETIME keeps.",
      "",
      "Prints one line per difference: a missing row, an extra row, or a changed",
      "column with its expected and actual value (password hashes shortened).",
      "Progress goes to stderr on long logs.",
      "",
      "Databases are given as the app's properties: as options (below), as",
      "-Dspring.datasource.url=... system properties, or as environment variables",
      "(SPRING_DATASOURCE_URL, MAILLEDGER_LOOKUP_DATASOURCE_URL...). No Spring",
      "context is started."
    },
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the tables match the log",
      "1:differences found",
      "2:could not verify (database unreachable, unreadable log)"
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1/mail \\",
      "    ops verify --layout mum --spring.datasource.username=mailledger",
      "  ops verify --layout dinomail --table-prefix dinomail_ \\",
      "    --spring.datasource.url=jdbc:postgresql://127.0.0.1/mail"
    })
public class VerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--layout",
      required = true,
      paramLabel = "LAYOUT",
      converter = LayoutName.class,
      completionCandidates = LayoutName.class,
      description = "Lookup-table layout: ${COMPLETION-CANDIDATES}.")
  String layout;

  @Option(
      names = "--table-prefix",
      paramLabel = "PREFIX",
      defaultValue = "dinomail_",
      description =
          "dinomail: the prefix of its views, the app's mailledger.layout.dinomail.table-prefix"
              + " (default: ${DEFAULT-VALUE}).")
  String tablePrefix;

  @Mixin DatabaseOptions databases;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      FoldedLayout folded = FoldedLayout.of(layout, tablePrefix);
      LiveTables live = LiveTables.read(databases.lookup(), folded);
      AppliedPosition applied = live.applied();
      EventLog log = new EventLog(databases.eventStore());
      long head = log.head();
      Fold fold =
          Fold.run(
              folded.fold(applied::applied),
              databases.eventStore(),
              LogRange.upToPosition(applied.highest()),
              Progress.to(err));
      LayoutRows expected = fold.layoutRows();
      if (live.mysql()) {
        expected.truncateTimes(ChronoUnit.SECONDS);
      }
      List<Difference> differences = Comparison.compare(expected, live.rows());

      out.println(header(folded, applied, head));
      fold.warnings().forEach(w -> out.println("warning  the log itself: " + w));
      differences.forEach(out::println);
      String views =
          folded.tables().views().isEmpty()
              ? ""
              : " and " + folded.tables().views().size() + " views";
      if (differences.isEmpty()) {
        out.printf(
            "OK: %d rows in %d tables%s match %d events of the log.%n",
            expected.size(), folded.tables().tables().size(), views, fold.events());
      } else {
        out.printf(
            "FAILED: %d difference(s); %d rows expected, %d live.%n",
            differences.size(), expected.size(), live.rows().size());
      }
      out.flush();
      return differences.isEmpty() ? 0 : 1;
    } catch (RuntimeException e) {
      err.println("ops verify: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private static String header(FoldedLayout layout, AppliedPosition applied, long head) {
    StringBuilder text = new StringBuilder("Layout " + layout.name() + ": ");
    if (applied.segments() == 0) {
      return text.append("no ")
          .append(layout.processor())
          .append(" token yet, so the tables should be empty; the log's head is ")
          .append(head)
          .append('.')
          .toString();
    }
    text.append("the live tables have applied the log up to position ").append(applied.highest());
    if (!applied.even()) {
      text.append(" (segments at ")
          .append(applied.indexes().values())
          .append("; each event is checked against the segment that handles it)");
    }
    text.append(", read from the ")
        .append(layout.processor())
        .append(" token; the log's head is ")
        .append(head)
        .append('.');
    long lag = head - applied.highest();
    if (lag > 0) {
      text.append(" The ")
          .append(lag)
          .append(" later event(s) are not applied yet and not checked (lag, not an error).");
    }
    if (applied.anyGaps()) {
      text.append(" Positions the projection has not seen yet (gaps) are not checked: ")
          .append(applied.gaps().values());
    }
    return text.toString();
  }
}
