package org.mailledger.ops.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.mailledger.ops.db.DatabaseOptions;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.projection.rebuild.LayoutRebuilder;
import org.mailledger.projection.rebuild.RebuildCancelledException;
import org.mailledger.projection.rebuild.Rebuilds;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ops rebuild}: the app's rebuild, for when the app is stopped. */
@Command(
    name = "rebuild",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    headerHeading = "%n",
    header = "Rebuild a layout's tables from the log while the app is stopped.",
    descriptionHeading = "%nDescription:%n",
    description = {
      "Reads the log into shadow tables (rebuild_*), then swaps them in atomically with",
      "the layout's tokens, exactly as POST /api/v1/projections/{layout}/rebuild does in",
      "the app. Postfix and Dovecot keep reading the live tables throughout.",
      "",
      "Only for a stopped app: when another process holds the layout's token claims it",
      "refuses (exit 2); use the running app's POST /api/v1/projections/{layout}/rebuild.",
      "",
      "dinomail: its views (<prefix>virtualdomain, virtualuser, virtualalias) are made to",
      "show the new tables in the same transaction as the swap; give the app's prefix.",
      "",
      "Progress goes to stderr: on a terminal one line redrawn in place with a bar, events",
      "done of the log's total, events/s and the time left; otherwise a plain line every",
      "few seconds. Ctrl-C (or SIGTERM) stops at the end of the current transaction with",
      "the live tables untouched and the position recorded; after a crash or kill -9 the",
      "last committed position is recorded. --resume continues from there, not from zero."
    },
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:rebuilt and swapped in",
      "1:the rebuild failed (the live tables are untouched)",
      "2:refused (the app is running, an unknown layout) or the databases could not be reached",
      "130:cancelled (Ctrl-C); --resume continues"
    })
public class RebuildCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--layout",
      required = true,
      paramLabel = "LAYOUT",
      description = "Lookup-table layout: mum, postfixadmin or dinomail.")
  String layout;

  @Option(
      names = "--table-prefix",
      paramLabel = "PREFIX",
      defaultValue = "dinomail_",
      description =
          "dinomail: the app's mailledger.layout.dinomail.table-prefix (default: ${DEFAULT-VALUE}).")
  String tablePrefix;

  @Option(
      names = "--resume",
      description = "Continue an interrupted rebuild from its recorded progress.")
  boolean resume;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      defaultValue = "auto",
      description =
          "How progress is shown: auto (a bar on a terminal, lines otherwise), bar, lines.")
  String progressMode;

  @Mixin DatabaseOptions databases;

  // Flipped by Ctrl-C (the shutdown hook), or by a test.
  final AtomicBoolean cancelled = new AtomicBoolean();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String group;
    try {
      new ProjectionProperties.Dinomail(tablePrefix);
      LayoutDescriptor described = Layouts.describe(layout, Layouts.DEFAULT_SETTINGS);
      layout = described.name();
      group = described.group();
    } catch (IllegalArgumentException e) {
      err.println("ops rebuild: " + e.getMessage());
      err.flush();
      return 2;
    }
    DataSource eventStore;
    DataSource lookup;
    List<String> owners;
    try {
      eventStore = databases.eventStore();
      lookup = databases.lookup();
      owners = owners(lookup, group);
    } catch (RuntimeException e) {
      err.println("ops rebuild: " + message(e));
      err.flush();
      return 2;
    }
    // Checked before starting anything; LayoutRebuilder checks again before its swap, which
    // catches an app started in between.
    if (!owners.isEmpty()) {
      err.println(
          "ops rebuild: "
              + group
              + " is running in another process ("
              + String.join(", ", owners)
              + "): the app is up. Rebuild through it instead: POST /api/v1/projections/"
              + layout
              + "/rebuild (then GET /api/v1/projections). Nothing was changed.");
      err.flush();
      return 2;
    }

    ProgressDisplay display;
    try {
      display =
          new ProgressDisplay(
              err, ProgressDisplay.Mode.valueOf(progressMode.toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      err.println("ops rebuild: --progress takes auto, bar or lines, not " + progressMode);
      err.flush();
      return 2;
    }
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              cancelled.set(true);
              // Let the rebuild stop between pages, so its progress is recorded for --resume.
              try {
                finished.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "ops-rebuild-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    try (HikariDataSource events = pooled(eventStore, "eventstore");
        HikariDataSource tables = pooled(lookup, "lookup");
        ConfigurableApplicationContext context = context(events, tables, layout, tablePrefix)) {
      LayoutRebuilder rebuilder = context.getBean(Rebuilds.class).rebuilder(layout).orElseThrow();
      if (resume) {
        rebuilder
            .recordedPosition()
            .ifPresentOrElse(
                p -> err.printf("Resuming the rebuild at log position %d.%n", p),
                () -> err.println("No interrupted rebuild recorded: starting from the beginning."));
        err.flush();
      }
      long position = rebuilder.rebuild(resume, display, cancelled::get);
      out.printf("Layout %s rebuilt up to log position %d and swapped in.%n", layout, position);
      out.flush();
      return 0;
    } catch (RebuildCancelledException e) {
      display.finish();
      err.println("ops rebuild: " + e.getMessage() + "; `ops rebuild --resume` continues");
      err.flush();
      return 130;
    } catch (RuntimeException e) {
      display.finish();
      err.println("ops rebuild: " + message(e) + " (the live tables are untouched)");
      err.flush();
      return 1;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook runs already and is released by the latch.
      }
    }
  }

  private static List<String> owners(DataSource lookup, String group) {
    return new JdbcTemplate(lookup)
        .queryForList(
            "SELECT owner FROM layout_token_entry WHERE processor_name = ? AND owner IS NOT NULL",
            String.class,
            group);
  }

  /**
   * A context with the tool's own databases as beans, so the properties need no second parsing: the
   * event store as Spring Boot's DataSource, the lookup database as the projection's bean. Spring's
   * shutdown hook is off: our hook lets the rebuild stop first, then the context closes. The layout
   * to rebuild is the context's only kept layout.
   */
  private static ConfigurableApplicationContext context(
      DataSource events, DataSource tables, String layout, String tablePrefix) {
    return new SpringApplicationBuilder(RebuildApplication.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .registerShutdownHook(false)
        .initializers(
            context -> {
              context.getBeanFactory().registerSingleton("dataSource", events);
              context
                  .getBeanFactory()
                  .registerSingleton("lookupDatabase", new LookupDatabase(tables));
            })
        .properties(
            Map.ofEntries(
                Map.entry("mailledger.layouts", layout),
                Map.entry("mailledger.layout.dinomail.table-prefix", tablePrefix),
                Map.entry("spring.flyway.enabled", "false"),
                Map.entry("axon.axonserver.enabled", "false"),
                Map.entry("axon.serializer.general", "jackson"),
                Map.entry("axon.serializer.events", "jackson"),
                Map.entry("axon.serializer.messages", "jackson"),
                Map.entry("axoniq.update-checker.disabled", "true"),
                Map.entry("spring.jackson.deserialization.fail-on-unknown-properties", "true"),
                Map.entry("spring.jackson.deserialization.fail-on-null-for-primitives", "true"),
                Map.entry("logging.level.root", "WARN"),
                Map.entry("spring.main.allow-bean-definition-overriding", "false")))
        .run();
  }

  /** A pool for the rebuild's many pages, from the plain data source the options give. */
  private static HikariDataSource pooled(DataSource plain, String name) {
    DriverManagerDataSource options = (DriverManagerDataSource) plain;
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(options.getUrl());
    pool.setUsername(options.getUsername());
    pool.setPassword(options.getPassword());
    pool.setPoolName(name);
    pool.setMaximumPoolSize(4);
    String url = options.getUrl();
    if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
      // As the app's lookup pool: READ COMMITTED avoids InnoDB's gap locks on the unique keys.
      pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    }
    return pool;
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
