package org.mailledger.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailledger.fault.ProjectedApp.Engine;
import org.mailledger.testsupport.secrets.TestSecrets;

/**
 * PostfixAdmin 3.3's own code (Debian 12's package, run with php-cli) on the {@code postfixadmin}
 * tables the packaged app projects, on PostgreSQL and on MariaDB, configured with the {@code
 * config.local.php} that {@code ops config --layout postfixadmin} writes: what an operator keeps
 * open beside Mailledger during a switch (issue 21). One app and one PostfixAdmin site per engine
 * for the whole class; the tests run in order, the rebuild last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostfixAdminOnOurTablesTest {

  static final String CATCH_ALL = "@one.example";
  static final String ALIAS_DOMAIN = "alias.example";
  static final String BIG_MAILBOX = "carol@one.example";
  static final String PA_ADMIN = "postmaster@one.example";
  // PostfixAdmin asks for two digits in a password; the registered part is what the check greps.
  static final String PA_ADMIN_PASSWORD = TestSecrets.password("postfixadmin-admin") + "12";
  static final String MAILBOX_PASSWORD = TestSecrets.password("postfixadmin-portal");

  final Map<Engine, ProjectedApp> apps = new EnumMap<>(Engine.class);
  final Map<Engine, PostfixAdminSite> sites = new EnumMap<>(Engine.class);
  final Map<Engine, Long> heads = new EnumMap<>(Engine.class);

  @BeforeAll
  void startAppsAndPostfixAdmin(@TempDir Path dir) throws IOException {
    for (Engine engine : Engine.values()) {
      ProjectedApp app = ProjectedApp.start(engine);
      apps.put(engine, app);
      heads.put(engine, writeWhatPostfixAdminShows(app));
      Path config = dir.resolve("config-" + engine.dialect());
      OpsProcess.Outcome generated =
          OpsProcess.run(
              Map.of(),
              List.of(
                  "config",
                  "--layout",
                  "postfixadmin",
                  "--dialect",
                  engine.dialect(),
                  "--db-host",
                  app.lookup.host(),
                  "--db-port",
                  Integer.toString(app.lookup.port()),
                  "--db-name",
                  app.lookup.database(),
                  "--out",
                  config.toString()));
      assertThat(generated.exitCode()).as(generated.toString()).isZero();
      String configLocal = Files.readString(config.resolve("postfixadmin/config.local.php"));
      sites.put(
          engine,
          PostfixAdminSite.install(dir.resolve("site-" + engine.dialect()), app.lookup, configLocal)
              .serve());
    }
  }

  /** Beyond what every ProjectedApp holds: a catch-all, an alias domain, a 10 GB mailbox. */
  private static long writeWhatPostfixAdminShows(ProjectedApp app) {
    ok(
        app,
        "/api/v1/domains/one.example/aliases",
        "{\"localPart\":\"*\",\"recipients\":[\"ann@one.example\"]}");
    ok(
        app,
        "/api/v1/alias-domains",
        "{\"aliasDomain\":\"" + ALIAS_DOMAIN + "\",\"targetDomain\":\"one.example\"}");
    long head =
        ok(
            app,
            "/api/v1/domains/one.example/mailboxes",
            "{\"localPart\":\"carol\",\"password\":\""
                + MAILBOX_PASSWORD
                + "\",\"name\":\"Carol\",\"quotaGb\":10}");
    app.http.awaitProjections(ProjectedApp.ROOT, Duration.ofSeconds(60));
    return head;
  }

  private static long ok(ProjectedApp app, String path, String body) {
    Http.Answer answer = app.http.send("POST", path + "?wait=true", ProjectedApp.ROOT, body);
    assertThat(answer.status()).as(path + ": " + answer).isBetween(200, 202);
    return answer.json().path("position").asLong();
  }

  @AfterAll
  void stopEverything() {
    sites.values().forEach(PostfixAdminSite::close);
    apps.values().forEach(ProjectedApp::close);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  @Order(1)
  void upgradeFindsTheSchemaUpToDate(Engine engine) {
    PostfixAdminSite.Outcome upgrade = sites.get(engine).upgrade();

    assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
    assertThat(upgrade.out()).as(upgrade.toString()).contains("Database is up to date: 1847/1847");
    assertThat(rows(engine, "SELECT name, value FROM config"))
        .containsExactly(List.of("version", "1847"));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  @Order(2)
  void itsCliShowsWhatTheApiWrote(Engine engine) {
    PostfixAdminSite site = sites.get(engine);

    PostfixAdminSite.Outcome domain = site.cli("domain", "view", "one.example");
    assertThat(domain.exitCode()).as(domain.toString()).isZero();
    // ann and carol; the team alias and the catch-all (self-aliases of mailboxes not counted)
    assertThat(domain.out())
        .as(domain.toString())
        .containsPattern("Mailboxes: 2 / ")
        .containsPattern("Aliases: 2 / ")
        .contains("Active: YES");

    PostfixAdminSite.Outcome mailbox = site.cli("mailbox", "view", BIG_MAILBOX);
    assertThat(mailbox.exitCode()).as(mailbox.toString()).isZero();
    // 10 GB = 10240 MiB with the quota_multiplier ops config writes
    assertThat(mailbox.out())
        .as(mailbox.toString())
        .contains("Name: Carol")
        .contains("Quota: 10240");

    PostfixAdminSite.Outcome alias = site.cli("alias", "view", ProjectedApp.ALIAS);
    assertThat(alias.exitCode()).as(alias.toString()).isZero();
    assertThat(alias.out())
        .as(alias.toString())
        .contains(ProjectedApp.MAILBOXES.get(1))
        .contains(ProjectedApp.OUTSIDE_RECIPIENT);

    PostfixAdminSite.Outcome catchAll = site.cli("alias", "view", CATCH_ALL);
    assertThat(catchAll.exitCode()).as(catchAll.toString()).isZero();
    assertThat(catchAll.out())
        .as(catchAll.toString())
        .contains("To: " + ProjectedApp.MAILBOXES.get(0));

    PostfixAdminSite.Outcome aliasDomain = site.cli("aliasdomain", "view", ALIAS_DOMAIN);
    assertThat(aliasDomain.exitCode()).as(aliasDomain.toString()).isZero();
    assertThat(aliasDomain.out())
        .as(aliasDomain.toString())
        .contains("Alias Domain: " + ALIAS_DOMAIN)
        .contains("Target Domain: one.example");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  @Order(3)
  void anAdminItCreatesLogsInToItsWebPagesAndSeesOurMailboxes(Engine engine) {
    PostfixAdminSite site = sites.get(engine);
    PostfixAdminSite.Outcome added =
        site.cli(
            "admin",
            "add",
            PA_ADMIN,
            "--password",
            PA_ADMIN_PASSWORD,
            "--password2",
            PA_ADMIN_PASSWORD,
            "--superadmin",
            "1",
            "--active",
            "1");
    assertThat(added.out()).as(added.toString()).contains("has been added");

    PostfixAdminSite.Browser browser = site.browser();
    HttpResponse<String> login = browser.logIn("login.php", PA_ADMIN, PA_ADMIN_PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).hasValue("main.php");

    HttpResponse<String> list = browser.get("list-virtual.php?domain=one.example");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains(ProjectedApp.MAILBOXES.get(0), BIG_MAILBOX, ProjectedApp.ALIAS);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  @Order(4)
  void aMailboxOwnerLogsInToTheUsersPortalWithTheHashMailledgerWrote(Engine engine) {
    PostfixAdminSite site = sites.get(engine);

    HttpResponse<String> wrong =
        site.browser().logIn("users/login.php", BIG_MAILBOX, "not-" + MAILBOX_PASSWORD);
    assertThat(wrong.statusCode()).as("a wrong password is refused").isEqualTo(200);

    PostfixAdminSite.Browser owner = site.browser();
    HttpResponse<String> login = owner.logIn("users/login.php", BIG_MAILBOX, MAILBOX_PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).hasValue("main.php");
    assertThat(owner.get("users/main.php").body()).contains(BIG_MAILBOX);
  }

  /**
   * PostfixAdmin's own rows beside ours, some pointing at {@code domain} by foreign key
   * (PostgreSQL), survive a rebuild of the layout; the swap leaves no shadow table behind.
   */
  @ParameterizedTest
  @EnumSource(Engine.class)
  @Order(5)
  void aRebuildKeepsPostfixAdminsOwnTables(Engine engine) {
    ProjectedApp app = apps.get(engine);
    execute(
        engine,
        "INSERT INTO vacation (email, subject, body, cache, domain) VALUES"
            + " ('carol@one.example', 'Away', 'Back on Monday', '', 'one.example')",
        "INSERT INTO vacation (email, subject, body, domain) VALUES"
            + " ('carol@one.example', 'Away', 'Back on Monday', 'one.example')");
    List<List<String>> keysBefore = foreignKeysToDomain(engine);
    if (engine == Engine.POSTGRESQL) {
      assertThat(keysBefore).extracting(key -> key.get(0)).containsExactly("vacation");
    }

    Http.Answer started =
        app.http.send("POST", "/api/v1/projections/postfixadmin/rebuild", ProjectedApp.ROOT, null);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    awaitRebuilt(app);

    assertThat(rows(engine, "SELECT email, subject FROM vacation"))
        .containsExactly(List.of("carol@one.example", "Away"));
    assertThat(rows(engine, "SELECT username, domain FROM domain_admins"))
        .containsExactly(List.of(PA_ADMIN, "ALL"));
    assertThat(foreignKeysToDomain(engine)).isEqualTo(keysBefore);
    assertThat(shadowTables(engine)).isEmpty();
    PostfixAdminSite.Outcome domain = sites.get(engine).cli("domain", "view", "one.example");
    assertThat(domain.out()).as(domain.toString()).containsPattern("Mailboxes: 2 / ");
    OpsProcess.Outcome verify = app.ops("verify", "--layout", "postfixadmin");
    assertThat(verify.exitCode()).as(verify.toString()).isZero();
  }

  private void awaitRebuilt(ProjectedApp app) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    Http.Answer last = null;
    while (System.nanoTime() < deadline) {
      AppProcess.sleep(300);
      last = app.http.send("GET", "/api/v1/projections", ProjectedApp.ROOT, null);
      for (var layout : last.json()) {
        if (layout.path("layout").asText().equals("postfixadmin")) {
          String state = layout.path("state").asText();
          assertThat(state).as(last.toString()).isNotEqualTo("error");
          if (state.equals("running") && layout.path("lagEvents").asLong() == 0) {
            return;
          }
        }
      }
    }
    throw new AssertionError("the rebuild did not finish: " + last);
  }

  /**
   * Each foreign key of PostfixAdmin's own tables that names {@code domain} as its parent (those
   * among the layout's tables are made anew by a rebuild, under new names).
   */
  private List<List<String>> foreignKeysToDomain(Engine engine) {
    return engine == Engine.POSTGRESQL
        ? rows(
            engine,
            "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)"
                + " FROM pg_constraint c WHERE c.contype = 'f'"
                + " AND c.confrelid = 'domain'::regclass AND c.conrelid::regclass::text NOT IN"
                + " ('mailbox', 'alias', 'alias_domain') ORDER BY 1, 2")
        : rows(
            engine,
            "SELECT table_name, constraint_name, column_name FROM"
                + " information_schema.key_column_usage WHERE table_schema = DATABASE()"
                + " AND referenced_table_name = 'domain' AND table_name NOT IN ('mailbox', 'alias',"
                + " 'alias_domain') ORDER BY 1, 2");
  }

  private List<List<String>> shadowTables(Engine engine) {
    return rows(
        engine,
        engine == Engine.POSTGRESQL
            ? "SELECT tablename FROM pg_tables WHERE tablename LIKE 'rebuild%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name LIKE 'rebuild%'");
  }

  /** Runs the statement of the engine: MySQL's vacation has a NOT NULL cache column. */
  private void execute(Engine engine, String mysql, String postgresql) {
    try (Connection connection = apps.get(engine).lookup.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(engine == Engine.POSTGRESQL ? postgresql : mysql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<List<String>> rows(Engine engine, String sql) {
    try (Connection connection = apps.get(engine).lookup.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
