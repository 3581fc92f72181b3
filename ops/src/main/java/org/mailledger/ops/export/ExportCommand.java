package org.mailledger.ops.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mailledger.ops.config.LayoutName;
import org.mailledger.ops.config.SqlDialect;
import org.mailledger.ops.db.DatabaseOptions;
import org.mailledger.ops.db.Instants;
import org.mailledger.projection.fold.EventLog;
import org.mailledger.projection.fold.Fold;
import org.mailledger.projection.fold.LayoutRows;
import org.mailledger.projection.fold.LogRange;
import org.mailledger.projection.fold.Progress;
import org.mailledger.projection.layouts.Layouts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ops export}: the lookup tables as they were at an instant, folded from the log. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    headerHeading = "%n",
    header = "Write the lookup tables as they were at an instant.",
    descriptionHeading = "%nDescription:%n",
    description = {
      "Folds the log up to and including --as-of (millisecond precision, UTC) and",
      "writes the layout's tables as they were then, ids and times included (mum: its",
      "six tables; postfixadmin: domain, mailbox, alias, alias_domain; dinomail: the",
      "mailledger_dinomail_* tables behind its views, which show them once loaded):",
      "  --format sql  INSERT statements, table after table, parents first, in",
      "                the --dialect's spelling; to DIR/LAYOUT-DIALECT.sql or stdout",
      "  --format csv  DIR/TABLE.csv per table with a header line; NULL is an",
      "                empty field, the empty string \"\" (needs --out)",
      "Times (postfixadmin's created, modified): with milliseconds and +00 for",
      "postgresql, whole seconds UTC for mysql, as a DATETIME keeps them.",
      "Only the event store is read: the live tables are not needed.",
      "Databases are given as for ops verify (options, -D, or environment)."
    },
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExample:%n",
    footer = {
      "  ops export --as-of 2026-11-22T00:42:44.500Z --layout mum --format csv \\",
      "     --out /tmp/mum --spring.datasource.url=jdbc:postgresql://127.0.0.1/mail",
      "  ops export --as-of 2026-11-22 --layout postfixadmin --format sql --dialect mysql"
    })
public class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--as-of",
      required = true,
      paramLabel = "TIMESTAMP",
      description = "The instant: 2026-11-22T00:42:44.500Z, with an offset, or a day (UTC).")
  String asOf;

  @Option(
      names = "--layout",
      required = true,
      paramLabel = "LAYOUT",
      converter = LayoutName.class,
      completionCandidates = LayoutName.class,
      description = "Lookup-table layout: ${COMPLETION-CANDIDATES}.")
  String layout;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "sql or csv.")
  ExportFormat format;

  @Option(
      names = "--dialect",
      paramLabel = "DIALECT",
      defaultValue = "postgresql",
      description = "postgresql or mysql (MySQL and MariaDB) (default: ${DEFAULT-VALUE}).")
  SqlDialect dialect;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Directory to write into; created if missing. sql without it: stdout.")
  Path out;

  @Mixin DatabaseOptions databases;

  @Override
  public Integer call() throws IOException {
    Instant instant;
    try {
      instant = Instants.parse(asOf);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--as-of: " + e.getMessage());
    }
    if (format == ExportFormat.CSV && out == null) {
      throw new ParameterException(spec.commandLine(), "--format csv writes files: give --out DIR");
    }
    PrintWriter err = spec.commandLine().getErr();
    String name = layout;
    // The view prefix does not matter: views are not exported.
    Fold fold =
        Fold.run(
            Layouts.describe(name, Layouts.DEFAULT_SETTINGS).folds().fold(),
            databases.eventStore(),
            LogRange.upToInstant(instant),
            Progress.to(err));
    LayoutRows rows = fold.layoutRows();
    String dialectName = dialect.name().toLowerCase(Locale.ROOT);
    String about =
        name
            + " layout as of "
            + EventLog.timeStamp(instant)
            + " (log position "
            + fold.position()
            + ", "
            + fold.events()
            + " events), "
            + dialectName;
    List<Path> written = new ArrayList<>();
    if (format == ExportFormat.SQL) {
      String sql = "-- " + about + "\n" + TableWriter.sql(rows, dialect);
      if (out == null) {
        spec.commandLine().getOut().print(sql);
        spec.commandLine().getOut().flush();
      } else {
        Files.createDirectories(out);
        written.add(
            Files.writeString(
                out.resolve(name + "-" + dialectName + ".sql"), sql, StandardCharsets.UTF_8));
      }
    } else {
      Files.createDirectories(out);
      for (String table : rows.layout().tables()) {
        written.add(
            Files.writeString(
                out.resolve(table + ".csv"),
                TableWriter.csv(rows, table, dialect),
                StandardCharsets.UTF_8));
      }
    }
    if (out != null) {
      // Files hold password hashes, as the live tables do: only the owner reads them.
      restrict(written);
      err.println("wrote the " + about + " to " + out);
      err.flush();
    }
    return 0;
  }

  private static void restrict(List<Path> files) throws IOException {
    for (Path file : files) {
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        return;
      }
    }
  }
}
