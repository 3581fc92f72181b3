package org.mailledger.ops.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.ops.imports.RoundTrip.PASSWORD;
import static org.mailledger.ops.imports.RoundTrip.insert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mailledger.command.password.PasswordHasher;
import org.mailledger.command.password.PasswordPolicy;
import org.mailledger.command.password.PasswordScheme;
import org.mailledger.ops.imports.ToolConsumers.MapFile;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.mailledger.testsupport.consumer.DovecotServer;
import org.mailledger.testsupport.consumer.PostfixMaps;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DinoMail on PostgreSQL (the engine its documentation uses) into Mailledger with the app stopped,
 * then the app keeping the layouts dinomail (prefix {@code dinomail_}, as the source has it) and
 * mum. Postfix answers through DinoMail's documented maps and Dovecot through its documented
 * queries (docs/source/linking.rst), first on DinoMail's tables, then, the same files with only the
 * connection changed, on the views of the dinomail layout; Postfix also through the generated mum
 * maps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DinoMailImportTest {

  static final Set<String> DOMAINS = Set.of("example.org", "example.net", "unknown.test");
  static final Set<String> ADDRESSES =
      Set.of(
          "alice@example.org",
          "bob@example.org",
          "ssha@example.org",
          "postmaster@example.org",
          "team@example.org",
          "tossha@example.org",
          "broken@example.org",
          "nobody@example.org",
          "carol@example.net",
          "nobody@example.net");

  static final Set<String> USERS =
      Set.of(
          "alice@example.org",
          "bob@example.org",
          "carol@example.net",
          "ssha@example.org",
          "team@example.org",
          "nobody@example.org");

  /** DinoMail's maps and Dovecot queries, as linking.rst gives them, the vmail ids filled in. */
  static final ToolConsumers DINOMAIL =
      new ToolConsumers(
          List.of(
              new MapFile(
                  "virtual-mailbox-domains.cf",
                  "SELECT 1 FROM dinomail_virtualdomain WHERE name='%s'")),
          List.of(
              new MapFile(
                  "virtual-mailbox-maps.cf",
                  "SELECT 1 FROM dinomail_virtualuser WHERE email='%s'")),
          List.of(
              new MapFile(
                  "virtual-alias-maps.cf",
                  "SELECT destination FROM dinomail_virtualalias WHERE source='%s'"),
              new MapFile(
                  "email2email.cf", "SELECT email FROM dinomail_virtualuser WHERE email='%s'")),
          "SSHA512",
          "SELECT password FROM dinomail_virtualuser WHERE email='%u'",
          "SELECT email as user, concat('*:bytes=', quota) AS quota_rule, '/var/vmail/%d/%n' AS"
              + " home, 5000 AS uid, 5000 AS gid FROM dinomail_virtualuser WHERE email='%u'");

  /** The keys whose answer changes, each with the row the report must name as not imported. */
  static final Map<String, String> REPORTED =
      Map.of(
          "ssha@example.org", "mailbox ssha@example.org: has a SSHA512 password hash",
          "tossha@example.org", "alias tossha@example.org: its recipient ssha@example.org",
          "broken@example.org", "alias broken@example.org: invalid");

  TestDatabase source;
  TestDatabase mailledger;
  PostfixMaps postfix;
  Path dir;
  Path config;
  DovecotServer dovecot;
  Map<String, String> before;
  Map<String, String> after;
  Map<String, String> kept;
  Map<String, String> loginsBefore;
  Map<String, String> loginsKept;
  RoundTrip.Run dryRun;
  RoundTrip.Run first;
  RoundTrip.Run second;
  boolean tablesAfterDryRun;
  long eventsAfterFirst;
  long eventsAfterSecond;

  @BeforeAll
  void importAndProject() throws Exception {
    source = TestDatabases.postgres();
    mailledger = TestDatabases.postgres();
    postfix = PostfixMaps.create();
    dir = Files.createTempDirectory("mltest-dinomail-");
    fillSource(source.dataSource());

    before =
        RoundTrip.answers(
            DINOMAIL.maps(postfix, dir.resolve("source"), source), ADDRESSES, DOMAINS);
    try (DovecotServer theirs = DINOMAIL.dovecot(dir.resolve("source"), source)) {
      loginsBefore = ToolConsumers.logins(theirs, USERS, Set.of());
    }

    String[] args =
        RoundTrip.importArgs(
            mailledger,
            "--from=dinomail",
            "--url=" + source.jdbcUrl(),
            "--user=" + source.username());
    dryRun = RoundTrip.ops(append(args, "--dry-run"));
    tablesAfterDryRun =
        new JdbcTemplate(mailledger.dataSource())
                .queryForObject(
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
                    Long.class)
            > 0;
    first = RoundTrip.ops(args);
    eventsAfterFirst = RoundTrip.events(mailledger);
    second = RoundTrip.ops(args);
    eventsAfterSecond = RoundTrip.events(mailledger);

    // The app starts after the import, as it would on the day of the switch.
    try (ConfigurableApplicationContext app =
        RoundTrip.app(
            mailledger,
            Map.of(
                "mailledger.layouts", "mum,dinomail",
                "mailledger.layout.dinomail.table-prefix", "dinomail_"))) {
      RoundTrip.awaitProjection(app, "mum", "dinomail");
    }
    kept =
        RoundTrip.answers(
            DINOMAIL.maps(postfix, dir.resolve("kept"), mailledger), ADDRESSES, DOMAINS);
    try (DovecotServer theirs = DINOMAIL.dovecot(dir.resolve("kept"), mailledger)) {
      loginsKept = ToolConsumers.logins(theirs, USERS, Set.of());
    }
    config = RoundTrip.mumConfig(mailledger);
    after = RoundTrip.answers(RoundTrip.mumMaps(postfix, config, mailledger), ADDRESSES, DOMAINS);
    dovecot = DovecotServer.withAuthConfig(config.resolve("dovecot/auth-mailledger.conf.ext"), 500);
  }

  @AfterAll
  void cleanUp() throws Exception {
    RoundTrip.dropAccounts(mailledger, config);
    if (dovecot != null) {
      dovecot.close();
    }
    if (postfix != null) {
      postfix.close();
    }
    RoundTrip.delete(dir);
    RoundTrip.delete(config);
  }

  private static void fillSource(DataSource db) throws Exception {
    RoundTrip.runScript(db, "/imports/dinomail-postgresql.sql");
    insert(db, "INSERT INTO dinomail_virtualdomain (id, name) VALUES (1, 'example.org')");
    insert(db, "INSERT INTO dinomail_virtualdomain (id, name) VALUES (2, 'example.net')");
    String user =
        "INSERT INTO dinomail_virtualuser (email, password, quota, domain_id) VALUES (?, ?, ?, ?)";
    insert(db, user, "alice@example.org", "{SHA512-CRYPT}" + RoundTrip.sha512Crypt(), 0L, 1);
    insert(db, user, "bob@example.org", "{BLF-CRYPT}" + RoundTrip.bcrypt(), 2_000_000_000L, 1);
    insert(db, user, "carol@example.net", hash(PasswordScheme.ARGON2ID), null, 2);
    // DinoMail's default scheme: Dovecot verifies it, Mailledger does not keep it.
    insert(db, user, "ssha@example.org", "{SSHA512}c2FsdGVkLWJ1dC1ub3Qta2VwdA==", 0L, 1);
    String alias =
        "INSERT INTO dinomail_virtualalias (source, destination, domain_id) VALUES (?, ?, ?)";
    insert(db, alias, "postmaster@example.org", "alice@example.org", 1);
    insert(db, alias, "team@example.org", "alice@example.org", 1);
    insert(db, alias, "team@example.org", "bob@example.org", 1);
    insert(db, alias, "team@example.org", "x@elsewhere.test", 1);
    insert(db, alias, "tossha@example.org", "ssha@example.org", 1);
    insert(db, alias, "broken@example.org", "no-at-sign", 1);
    insert(db, alias, "@example.net", "alice@example.org", 2);
  }

  private static String hash(PasswordScheme scheme) {
    PasswordPolicy defaults = PasswordPolicy.defaults();
    return new PasswordHasher(
            new PasswordPolicy(
                scheme,
                4,
                defaults.argon2MemoryKib(),
                defaults.argon2Iterations(),
                defaults.argon2Parallelism(),
                defaults.sha512Rounds(),
                1))
        .hash(new Secret(PASSWORD));
  }

  private static String[] append(String[] args, String more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = more;
    return all;
  }

  @Test
  void postfixAnswersAsBeforeExceptForTheReportedRows() {
    ToolConsumers.sameExceptReported(before, after, REPORTED, first.out(), true);
    assertThat(before.get("team@example.org"))
        .isEqualTo(
            "[alice@example.org (mailbox), bob@example.org (mailbox), x@elsewhere.test (elsewhere)]");
    assertThat(before.get("nobody@example.net")).contains("alice@example.org");
  }

  /** The drop-in: DinoMail's own map files, their connection moved to the layout's views. */
  @Test
  void dinoMailsOwnMapsAnswerAsBeforeOnTheKeptViews() {
    ToolConsumers.sameExceptReported(before, kept, REPORTED, first.out(), true);
  }

  /**
   * DinoMail's own Dovecot queries on the layout's views: the same logins with the kept hashes, the
   * same home, uid, gid and quota, except for the mailboxes the report names as not imported.
   */
  @Test
  void dinoMailsOwnDovecotQueriesAnswerAsBeforeOnTheKeptViews() {
    // DinoMail allows a NULL quota, which its user_query turns into "*:bytes=", a rule without a
    // limit; the import reads it as unlimited, and the layout answers "*:bytes=0".
    String carol = "carol@example.net";
    assertThat(loginsBefore.get(carol)).contains("quota_rule=*:bytes=,");
    Map<String, String> expected = new java.util.TreeMap<>(loginsBefore);
    expected.put(carol, loginsBefore.get(carol).replace("*:bytes=,", "*:bytes=0,"));
    ToolConsumers.sameExceptReported(expected, loginsKept, REPORTED, first.out(), false);
    assertThat(loginsBefore.get("bob@example.org"))
        .startsWith("login ok")
        .contains("home=/var/vmail/example.org/bob")
        .contains("quota_rule=*:bytes=2000000000");
    assertThat(loginsKept.get("ssha@example.org")).isEqualTo("login refused, userdb {}");
  }

  @Test
  void dovecotVerifiesTheKeptHashes() {
    for (String user : List.of("alice@example.org", "bob@example.org", "carol@example.net")) {
      assertThat(dovecot.authTest(user, PASSWORD)).as(user).isTrue();
      assertThat(dovecot.authTest(user, "wrong")).as(user).isFalse();
    }
    assertThat(dovecot.user("bob@example.org")).containsEntry("quota_rule", "*:storage=2G");
  }

  @Test
  void dryRunShowsThePlanAndWritesNothing() {
    assertThat(dryRun.exit()).as(dryRun.err()).isEqualTo(1);
    assertThat(dryRun.out())
        .contains("nothing was written")
        .contains("would import mailbox alice@example.org")
        .contains("mailbox ssha@example.org: has a SSHA512 password hash");
    assertThat(tablesAfterDryRun).as("the dry run created no table").isFalse();
  }

  @Test
  void firstRunImportsAndReports() {
    assertThat(first.exit()).as(first.err()).isEqualTo(1);
    assertThat(first.out())
        .containsPattern("domains:\\s+2 imported now")
        .containsPattern("mailboxes:\\s+3 imported now")
        .containsPattern("aliases:\\s+3 imported now")
        .contains("Skipped (not imported):");
    assertThat(first.out()).doesNotContain("c2FsdGVk");
  }

  @Test
  void secondRunImportsNothingTwice() {
    assertThat(eventsAfterSecond).isEqualTo(eventsAfterFirst);
    assertThat(second.out())
        .as(second.err())
        .containsPattern("domains:\\s+0 imported now, 2 imported before")
        .containsPattern("mailboxes:\\s+0 imported now, 3 imported before")
        .containsPattern("aliases:\\s+0 imported now, 3 imported before");
  }

  @Test
  void theLogNamesTheImportAsActorAndTheSourceWithoutPassword() {
    List<Map<String, Object>> rows =
        new JdbcTemplate(mailledger.dataSource())
            .queryForList("SELECT convert_from(meta_data, 'UTF8') AS m FROM domain_event_entry");
    assertThat(rows).isNotEmpty();
    for (Map<String, Object> row : rows) {
      assertThat((String) row.get("m"))
          .contains("\"actor\":\"import\"")
          .contains("\"source\":\"" + source.jdbcUrl() + "\"");
    }
  }
}
