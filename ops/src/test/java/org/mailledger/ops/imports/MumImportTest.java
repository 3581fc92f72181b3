package org.mailledger.ops.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.ops.imports.RoundTrip.PASSWORD;
import static org.mailledger.ops.imports.RoundTrip.cf;
import static org.mailledger.ops.imports.RoundTrip.insert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mailledger.command.password.PasswordHasher;
import org.mailledger.command.password.PasswordPolicy;
import org.mailledger.command.password.PasswordScheme;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.mailledger.testsupport.consumer.DovecotServer;
import org.mailledger.testsupport.consumer.PostfixMaps;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * MUM on MariaDB into Mailledger with the app stopped: Postfix answers through MUM's documented
 * maps (aliases, mailboxes, domains, sender login, recipient access, TLS policies) before, through
 * the generated mum maps after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MumImportTest {

  static final Set<String> DOMAINS =
      Set.of("example.org", "off.example", "example.net", "unknown.test");
  static final Set<String> ADDRESSES =
      Set.of(
          "alice@example.org",
          "bob@example.org",
          "sender@example.org",
          "argon@example.org",
          "md5@example.org",
          "huge@example.org",
          "team@example.org",
          "old@example.org",
          "sendas@example.org",
          "tomd5@example.org",
          "chain@example.org",
          "nobody@example.org",
          "carol@off.example",
          "dave@example.net");
  static final Set<String> SENDER_KEYS =
      Set.of("alice@example.org", "team@example.org", "sendas@example.org", "bob@example.org");
  static final Set<String> ACCESS_KEYS =
      Set.of("sender@example.org", "alice@example.org", "nobody@example.org");
  static final Set<String> TLS_KEYS =
      Set.of("example.com", "secure.test", "inactive.test", "other.test");

  static final Map<String, String> REPORTED =
      Map.of(
          "md5@example.org", "mailbox md5@example.org: has a MD5-CRYPT password hash",
          "huge@example.org", "mailbox huge@example.org: its quota",
          "tomd5@example.org", "alias tomd5@example.org: its recipient md5@example.org",
          "sender sendas@example.org", "alias sendas@example.org: it has no recipient",
          "tls inactive.test", "TLS policy inactive.test: inactive in the source");

  TestDatabase source;
  TestDatabase mailledger;
  PostfixMaps postfix;
  Path dir;
  Path config;
  DovecotServer dovecot;
  Map<String, String> before;
  Map<String, String> after;
  RoundTrip.Run first;
  RoundTrip.Run second;
  long eventsAfterFirst;
  long eventsAfterSecond;

  @BeforeAll
  void importThenStartTheApp() throws Exception {
    source = TestDatabases.mysql();
    mailledger = TestDatabases.postgres();
    postfix = PostfixMaps.create();
    dir = Files.createTempDirectory("mltest-mum-");
    fillSource(source.dataSource());
    before =
        answers(
            new RoundTrip.Maps(
                postfix,
                List.of(
                    cf(
                        dir,
                        "domains.cf",
                        source,
                        "SELECT domain FROM domains WHERE domain = '%s' AND active = 1;")),
                List.of(
                    cf(
                        dir,
                        "mailboxes.cf",
                        source,
                        "SELECT 1 AS found FROM mailboxes INNER JOIN domains ON"
                            + " mailboxes.domain_id = domains.id WHERE mailboxes.local_part ="
                            + " '%u' AND domains.domain = '%d' AND domains.active = 1 AND"
                            + " mailboxes.active = 1 LIMIT 1;")),
                List.of(
                    cf(
                        dir,
                        "aliases.cf",
                        source,
                        "SELECT GROUP_CONCAT(DISTINCT alias_recipients.recipient_address"
                            + " SEPARATOR ',') FROM aliases INNER JOIN alias_recipients ON"
                            + " aliases.id = alias_recipients.alias_id INNER JOIN domains ON"
                            + " aliases.domain_id = domains.id WHERE aliases.local_part = '%u'"
                            + " AND domains.domain = '%d' AND aliases.active = 1 AND"
                            + " domains.active = 1;"))),
            cf(
                dir,
                "sender-login-maps.cf",
                source,
                "SELECT CONCAT(mailboxes.local_part, '@', domains.domain) AS owns FROM mailboxes"
                    + " INNER JOIN domains ON mailboxes.domain_id = domains.id WHERE"
                    + " mailboxes.local_part = '%u' AND domains.domain = '%d' AND domains.active ="
                    + " 1 AND mailboxes.active = 1 UNION SELECT"
                    + " GROUP_CONCAT(CONCAT(mailboxes.local_part, '@', mailbox_domains.domain)"
                    + " SEPARATOR ',') AS owns FROM aliases INNER JOIN domains alias_domains ON"
                    + " aliases.domain_id = alias_domains.id INNER JOIN alias_senders ON"
                    + " aliases.id = alias_senders.alias_id INNER JOIN mailboxes ON"
                    + " alias_senders.mailbox_id = mailboxes.id INNER JOIN domains"
                    + " mailbox_domains ON mailboxes.domain_id = mailbox_domains.id WHERE"
                    + " aliases.local_part = '%u' AND alias_domains.domain = '%d' AND"
                    + " alias_domains.active = 1 AND mailbox_domains.active = 1 AND"
                    + " aliases.active = 1;"),
            cf(
                dir,
                "recipient-access.cf",
                source,
                "SELECT IF(send_only = 1, 'REJECT', 'DUNNO') AS access FROM mailboxes INNER JOIN"
                    + " domains ON mailboxes.domain_id = domains.id WHERE mailboxes.local_part ="
                    + " '%u' AND domains.domain = '%d' AND domains.active = 1 AND"
                    + " mailboxes.active = 1 LIMIT 1;"),
            cf(
                dir,
                "tls-policies.cf",
                source,
                "SELECT policy, params FROM tls_policies WHERE domain = '%s';"));

    String[] args =
        RoundTrip.importArgs(
            mailledger, "--from=mum", "--url=" + source.jdbcUrl(), "--user=" + source.username());
    first = RoundTrip.ops(args);
    eventsAfterFirst = RoundTrip.events(mailledger);
    second = RoundTrip.ops(args);
    eventsAfterSecond = RoundTrip.events(mailledger);
    try (ConfigurableApplicationContext app = RoundTrip.app(mailledger)) {
      RoundTrip.awaitProjection(app);
    }
    config = RoundTrip.mumConfig(mailledger);
    String ours = "pgsql:" + config.resolve("postfix");
    after =
        answers(
            RoundTrip.mumMaps(postfix, config, mailledger),
            ours + "/sender-login-maps.cf",
            ours + "/recipient-access.cf",
            ours + "/tls-policies.cf");
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

  private Map<String, String> answers(
      RoundTrip.Maps maps, String senderMap, String accessMap, String tlsMap) {
    Map<String, String> answers = new TreeMap<>(RoundTrip.answers(maps, ADDRESSES, DOMAINS));
    for (String key : SENDER_KEYS) {
      answers.put(
          "sender " + key,
          postfix
              .query(key, senderMap)
              .map(v -> new java.util.TreeSet<>(List.of(v.split(","))).toString())
              .orElse("none"));
    }
    for (String key : ACCESS_KEYS) {
      answers.put("access " + key, postfix.query(key, accessMap).orElse("none"));
    }
    for (String key : TLS_KEYS) {
      answers.put("tls " + key, postfix.query(key, tlsMap).orElse("none"));
    }
    return answers;
  }

  private static void fillSource(DataSource db) throws Exception {
    RoundTrip.runScript(db, "/imports/mum-mysql.sql");
    String domain =
        "INSERT INTO domains (id, domain, description, quota, max_quota, homedir, active)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    insert(db, domain, 1, "example.org", "Main", 2, 10, "/var/vmail/example.org", 1);
    insert(db, domain, 2, "off.example", null, null, null, "/var/vmail/off.example", 0);
    insert(db, domain, 3, "example.net", null, null, null, "/var/vmail/example.net", 1);
    // Laravel's bcrypt, stored bare: MUM's Dovecot config names the scheme (BLF-CRYPT).
    String bcrypt = RoundTrip.bcrypt();
    mailbox(db, 10, "alice", 1, bcrypt, null, 0, 1, 1);
    mailbox(db, 11, "bob", 1, bcrypt, null, 0, 0, 0);
    mailbox(db, 12, "sender", 1, bcrypt, null, 1, 1, 0);
    mailbox(db, 13, "carol", 2, bcrypt, null, 0, 1, 0);
    mailbox(db, 14, "dave", 3, bcrypt, 5, 0, 1, 0);
    mailbox(db, 15, "argon", 1, argon2id(), null, 0, 1, 0);
    mailbox(db, 16, "md5", 1, RoundTrip.md5Crypt(), null, 0, 1, 0);
    mailbox(db, 17, "huge", 1, bcrypt, 20, 0, 1, 0);
    String alias =
        "INSERT INTO aliases (id, local_part, description, domain_id, active) VALUES (?, ?, ?,"
            + " ?, ?)";
    insert(db, alias, 20, "team", "The team", 1, 1);
    insert(db, alias, 21, "old", null, 1, 0);
    insert(db, alias, 22, "sendas", "send-as only", 1, 1);
    insert(db, alias, 23, "tomd5", null, 1, 1);
    insert(db, alias, 24, "chain", null, 1, 1);
    String recipient = "INSERT INTO alias_recipients (alias_id, recipient_address) VALUES (?, ?)";
    insert(db, recipient, 20, "alice@example.org");
    insert(db, recipient, 20, "bob@elsewhere.test");
    insert(db, recipient, 20, "dave@example.net");
    insert(db, recipient, 21, "alice@example.org");
    insert(db, recipient, 23, "md5@example.org");
    insert(db, recipient, 24, "team@example.org");
    String sender = "INSERT INTO alias_senders (alias_id, mailbox_id) VALUES (?, ?)";
    insert(db, sender, 20, 10);
    insert(db, sender, 20, 14);
    insert(db, sender, 22, 10);
    String tls = "INSERT INTO tls_policies (domain, policy, params, active) VALUES (?, ?, ?, ?)";
    insert(db, tls, "example.com", "encrypt", null, 1);
    insert(db, tls, "secure.test", "secure", "match=.secure.test", 1);
    insert(db, tls, "inactive.test", "may", null, 0);
  }

  private static void mailbox(
      DataSource db,
      int id,
      String local,
      int domainId,
      String hash,
      Integer quota,
      int sendOnly,
      int active,
      int superAdmin)
      throws Exception {
    insert(
        db,
        "INSERT INTO mailboxes (id, local_part, password, name, domain_id, quota, homedir,"
            + " maildir, is_super_admin, send_only, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?)",
        id,
        local,
        hash,
        local,
        domainId,
        quota,
        "/var/vmail/" + domainId + "/" + local,
        "maildir:/var/vmail/" + domainId + "/" + local + "/Maildir",
        superAdmin,
        sendOnly,
        active);
  }

  private static String argon2id() {
    PasswordPolicy defaults = PasswordPolicy.defaults();
    String prefixed =
        new PasswordHasher(
                new PasswordPolicy(
                    PasswordScheme.ARGON2ID,
                    4,
                    defaults.argon2MemoryKib(),
                    defaults.argon2Iterations(),
                    defaults.argon2Parallelism(),
                    defaults.sha512Rounds(),
                    1))
            .hash(new Secret(PASSWORD));
    // As Laravel's Hash::make with the argon2id driver stores it: no Dovecot prefix.
    return prefixed.substring("{ARGON2ID}".length());
  }

  @Test
  void postfixAnswersAsBeforeExceptForTheReportedRows() {
    ToolConsumers.sameExceptReported(before, after, REPORTED, first.out(), true);
    assertThat(before.get("sender team@example.org"))
        .isEqualTo("[alice@example.org, dave@example.net]");
    assertThat(before.get("tls secure.test")).isEqualTo("secure,match=.secure.test");
    assertThat(before.get("access sender@example.org")).isEqualTo("REJECT");
  }

  @Test
  void dovecotVerifiesTheBareHashesWithTheirSchemeAdded() {
    for (String user : List.of("alice@example.org", "argon@example.org", "dave@example.net")) {
      assertThat(dovecot.authTest(user, PASSWORD)).as(user).isTrue();
      assertThat(dovecot.authTest(user, "wrong")).as(user).isFalse();
    }
    assertThat(dovecot.user("dave@example.net")).containsEntry("quota_rule", "*:storage=5G");
    assertThat(dovecot.user("alice@example.org")).containsEntry("quota_rule", "*:storage=2G");
  }

  @Test
  void firstRunImportsEverythingThatKeepsTheRules() {
    assertThat(first.exit()).as(first.err()).isEqualTo(1);
    assertThat(first.out())
        .containsPattern("domains:\\s+3 imported now")
        .containsPattern("mailboxes:\\s+6 imported now")
        .containsPattern("aliases:\\s+3 imported now")
        .containsPattern("TLS policies:\\s+2 imported now")
        .containsPattern("domain deactivations:\\s+1 imported now")
        .contains("mailbox alice@example.org: is a MUM super admin");
  }

  @Test
  void secondRunImportsNothingTwice() {
    assertThat(eventsAfterSecond).isEqualTo(eventsAfterFirst);
    assertThat(second.out())
        .as(second.err())
        .containsPattern("mailboxes:\\s+0 imported now, 6 imported before")
        .containsPattern("aliases:\\s+0 imported now, 3 imported before")
        .containsPattern("TLS policies:\\s+0 imported now, 2 imported before")
        .doesNotContain("domain deactivations");
  }
}
