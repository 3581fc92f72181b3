package org.mailledger.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailledger.ops.OpsCommand;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.projection.lookup.LookupDatabase;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.consumer.DovecotServer;
import org.mailledger.testsupport.consumer.PostfixLookup;
import org.mailledger.testsupport.consumer.PostfixMaps;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion;

/**
 * The files {@code ops config} writes, used as they are by the real postmap and a real Dovecot
 * against the {@code mum} tables, read through the read-only accounts the generated SQL creates.
 * Once with the tables on each engine.
 *
 * <p>One instance serves every engine (per-class lifecycle): {@link #setUp} sets each field anew.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "mum on {0}")
@EnumSource(LookupEngine.class)
class MumConsumersEndToEndTest {

  static final String PASSWORD = "secret";
  static final int VMAIL = 5000;

  @Parameter LookupEngine engine;

  Path out;

  TestDatabase db;
  String postfixUser;
  String dovecotUser;
  String postfixPassword;
  String dovecotPassword;
  PostfixMaps postfix;
  DovecotServer dovecot;

  /** {@code postgresql} or {@code mysql}, as ops config and the migrations name it. */
  String dialect() {
    return engine.dialect();
  }

  @BeforeParameterizedClassInvocation
  void setUp() throws Exception {
    // Left from the previous engine, already torn down: not to be torn down again on a failure.
    postfixUser = null;
    dovecot = null;
    postfix = null;
    out = Files.createTempDirectory("mltest-ops-config-");
    db = engine.newDatabase();
    fill();

    // Server-wide names: unique per run so parallel or leftover runs never collide.
    String suffix = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    postfixUser = "mlpf_" + suffix;
    dovecotUser = "mldc_" + suffix;
    postfixPassword = "pf" + suffix + "X9";
    dovecotPassword = "dc" + suffix + "Y8";
    StringWriter err = new StringWriter();
    int exit =
        OpsCommand.commandLine()
            .setOut(new PrintWriter(new StringWriter()))
            .setErr(new PrintWriter(err))
            .execute(
                "config",
                "--layout=mum",
                "--dialect=" + dialect(),
                "--out=" + out,
                "--db-host=" + db.host(),
                "--db-port=" + db.port(),
                "--db-name=" + db.database(),
                "--postfix-user=" + postfixUser,
                "--postfix-password=" + postfixPassword,
                "--dovecot-user=" + dovecotUser,
                "--dovecot-password=" + dovecotPassword,
                "--vmail-uid=" + VMAIL,
                "--vmail-gid=" + VMAIL,
                "--postfix-dir=" + out.resolve("postfix"),
                "--dovecot-dir=" + out.resolve("dovecot"));
    assertThat(exit).as(err.toString()).isZero();
    runAsAdmin(out.resolve("sql/readonly-users.sql"));
    backdate(out);

    postfix = PostfixMaps.create();
    dovecot = DovecotServer.withAuthConfig(out.resolve("dovecot/auth-mailledger.conf.ext"), 500);
  }

  @AfterParameterizedClassInvocation
  void tearDown() throws SQLException {
    try {
      if (dovecot != null) {
        dovecot.close();
      }
      if (postfix != null) {
        postfix.close();
      }
      deleteRecursively(out);
    } finally {
      if (postfixUser != null) {
        try (Connection c = admin();
            Statement st = c.createStatement()) {
          engine.dropAccount(st, postfixUser);
          engine.dropAccount(st, dovecotUser);
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Connection admin() throws SQLException {
    return db.dataSource().getConnection();
  }

  /**
   * Puts the sample world into the tables: here by hand, as MUM itself would have written them; a
   * subclass may bring the same world in through commands and the projection instead.
   */
  void fill() throws Exception {
    // The app's migrations, shared tables included: the read-only accounts must be refused the
    // token table because it is not theirs, not because it is missing.
    Layouts.migrate(new LookupDatabase(db.dataSource()), "mum");
    insertSampleRows();
  }

  /** Where alice@example.org lives; by hand it is under the domain row's id. */
  String aliceHome() {
    return "/var/vmail/1/alice";
  }

  private void insertSampleRows() throws SQLException {
    String hash = "{BLF-CRYPT}" + new BCryptPasswordEncoder(BCryptVersion.$2Y, 6).encode(PASSWORD);
    try (Connection c = admin()) {
      domain(c, 1, "example.org", 2L, true);
      domain(c, 2, "off.example", null, false);
      domain(c, 3, "example.net", null, true);
      mailbox(c, 10, "alice", 1, hash, null, false, true);
      mailbox(c, 11, "bob", 1, hash, null, false, false);
      mailbox(c, 12, "sender", 1, hash, null, true, true);
      mailbox(c, 13, "carol", 2, hash, null, false, true);
      mailbox(c, 14, "dave", 3, hash, 5L, false, true);
      alias(c, 20, "team", 1, true);
      alias(c, 21, "", 1, true);
      alias(c, 22, "old", 1, false);
      recipient(c, 30, 20, "alice@example.org");
      recipient(c, 31, 20, "bob@elsewhere.test");
      recipient(c, 32, 20, "carol@example.net");
      recipient(c, 33, 21, "alice@example.org");
      recipient(c, 34, 22, "alice@example.org");
      sender(c, 40, 20, 10);
      sender(c, 41, 20, 14);
      tlsPolicy(c, 50, "example.com", "encrypt", null);
      tlsPolicy(c, 51, "secure.test", "secure", "match=.secure.test");
    }
  }

  private static void domain(Connection c, long id, String name, Long quota, boolean active)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO domains (id, aggregate_id, domain, quota, active) VALUES (?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, "domain-" + id);
      ps.setString(3, name);
      ps.setObject(4, quota);
      ps.setBoolean(5, active);
      ps.executeUpdate();
    }
  }

  private static void mailbox(
      Connection c,
      long id,
      String localPart,
      long domainId,
      String hash,
      Long quota,
      boolean sendOnly,
      boolean active)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO mailboxes (id, aggregate_id, local_part, password, domain_id, quota,"
                + " homedir, maildir, send_only, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, "mailbox-" + id);
      ps.setString(3, localPart);
      ps.setString(4, hash);
      ps.setLong(5, domainId);
      ps.setObject(6, quota);
      ps.setString(7, "/var/vmail/" + domainId + "/" + localPart);
      ps.setString(8, "maildir:/var/vmail/" + domainId + "/" + localPart + "/Maildir");
      ps.setBoolean(9, sendOnly);
      ps.setBoolean(10, active);
      ps.executeUpdate();
    }
  }

  private static void alias(Connection c, long id, String localPart, long domainId, boolean active)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO aliases (id, aggregate_id, local_part, domain_id, active)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, "alias-" + id);
      ps.setString(3, localPart);
      ps.setLong(4, domainId);
      ps.setBoolean(5, active);
      ps.executeUpdate();
    }
  }

  private static void recipient(Connection c, long id, long aliasId, String address)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alias_recipients (id, alias_id, recipient_address) VALUES (?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setLong(2, aliasId);
      ps.setString(3, address);
      ps.executeUpdate();
    }
  }

  private static void sender(Connection c, long id, long aliasId, long mailboxId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alias_senders (id, alias_id, mailbox_id) VALUES (?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setLong(2, aliasId);
      ps.setLong(3, mailboxId);
      ps.executeUpdate();
    }
  }

  private static void tlsPolicy(Connection c, long id, String domain, String policy, String params)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tls_policies (id, domain, policy, params) VALUES (?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, domain);
      ps.setString(3, policy);
      ps.setString(4, params);
      ps.executeUpdate();
    }
  }

  // The script is written one statement a line, so that it can be fed to psql or mysql as well.
  private void runAsAdmin(Path script) throws IOException, SQLException {
    List<String> statements =
        Files.readAllLines(script).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("--"))
            .toList();
    assertThat(statements).isNotEmpty();
    try (Connection c = admin();
        Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  // Postfix waits up to about two seconds on every lookup while a table file looks freshly
  // written (an editor might still be saving it); files from minutes ago are read at once.
  private static void backdate(Path dir) throws IOException {
    FileTime past = FileTime.from(Instant.now().minusSeconds(120));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(f, past);
      }
    }
  }

  private String map(String file) {
    String type = dialect().equals("postgresql") ? "pgsql" : "mysql";
    return type + ":" + out.resolve("postfix").resolve(file);
  }

  Optional<String> query(String file, String key) {
    PostfixLookup lookup = postfix.lookup(key, map(file));
    // A miss must be a clean "not found", not a NULL row Postfix has to skip with a warning.
    assertThat(lookup.warnings()).as("postmap warnings for %s in %s", key, file).isEmpty();
    return lookup.value();
  }

  static Set<String> split(Optional<String> value) {
    assertThat(value).isPresent();
    return Arrays.stream(value.get().split(",")).map(String::strip).collect(Collectors.toSet());
  }

  @Test
  void virtualMailboxDomains() {
    assertThat(query("domains.cf", "example.org")).contains("example.org");
    assertThat(query("domains.cf", "unknown.test")).isEmpty();
    assertThat(query("domains.cf", "off.example")).as("inactive domain").isEmpty();
  }

  @Test
  void virtualMailboxMaps() {
    assertThat(query("mailboxes.cf", "alice@example.org")).contains("1");
    assertThat(query("mailboxes.cf", "bob@example.org")).as("inactive mailbox").isEmpty();
    assertThat(query("mailboxes.cf", "carol@off.example")).as("inactive domain").isEmpty();
    assertThat(query("mailboxes.cf", "nobody@example.org")).isEmpty();
  }

  @Test
  void aliasesAnswerAllRecipientsCommaJoined() {
    assertThat(split(query("aliases.cf", "team@example.org")))
        .containsExactlyInAnyOrder("alice@example.org", "bob@elsewhere.test", "carol@example.net");
    assertThat(query("aliases.cf", "old@example.org")).as("inactive alias").isEmpty();
    assertThat(query("aliases.cf", "alice@example.org")).isEmpty();
    assertThat(query("aliases.cf", "@example.org"))
        .as("MUM's query is suppressed for the catch-all key")
        .isEmpty();
  }

  @Test
  void mailboxSelfMapKeepsTheCatchAllOffExistingMailboxes() {
    assertThat(query("mailbox-self.cf", "alice@example.org")).contains("alice@example.org");
    assertThat(query("mailbox-self.cf", "bob@example.org")).isEmpty();
    assertThat(query("mailbox-self.cf", "nobody@example.org")).isEmpty();
  }

  @Test
  void catchAllAnswersOnlyTheDomainKey() {
    assertThat(query("catch-all.cf", "@example.org")).contains("alice@example.org");
    assertThat(query("catch-all.cf", "nobody@example.org")).isEmpty();
    assertThat(query("catch-all.cf", "@example.net")).isEmpty();
    assertThat(query("catch-all.cf", "@off.example")).isEmpty();
  }

  @Test
  void senderLoginMaps() {
    assertThat(query("sender-login-maps.cf", "alice@example.org")).contains("alice@example.org");
    assertThat(split(query("sender-login-maps.cf", "team@example.org")))
        .containsExactlyInAnyOrder("alice@example.org", "dave@example.net");
    assertThat(query("sender-login-maps.cf", "nobody@example.org")).isEmpty();
    assertThat(query("sender-login-maps.cf", "bob@example.org")).isEmpty();
  }

  @Test
  void recipientAccessRejectsSendOnlyMailboxes() {
    assertThat(query("recipient-access.cf", "sender@example.org")).contains("REJECT");
    assertThat(query("recipient-access.cf", "alice@example.org")).contains("DUNNO");
    assertThat(query("recipient-access.cf", "nobody@example.org")).isEmpty();
  }

  @Test
  void tlsPolicies() {
    // MUM's query unchanged: pgsql warns about the NULL params column, so no warning check here.
    assertThat(postfix.query("example.com", map("tls-policies.cf"))).contains("encrypt");
    assertThat(postfix.query("secure.test", map("tls-policies.cf")))
        .contains("secure,match=.secure.test");
    assertThat(postfix.query("other.test", map("tls-policies.cf"))).isEmpty();
  }

  @Test
  void dovecotChecksPasswords() {
    assertThat(dovecot.authTest("alice@example.org", PASSWORD)).isTrue();
    assertThat(dovecot.authTest("alice@example.org", "wrong")).isFalse();
    assertThat(dovecot.authTest("sender@example.org", PASSWORD)).as("send-only logs in").isTrue();
    assertThat(dovecot.authTest("bob@example.org", PASSWORD)).as("inactive").isFalse();
    assertThat(dovecot.authTest("carol@off.example", PASSWORD)).as("inactive domain").isFalse();
    assertThat(dovecot.authTest("nobody@example.org", PASSWORD)).isFalse();
  }

  @Test
  void dovecotUserdbGivesHomeMailQuotaAndVmailIds() {
    assertThat(dovecot.user("alice@example.org"))
        .containsEntry("home", aliceHome())
        .containsEntry("mail", "maildir:" + aliceHome() + "/Maildir")
        .containsEntry("quota_rule", "*:storage=2G")
        .containsEntry("uid", String.valueOf(VMAIL))
        .containsEntry("gid", String.valueOf(VMAIL));
    assertThat(dovecot.user("dave@example.net")).containsEntry("quota_rule", "*:storage=5G");
    assertThat(dovecot.user("sender@example.org")).as("send-only has no mailbox").isEmpty();
    assertThat(dovecot.user("bob@example.org")).isEmpty();
    assertThat(dovecot.user("nobody@example.org")).isEmpty();
  }

  @Test
  void dovecotSqlFileWorksWithTheHarnessOwnAuthBlocks() {
    try (DovecotServer own =
        DovecotServer.withSqlConfig(out.resolve("dovecot/dovecot-sql.conf.ext"), VMAIL, VMAIL)) {
      assertThat(own.authTest("dave@example.net", PASSWORD)).isTrue();
      assertThat(own.user("dave@example.net")).containsEntry("uid", String.valueOf(VMAIL));
    }
  }

  @Test
  void readOnlyAccountsReadOnlyTheirLookupTables() throws SQLException {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), postfixUser, postfixPassword);
        Statement st = c.createStatement()) {
      st.executeQuery("SELECT COUNT(*) FROM alias_senders").close();
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM layout_token_entry"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> st.executeUpdate("UPDATE domains SET active = " + falseLiteral()))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> st.executeUpdate("DELETE FROM tls_policies"))
          .isInstanceOf(SQLException.class);
    }
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), dovecotUser, dovecotPassword);
        Statement st = c.createStatement()) {
      st.executeQuery("SELECT COUNT(*) FROM mailboxes").close();
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM aliases"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM layout_token_entry"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> st.executeUpdate("UPDATE mailboxes SET password = 'x'"))
          .isInstanceOf(SQLException.class);
    }
  }

  private String falseLiteral() {
    return dialect().equals("postgresql") ? "false" : "0";
  }
}
