package org.mailledger.testsupport.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.mailledger.testsupport.TestRun;

/**
 * The checker itself, so that a clean result means something: plaintexts planted on purpose, as
 * text, inside a BYTEA payload the way the event store keeps events, in a MariaDB table, and in log
 * files as is and inside an HTTP Basic header, are each found; the same places without them are
 * clean; and a check that finds no database of the run does not pass.
 *
 * <p>The planted passwords are made here at run time and never registered, so the real check after
 * the suite does not look for them in the databases this test leaves behind.
 */
class SecretCheckTest {

  @TempDir Path logs;

  private static String plant() {
    return "planted-" + UUID.randomUUID().toString().replace("-", "");
  }

  private static String run() {
    return TestRun.id().orElseThrow(() -> new AssertionError("no mailledger.test.run given"));
  }

  private SecretCheck.Options options(Set<String> secrets, List<Path> files) {
    return new SecretCheck.Options(
        run(), secrets, files, "127.0.0.1", 5432, "postgres", "127.0.0.1", 3306, "root");
  }

  @Test
  void findsAPlaintextInATextColumnAndInAnEventPayload() throws Exception {
    String inText = plant();
    String inPayload = plant();
    TestDatabase db = TestDatabases.postgres();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE notes (id int, note text)");
      s.execute("CREATE TABLE domain_event_entry (global_index int, payload bytea)");
      try (PreparedStatement p = c.prepareStatement("INSERT INTO notes VALUES (1, ?)")) {
        p.setString(1, "the password was " + inText + " yesterday");
        p.executeUpdate();
      }
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO domain_event_entry VALUES (1, ?)")) {
        p.setBytes(1, ("{\"password\":\"" + inPayload + "\"}").getBytes(StandardCharsets.UTF_8));
        p.executeUpdate();
      }
    }

    SecretCheck.Result result = SecretCheck.check(options(Set.of(inText, inPayload), List.of()));

    assertThat(result.findings())
        .anySatisfy(f -> assertThat(f).contains(db.database()).contains(inText.substring(0, 3)))
        .anySatisfy(f -> assertThat(f).contains(db.database()).contains("(encoded: hex)"));
    assertThat(result.findings()).hasSize(2);
    assertThat(String.join("\n", result.findings())).doesNotContain(inText, inPayload);
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void findsAPlaintextInAMariaDbTable() throws Exception {
    String secret = plant();
    TestDatabase db = TestDatabases.mysql();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE mailboxes (id int, password varchar(200))");
      s.execute("INSERT INTO mailboxes VALUES (1, '" + secret + "')");
    }

    SecretCheck.Result result = SecretCheck.check(options(Set.of(secret), List.of()));

    assertThat(result.findings()).singleElement().asString().contains(db.database());
  }

  @Test
  void findsAPlaintextInALogAsIsAndInsideABasicHeader() throws Exception {
    String plain = plant();
    String inHeader = plant();
    Path log = logs.resolve("app.log");
    Files.writeString(log, "INFO creating mailbox with password " + plain + "\n");
    Path headers = logs.resolve("headers.log");
    for (String user : List.of("a", "ab", "abc")) {
      Files.writeString(
          headers,
          "DEBUG Authorization: Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + inHeader).getBytes(StandardCharsets.UTF_8))
              + "\n");
      SecretCheck.Result result =
          SecretCheck.check(options(Set.of(plain, inHeader), List.of(log, headers)));
      assertThat(result.findings())
          .as("user of %d characters", user.length())
          .anySatisfy(f -> assertThat(f).contains("app.log"))
          .anySatisfy(f -> assertThat(f).contains("headers.log").contains("Base64"))
          .hasSize(2);
    }
  }

  @Test
  void placesWithoutThePasswordsAreClean() throws Exception {
    TestDatabase db = TestDatabases.postgres();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE notes (id int, note text)");
      s.execute("INSERT INTO notes VALUES (1, 'a password hash {BLF-CRYPT}$2y$04$abc')");
    }
    Path log = logs.resolve("clean.log");
    Files.writeString(log, "INFO nothing to see\n");

    SecretCheck.Result result = SecretCheck.check(options(Set.of(plant()), List.of(log)));

    assertThat(result.findings()).isEmpty();
    assertThat(result.databases()).isPositive();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void aRunWithoutDatabasesCannotPass() {
    SecretCheck.Options none =
        new SecretCheck.Options(
            "norun" + System.nanoTime() % 100000,
            Set.of(plant()),
            List.of(),
            "127.0.0.1",
            5432,
            "postgres",
            "127.0.0.1",
            3306,
            "root");

    SecretCheck.Result result = SecretCheck.check(none);

    assertThat(result.databases()).isZero();
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void theRegistryHoldsWhatTestsDraw() throws Exception {
    String drawn = TestSecrets.password("registry");

    assertThat(SecretCheck.registered(TestSecrets.runDirectory())).contains(drawn);
    assertThat(drawn).startsWith("registry-").hasSize("registry-".length() + 20);
  }

  @Test
  void theHarvestFindsPasswordLiteralsInTestSources() {
    String source =
        """
        static final String ROOT_PASSWORD = "root password for the bad requests";
        api.json("POST", "/x", ROOT, "{'localPart':'a','password':'alice password long'}");
        Map.of("name", "x", "password", "map password here");
        String body = "{\\"password\\":\\"escaped json password\\"}";
        properties = "mailledger.bootstrap-password=bootstrap-literal-1",
        "{'password':'{BLF-CRYPT}$2y$04$abcdefghijklmnopqrstuu'}", "{'password':'short'}"
        """;

    assertThat(SourceHarvest.literals(source))
        .containsExactlyInAnyOrder(
            "root password for the bad requests",
            "alice password long",
            "map password here",
            "escaped json password",
            "bootstrap-literal-1");
  }
}
