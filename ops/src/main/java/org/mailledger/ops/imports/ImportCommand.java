package org.mailledger.ops.imports;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mailledger.ops.db.DatabaseOptions;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ops import}: a PostfixAdmin, MUM or DinoMail database into Mailledger, by commands. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    headerHeading = "%n",
    header = "Import a PostfixAdmin, MUM or DinoMail database into Mailledger.",
    descriptionHeading = "%nDescription:%n",
    description = {
      "Reads the source database in one read-only transaction and sends one set of commands",
      "per row through Mailledger's command side, with actor 'import' and the source's URL",
      "(without password) as source: the log holds the whole import, and every rule holds.",
      "Password hashes are kept as they are (BLF-CRYPT, ARGON2ID, SHA512-CRYPT, also without",
      "a {SCHEME} prefix); anything Mailledger cannot keep faithfully, or that breaks one of",
      "its rules, is skipped whole and reported with the reason.",
      "",
      "A second run imports nothing twice: it reports rows imported before, rows changed in",
      "the source since (not applied), and imports only what is new. So Ctrl-C at any time",
      "and running the same command again continues. Works with the app stopped or running.",
      "--dry-run reads and checks everything and writes nothing."
    },
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:everything is in Mailledger (imported now or before)",
      "1:some rows were skipped, refused or changed since an earlier run (see the report)",
      "2:could not run (source or event store unreachable, bad options)",
      "130:interrupted (Ctrl-C); run the same command again to continue"
    })
public class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "TOOL",
      description = "The source's tool: postfixadmin, mum or dinomail.")
  SourceKind from;

  @Option(
      names = "--url",
      required = true,
      paramLabel = "JDBC_URL",
      description = "The source database, e.g. jdbc:mysql://HOST:3306/postfix.")
  String url;

  @Option(
      names = "--user",
      paramLabel = "USER",
      description = "Source database user (or MAILLEDGER_IMPORT_USER).")
  String user;

  @Option(
      names = "--password",
      paramLabel = "PASSWORD",
      description = "Its password (or MAILLEDGER_IMPORT_PASSWORD, which keeps it out of ps).")
  String password;

  @Option(
      names = "--table-prefix",
      paramLabel = "PREFIX",
      defaultValue = "dinomail_",
      description = "DinoMail's table prefix, the Django app label (default: ${DEFAULT-VALUE}).")
  String tablePrefix;

  @Option(
      names = "--quota-multiplier",
      paramLabel = "BYTES",
      defaultValue = "1024000",
      description =
          "PostfixAdmin's $CONF['quota_multiplier']: bytes per MB of its domain quotas"
              + " (default: ${DEFAULT-VALUE}).")
  long quotaMultiplier;

  @Option(
      names = "--mailledger.mail-root",
      paramLabel = "DIR",
      description =
          "The app's mail root, for the mailboxes' paths (or MAILLEDGER_MAIL_ROOT;"
              + " default /var/vmail).")
  String mailRoot;

  @Option(names = "--dry-run", description = "Read and check everything; write nothing.")
  boolean dryRun;

  @Mixin DatabaseOptions databases;

  // Tests replace the environment; the tool reads the real one.
  Map<String, String> environment = System.getenv();

  final AtomicBoolean cancelled = new AtomicBoolean();

  // Asked between two steps; Ctrl-C flips it through the shutdown hook, a test at a chosen step.
  BooleanSupplier cancellation = cancelled::get;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String source = JdbcUrls.withoutPassword(url);
    SourceData data;
    ImportPlan plan;
    DataSource eventStore;
    try {
      data = readSource();
      eventStore = dryRun && !databases.eventStoreConfigured() ? null : databases.eventStore();
      LogState log;
      if (eventStore == null) {
        err.println("ops import: no event store given; the dry run assumes an empty Mailledger");
        err.flush();
        log = LogState.empty();
      } else {
        log = logState(eventStore, data, err);
      }
      plan = ImportPlanner.plan(data, log);
    } catch (SQLException | RuntimeException e) {
      err.println("ops import: " + message(e));
      err.flush();
      return 2;
    }
    ImportReport report = new ImportReport(from, source, plan);
    if (dryRun) {
      report.printDryRun(out);
      out.flush();
      return report.clean(List.of()) ? 0 : 1;
    }
    return run(plan, report, eventStore, source, out, err);
  }

  private SourceData readSource() throws SQLException {
    SourceReader reader =
        switch (from) {
          case POSTFIXADMIN -> new PostfixAdminReader(quotaMultiplier);
          case MUM -> new MumReader();
          case DINOMAIL -> new DinoMailReader(tablePrefix);
        };
    try (Connection c =
        DriverManager.getConnection(
            url,
            orEnv(user, "MAILLEDGER_IMPORT_USER"),
            orEnv(password, "MAILLEDGER_IMPORT_PASSWORD"))) {
      // One snapshot, and a promise to the database that nothing is written.
      c.setReadOnly(true);
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        return reader.read(c);
      } finally {
        c.rollback();
      }
    }
  }

  private static LogState logState(DataSource eventStore, SourceData data, PrintWriter err) {
    try (Connection c = eventStore.getConnection()) {
      if (!PostfixAdminReader.tableExists(c, "domain_event_entry")) {
        err.println("ops import: the event store has no tables yet; they are created on import");
        err.flush();
        return LogState.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the event store: " + e.getMessage(), e);
    }
    return LogState.read(eventStore, ImportPlanner.aggregateIds(data));
  }

  private int run(
      ImportPlan plan,
      ImportReport report,
      DataSource eventStore,
      String source,
      PrintWriter out,
      PrintWriter err) {
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              cancelled.set(true);
              try {
                finished.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "ops-import-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    try (HikariDataSource pool = pooled(eventStore);
        ConfigurableApplicationContext context = context(pool)) {
      ImportRunner runner =
          new ImportRunner(
              context.getBean(CommandGateway.class),
              new TransactionTemplate(context.getBean(PlatformTransactionManager.class)),
              source);
      ImportRunner.Result result = runner.run(plan.steps(), err, cancellation);
      report.printRun(out, result);
      out.flush();
      if (result.cancelled()) {
        err.println("ops import: interrupted; run the same command again to continue");
        err.flush();
        return 130;
      }
      return report.clean(result.refused()) ? 0 : 1;
    } catch (RuntimeException e) {
      err.println("ops import: " + message(e));
      err.flush();
      return 2;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook runs already and is released by the latch.
      }
    }
  }

  private ConfigurableApplicationContext context(DataSource events) {
    String dialect = dialectOf(((HikariDataSource) events).getJdbcUrl());
    String root =
        mailRoot != null
            ? mailRoot
            : environment.getOrDefault("MAILLEDGER_MAIL_ROOT", "/var/vmail");
    return new SpringApplicationBuilder(ImportApplication.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .registerShutdownHook(false)
        .initializers(context -> context.getBeanFactory().registerSingleton("dataSource", events))
        .properties(
            Map.ofEntries(
                // The app's own migrations, so an import may come before the app's first start.
                Map.entry("spring.flyway.locations", "classpath:db/eventstore/" + dialect),
                Map.entry("spring.flyway.baseline-on-migrate", "true"),
                Map.entry("spring.flyway.baseline-version", "0"),
                Map.entry("axon.axonserver.enabled", "false"),
                Map.entry("axon.timeout.enabled", "false"),
                Map.entry("axon.serializer.general", "jackson"),
                Map.entry("axon.serializer.events", "jackson"),
                Map.entry("axon.serializer.messages", "jackson"),
                Map.entry("axoniq.update-checker.disabled", "true"),
                Map.entry("mailledger.mail-root", root),
                Map.entry("logging.level.root", "WARN"),
                Map.entry("spring.main.allow-bean-definition-overriding", "false")))
        .run();
  }

  private static String dialectOf(String jdbcUrl) {
    String lower = jdbcUrl.toLowerCase(Locale.ROOT);
    return lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")
        ? "mysql"
        : "postgresql";
  }

  private static HikariDataSource pooled(DataSource plain) {
    DriverManagerDataSource options = (DriverManagerDataSource) plain;
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(options.getUrl());
    pool.setUsername(options.getUsername());
    pool.setPassword(options.getPassword());
    pool.setPoolName("import");
    pool.setMaximumPoolSize(2);
    return pool;
  }

  private String orEnv(String option, String variable) {
    if (option != null && !option.isBlank()) {
      return option;
    }
    String value = environment.get(variable);
    return value == null || value.isBlank() ? null : value;
  }

  static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getMessage() : e.getMessage() + ": " + root.getMessage();
  }
}
