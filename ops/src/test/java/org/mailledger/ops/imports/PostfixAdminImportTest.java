package org.mailledger.ops.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.ops.imports.RoundTrip.PASSWORD;
import static org.mailledger.ops.imports.RoundTrip.insert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mailledger.ops.imports.ToolConsumers.MapFile;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.mailledger.testsupport.consumer.DovecotServer;
import org.mailledger.testsupport.consumer.PostfixMaps;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostfixAdmin on MariaDB into Mailledger while the app runs, keeping the layouts postfixadmin and
 * mum in a MariaDB lookup database. Postfix answers through PostfixAdmin's documented maps
 * (POSTFIX_CONF.txt, alias domains included) and Dovecot through its documented queries
 * (DOVECOT.txt), first on PostfixAdmin's tables, then, the same files with only the connection
 * changed, on the tables of the postfixadmin layout; Postfix also through the generated mum maps.
 * The answers differ only where the report names the row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostfixAdminImportTest {

  static final Set<String> DOMAINS =
      Set.of(
          "example.org",
          "alias.example",
          "off.example",
          "backup.example",
          "small.example",
          "unknown.test");
  static final Set<String> ALIAS_DOMAIN_KEYS =
      Set.of("alias.example", "alice@alias.example", "team@alias.example", "nobody@alias.example");
  static final Set<String> ADDRESSES =
      Set.of(
          "alice@example.org",
          "bob@example.org",
          "eve@example.org",
          "dave@example.org",
          "big@example.org",
          "plain@example.org",
          "vac@example.org",
          "team@example.org",
          "sales@example.org",
          "old@example.org",
          "broken@example.org",
          "todave@example.org",
          "loop1@example.org",
          "nobody@example.org",
          "carol@off.example",
          "one@small.example",
          "two@small.example",
          "alice@alias.example",
          "team@alias.example",
          "nobody@alias.example");

  /** The mailboxes of the source, asked of Dovecot. */
  static final Set<String> USERS =
      Set.of(
          "alice@example.org",
          "bob@example.org",
          "eve@example.org",
          "vac@example.org",
          "dave@example.org",
          "big@example.org",
          "plain@example.org",
          "carol@off.example",
          "one@small.example",
          "two@small.example",
          "alice@alias.example");

  /** The userdb field that changes on purpose (see {@link #theHomeIsTheMailboxsOwnDirectory}). */
  static final Set<String> HOME = Set.of("home");

  /**
   * PostfixAdmin's maps and Dovecot queries for MySQL/MariaDB, as its documents give them, with the
   * mail root and the vmail ids filled in.
   */
  static final ToolConsumers POSTFIXADMIN =
      new ToolConsumers(
          List.of(
              new MapFile(
                  "mysql_virtual_domains_maps.cf",
                  "SELECT domain FROM domain WHERE domain='%s' AND active = '1'")),
          List.of(
              new MapFile(
                  "mysql_virtual_mailbox_maps.cf",
                  "SELECT CONCAT(domain,'/',maildir) FROM mailbox WHERE username='%s' AND active ="
                      + " '1'"),
              new MapFile(
                  "mysql_virtual_alias_domain_mailbox_maps.cf",
                  "SELECT CONCAT(domain,'/',maildir) FROM mailbox,alias_domain WHERE"
                      + " alias_domain.alias_domain = '%d' and mailbox.username = CONCAT('%u',"
                      + " '@', alias_domain.target_domain) AND mailbox.active = 1")),
          List.of(
              new MapFile(
                  "mysql_virtual_alias_maps.cf",
                  "SELECT goto FROM alias WHERE address='%s' AND active = '1'"),
              new MapFile(
                  "mysql_virtual_alias_domain_maps.cf",
                  "SELECT goto FROM alias,alias_domain WHERE alias_domain.alias_domain = '%d' and"
                      + " alias.address = CONCAT('%u', '@', alias_domain.target_domain) AND"
                      + " alias.active = 1"),
              new MapFile(
                  "mysql_virtual_alias_domain_catchall_maps.cf",
                  "SELECT goto FROM alias,alias_domain WHERE alias_domain.alias_domain = '%d' and"
                      + " alias.address = CONCAT('@', alias_domain.target_domain) AND"
                      + " alias.active = 1")),
          "MD5-CRYPT",
          "SELECT username AS user,password FROM mailbox WHERE username = '%u' AND active='1'",
          "SELECT CONCAT('/var/vmail/', maildir) AS home, 5000 AS uid, 5000 AS gid,"
              + " CONCAT('*:bytes=', quota) AS quota_rule FROM mailbox WHERE username = '%u' AND"
              + " active='1'");

  static final Map<String, String> REPORTED =
      Map.ofEntries(
          Map.entry("backup.example", "domain backup.example: a backup MX domain"),
          Map.entry("eve@example.org", "forwarding of mailbox eve@example.org: forwards to"),
          Map.entry("dave@example.org", "mailbox dave@example.org: has a MD5-CRYPT password hash"),
          Map.entry("big@example.org", "mailbox big@example.org: its quota (20480000 bytes)"),
          Map.entry("plain@example.org", "mailbox plain@example.org: has a password value that"),
          Map.entry("vac@example.org", "alias vac@example.org: its vacation auto-reply"),
          Map.entry("broken@example.org", "alias broken@example.org: invalid"),
          Map.entry("todave@example.org", "alias todave@example.org: its recipient dave@"),
          Map.entry("loop1@example.org", "alias loop1@example.org: alias loop"),
          Map.entry("two@small.example", "mailbox two@small.example: its domain's mailbox limit"));

  TestDatabase source;
  TestDatabase mailledger;
  TestDatabase lookup;
  PostfixMaps postfix;
  Path dir;
  Path config;
  DovecotServer dovecot;
  Map<String, String> before;
  Map<String, String> after;
  Map<String, String> kept;
  Map<String, String> loginsBefore;
  Map<String, String> loginsKept;
  String aliceHomeBefore;
  String aliceHomeKept;
  RoundTrip.Run first;
  RoundTrip.Run second;
  long eventsAfterFirst;
  long eventsAfterSecond;

  @BeforeAll
  void importWhileTheAppRuns() throws Exception {
    source = TestDatabases.mysql();
    mailledger = TestDatabases.postgres();
    lookup = TestDatabases.mysql();
    postfix = PostfixMaps.create();
    dir = Files.createTempDirectory("mltest-postfixadmin-");
    fillSource(source.dataSource());
    before =
        RoundTrip.answers(
            POSTFIXADMIN.maps(postfix, dir.resolve("source"), source), ADDRESSES, DOMAINS);
    try (DovecotServer theirs = POSTFIXADMIN.dovecot(dir.resolve("source"), source)) {
      loginsBefore = ToolConsumers.logins(theirs, USERS, HOME);
      aliceHomeBefore = theirs.user("alice@example.org").get("home");
    }

    String[] args =
        RoundTrip.importArgs(
            mailledger,
            "--from=postfixadmin",
            "--url=" + source.jdbcUrl(),
            "--user=" + source.username());
    try (ConfigurableApplicationContext app =
        RoundTrip.app(mailledger, RoundTrip.keeping("mum,postfixadmin", lookup))) {
      first = RoundTrip.ops(args);
      // The report in the build log, as an operator reads it.
      System.out.println(first.out());
      eventsAfterFirst = RoundTrip.events(mailledger);
      second = RoundTrip.ops(args);
      eventsAfterSecond = RoundTrip.events(mailledger);
      RoundTrip.awaitProjection(app, "mum", "postfixadmin");
    }
    kept =
        RoundTrip.answers(
            POSTFIXADMIN.maps(postfix, dir.resolve("kept"), lookup), ADDRESSES, DOMAINS);
    try (DovecotServer theirs = POSTFIXADMIN.dovecot(dir.resolve("kept"), lookup)) {
      loginsKept = ToolConsumers.logins(theirs, USERS, HOME);
      aliceHomeKept = theirs.user("alice@example.org").get("home");
    }
    config = RoundTrip.mumConfig(lookup);
    after = RoundTrip.answers(RoundTrip.mumMaps(postfix, config, lookup), ADDRESSES, DOMAINS);
    dovecot = DovecotServer.withAuthConfig(config.resolve("dovecot/auth-mailledger.conf.ext"), 500);
  }

  @AfterAll
  void cleanUp() throws Exception {
    RoundTrip.dropAccounts(lookup, config);
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
    RoundTrip.runScript(db, "/imports/postfixadmin-mysql.sql");
    String domain =
        "INSERT INTO domain (domain, description, aliases, mailboxes, maxquota, quota, backupmx,"
            + " active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    insert(db, domain, "ALL", "", 0, 0, 0, 0, 0, 1);
    insert(db, domain, "example.org", "Main", 10, 10, 10, 2048, 0, 1);
    insert(db, domain, "alias.example", "", 0, 0, 0, 0, 0, 1);
    insert(db, domain, "off.example", "", 0, 0, 0, 0, 0, 0);
    insert(db, domain, "backup.example", "", 0, 0, 0, 0, 1, 1);
    insert(db, domain, "small.example", "", 0, 1, 0, 0, 0, 1);
    String bcrypt = "{BLF-CRYPT}" + RoundTrip.bcrypt();
    mailbox(db, "alice", "example.org", bcrypt, 5_120_000, 1);
    mailbox(db, "bob", "example.org", RoundTrip.sha512Crypt(), 1_024_000, 0);
    mailbox(db, "eve", "example.org", bcrypt, 1_024_000, 1);
    mailbox(db, "vac", "example.org", bcrypt, 1_024_000, 1);
    mailbox(db, "dave", "example.org", RoundTrip.md5Crypt(), 1_024_000, 1);
    mailbox(db, "big", "example.org", bcrypt, 20_480_000, 1);
    mailbox(db, "plain", "example.org", "plaintext-password", 1_024_000, 1);
    mailbox(db, "carol", "off.example", "{SHA512-CRYPT}" + RoundTrip.sha512Crypt(), 0, 1);
    mailbox(db, "one", "small.example", bcrypt, 0, 1);
    mailbox(db, "two", "small.example", bcrypt, 0, 1);
    alias(db, "bob@example.org", "bob@example.org", 0);
    alias(db, "eve@example.org", "eve@example.org,eve@elsewhere.test", 1);
    alias(db, "vac@example.org", "vac@example.org,vac#example.org@autoreply.example.org", 1);
    alias(db, "team@example.org", "alice@example.org, bob@elsewhere.test,alice@example.org", 1);
    alias(db, "sales@example.org", "team@example.org", 1);
    alias(db, "old@example.org", "alice@example.org", 0);
    alias(db, "broken@example.org", "not an address", 1);
    alias(db, "todave@example.org", "dave@example.org", 1);
    alias(db, "loop1@example.org", "loop2@example.org", 1);
    alias(db, "loop2@example.org", "loop1@example.org", 1);
    alias(db, "@example.org", "alice@example.org", 1);
    insert(
        db,
        "INSERT INTO alias_domain (alias_domain, target_domain, active) VALUES (?, ?, ?)",
        "alias.example",
        "example.org",
        1);
  }

  /** A mailbox and the alias row PostfixAdmin keeps with it. */
  private static void mailbox(
      DataSource db, String local, String domain, String hash, long quota, int active)
      throws Exception {
    String address = local + "@" + domain;
    insert(
        db,
        "INSERT INTO mailbox (username, password, name, maildir, quota, local_part, domain,"
            + " active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        address,
        hash,
        local,
        domain + "/" + local + "/",
        quota,
        local,
        domain,
        active);
    if (!List.of("bob", "eve", "vac").contains(local)) {
      alias(db, address, address, active);
    }
  }

  private static void alias(DataSource db, String address, String target, int active)
      throws Exception {
    insert(
        db,
        "INSERT INTO alias (address, goto, domain, active) VALUES (?, ?, ?, ?)",
        address,
        target,
        address.substring(address.indexOf('@') + 1),
        active);
  }

  private boolean aliasDomainsSupported() {
    return !first.out().contains("alias domains are not supported by this Mailledger build");
  }

  private Map<String, String> reported() {
    Map<String, String> reported = new HashMap<>(REPORTED);
    if (!aliasDomainsSupported()) {
      ALIAS_DOMAIN_KEYS.forEach(
          key -> reported.put(key, "alias domain alias.example: alias domains are not supported"));
    }
    return reported;
  }

  @Test
  void postfixAnswersAsBeforeExceptForTheReportedRows() {
    ToolConsumers.sameExceptReported(before, after, reported(), first.out(), true);
    assertThat(before.get("sales@example.org"))
        .isEqualTo("[alice@example.org (mailbox), bob@elsewhere.test (elsewhere)]");
    assertThat(before.get("alice@example.org")).isEqualTo("[alice@example.org (mailbox)]");
    assertThat(before.get("loop1@example.org")).isEqualTo("alias loop");
    assertThat(before.get("alice@alias.example")).isEqualTo("[alice@example.org (mailbox)]");
  }

  /** The drop-in: PostfixAdmin's own map files, their connection moved to the layout's tables. */
  @Test
  void postfixAdminsOwnMapsAnswerAsBeforeOnTheKeptTables() {
    ToolConsumers.sameExceptReported(before, kept, reported(), first.out(), true);
  }

  /**
   * PostfixAdmin's own Dovecot queries on the layout's tables: the same logins with the kept
   * hashes, the same uid, gid and quota, except for the mailboxes the report names as not imported.
   */
  @Test
  void postfixAdminsOwnDovecotQueriesAnswerAsBeforeOnTheKeptTables() {
    ToolConsumers.sameExceptReported(loginsBefore, loginsKept, reported(), first.out(), false);
    assertThat(loginsBefore.get("alice@example.org"))
        .isEqualTo("login ok, userdb {gid=5000, mail=, quota_rule=*:bytes=5120000, uid=5000}");
    assertThat(loginsBefore.get("dave@example.org")).as("MD5-CRYPT").startsWith("login ok");
    assertThat(loginsKept.get("dave@example.org")).isEqualTo("login refused, userdb {}");
    assertThat(loginsKept.get("bob@example.org")).isEqualTo("login refused, userdb {}");
  }

  /**
   * What changes on purpose: the home is the mailbox's own directory, named by its id, so the
   * maildirs are moved before the switch (docs/import.md).
   */
  @Test
  void theHomeIsTheMailboxsOwnDirectory() {
    assertThat(aliceHomeBefore).isEqualTo("/var/vmail/example.org/alice/");
    assertThat(aliceHomeKept).matches("/var/vmail/[0-9a-f-]{36}/");
  }

  @Test
  void dovecotVerifiesTheKeptHashes() {
    assertThat(dovecot.authTest("alice@example.org", PASSWORD)).isTrue();
    assertThat(dovecot.authTest("eve@example.org", PASSWORD)).isTrue();
    assertThat(dovecot.authTest("alice@example.org", "wrong")).isFalse();
    assertThat(dovecot.authTest("bob@example.org", PASSWORD)).as("inactive").isFalse();
  }

  @Test
  void firstRunReportsNotesAndSkipsTheSelfAliases() {
    assertThat(first.exit()).as(first.err()).isEqualTo(1);
    assertThat(first.out())
        .containsPattern("domains:\\s+3 imported now")
        .containsPattern("mailboxes:\\s+6 imported now")
        .containsPattern("aliases:\\s+4 imported now")
        .contains("domain example.org: its total quota (2048 MB")
        .doesNotContain("alias alice@example.org")
        .doesNotContain("domain ALL")
        .doesNotContain("plaintext-password");
    assertThat(first.err()).contains("import: ");
  }

  @Test
  void secondRunImportsNothingTwice() {
    assertThat(eventsAfterSecond).isEqualTo(eventsAfterFirst);
    assertThat(second.out())
        .as(second.err())
        .containsPattern("domains:\\s+0 imported now, 3 imported before")
        .containsPattern("mailboxes:\\s+0 imported now, 6 imported before")
        .containsPattern("aliases:\\s+0 imported now, 4 imported before");
  }
}
