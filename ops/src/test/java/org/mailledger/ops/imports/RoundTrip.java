package org.mailledger.ops.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.codec.digest.Crypt;
import org.apache.commons.codec.digest.Md5Crypt;
import org.mailledger.ops.OpsCommand;
import org.mailledger.ops.e2e.CommandsTestApplication;
import org.mailledger.projection.progress.LayoutProgress;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.consumer.PostfixMaps;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion;

/**
 * The pieces of an import round trip: the source tool's schema and rows, Postfix's answers through
 * that tool's documented maps, {@code ops import}, the projection, and Postfix's answers through
 * the maps {@code ops config} generates.
 */
final class RoundTrip {

  static final String PASSWORD = "secret";

  private RoundTrip() {}

  /** What {@code ops ...} did. */
  record Run(int exit, String out, String err) {}

  static Run ops(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        OpsCommand.commandLine()
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** The import's arguments for an event store in {@code mailledger}. */
  static String[] importArgs(TestDatabase mailledger, String... args) {
    List<String> all = new ArrayList<>(List.of("import"));
    all.addAll(List.of(args));
    all.add("--spring.datasource.url=" + mailledger.jdbcUrl());
    all.add("--spring.datasource.username=" + mailledger.username());
    if (mailledger.password() != null) {
      all.add("--spring.datasource.password=" + mailledger.password());
    }
    return all.toArray(String[]::new);
  }

  /** Runs a DDL file of the test resources, statements separated by a line ending in ';'. */
  static void runScript(DataSource db, String resource) throws Exception {
    String text;
    try (InputStream in = RoundTrip.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String body =
        text.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
    try (Connection c = db.getConnection();
        Statement st = c.createStatement()) {
      for (String sql : body.split(";\\s*\\n")) {
        if (!sql.isBlank()) {
          st.execute(sql.strip().replaceAll(";$", ""));
        }
      }
    }
  }

  static void insert(DataSource db, String sql, Object... values) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      ps.executeUpdate();
    }
  }

  /** The app as it runs, started on the same databases: it projects the log into the tables. */
  static ConfigurableApplicationContext app(TestDatabase db) {
    return app(db, Map.of());
  }

  /**
   * The app on the event store {@code db}, with more properties: the layouts to keep, a lookup
   * database of their own.
   */
  static ConfigurableApplicationContext app(TestDatabase db, Map<String, String> more) {
    Map<String, Object> properties =
        new java.util.HashMap<>(
            Map.ofEntries(
                Map.entry("spring.datasource.url", db.jdbcUrl()),
                Map.entry("spring.datasource.username", db.username()),
                Map.entry("spring.datasource.password", db.password() == null ? "" : db.password()),
                Map.entry("spring.flyway.locations", "classpath:db/eventstore/postgresql"),
                Map.entry("spring.flyway.baseline-on-migrate", "true"),
                Map.entry("spring.flyway.baseline-version", "0"),
                Map.entry("axon.axonserver.enabled", "false"),
                Map.entry("axon.serializer.general", "jackson"),
                Map.entry("axon.serializer.events", "jackson"),
                Map.entry("axon.serializer.messages", "jackson"),
                Map.entry("mailledger.bcrypt-cost", "4")));
    properties.putAll(more);
    return new SpringApplicationBuilder(CommandsTestApplication.class)
        .web(WebApplicationType.NONE)
        .properties(properties)
        .run();
  }

  /** The properties that keep {@code layouts} in the lookup database {@code lookup}. */
  static Map<String, String> keeping(String layouts, TestDatabase lookup) {
    return Map.of(
        "mailledger.layouts",
        layouts,
        "mailledger.lookup.datasource.url",
        lookup.jdbcUrl(),
        "mailledger.lookup.datasource.username",
        lookup.username(),
        "mailledger.lookup.datasource.password",
        lookup.password() == null ? "" : lookup.password());
  }

  /** Waits until each layout (mum when none is named) has applied the whole log. */
  static void awaitProjection(ConfigurableApplicationContext app, String... layouts)
      throws InterruptedException {
    LayoutProgress progress = app.getBean(LayoutProgress.class);
    long head = progress.head();
    for (String layout : layouts.length == 0 ? new String[] {"mum"} : layouts) {
      assertThat(progress.awaitPosition("layout-" + layout, head, Duration.ofSeconds(60)))
          .as("layout-%s reaches %d", layout, head)
          .isTrue();
    }
  }

  static long events(TestDatabase db) {
    return new JdbcTemplate(db.dataSource())
        .queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
  }

  /**
   * {@code ops config --layout mum} for the database (PostgreSQL or MySQL/MariaDB), with the
   * read-only accounts its SQL creates (named uniquely per run: accounts are server-wide); {@link
   * #dropAccounts} removes them.
   */
  static Path mumConfig(TestDatabase db) throws Exception {
    Path out = Files.createTempDirectory("mltest-import-config-");
    String suffix =
        java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(4));
    Run run =
        ops(
            "config",
            "--layout=mum",
            "--dialect=" + db.dialect(),
            "--out=" + out,
            "--db-host=" + db.host(),
            "--db-port=" + db.port(),
            "--db-name=" + db.database(),
            "--postfix-user=mlipf_" + suffix,
            "--postfix-password=pf" + suffix + "X9",
            "--dovecot-user=mlidc_" + suffix,
            "--dovecot-password=dc" + suffix + "Y8",
            "--vmail-uid=5000",
            "--vmail-gid=5000",
            "--postfix-dir=" + out.resolve("postfix"),
            "--dovecot-dir=" + out.resolve("dovecot"));
    assertThat(run.exit()).as(run.err()).isZero();
    List<String> statements =
        Files.readAllLines(out.resolve("sql/readonly-users.sql")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("--"))
            .toList();
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
    backdate(out);
    return out;
  }

  /** Drops the accounts {@link #mumConfig} created, found by their names in its files. */
  static void dropAccounts(TestDatabase db, Path config) throws Exception {
    if (config == null) {
      return;
    }
    String sql = Files.readString(config.resolve("sql/readonly-users.sql"));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("mli(pf|dc)_[0-9a-f]{8}").matcher(sql);
    Set<String> users = new TreeSet<>();
    while (m.find()) {
      users.add(m.group());
    }
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      for (String user : users) {
        if (db.dialect().equals("postgresql")) {
          st.execute("DROP OWNED BY " + user);
          st.execute("DROP ROLE IF EXISTS " + user);
        } else {
          st.execute("DROP USER IF EXISTS '" + user + "'@'%'");
        }
      }
    }
  }

  /** A Postfix map file of the source tool, as its documentation writes it. */
  static String cf(Path dir, String name, TestDatabase db, String query) throws IOException {
    String type = mapType(db);
    // host:port, as ops config writes it: a postgresql:// URI would make libpq ignore "user".
    String hosts = db.host() + ":" + db.port();
    Path file = dir.resolve(name);
    Files.writeString(
        file,
        "hosts = "
            + hosts
            + "\nuser = "
            + db.username()
            + "\npassword = "
            + (db.password() == null ? "" : db.password())
            + "\ndbname = "
            + db.database()
            + "\nquery = "
            + query
            + "\n");
    backdate(dir);
    return type + ":" + file;
  }

  /** Postfix's table type for the database's engine. */
  static String mapType(TestDatabase db) {
    return db.dialect().equals("postgresql") ? "pgsql" : "mysql";
  }

  static void backdate(Path dir) throws IOException {
    FileTime past = FileTime.from(Instant.now().minusSeconds(120));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(f, past);
      }
    }
  }

  static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Postfix's view of an address through a set of maps, as smtpd and cleanup resolve it: the domain
   * must be a virtual mailbox domain; virtual_alias_maps are searched in order, the first table
   * with the key wins, and the catch-all key {@code @domain} is tried when no table has the
   * address; virtual_mailbox_maps say whether a mailbox exists.
   */
  record Maps(
      PostfixMaps postfix, List<String> domains, List<String> mailboxes, List<String> aliases) {

    /**
     * Where mail to the address ends up: virtual alias expansion applied recursively (an address
     * that maps to itself, or to nothing, is final), then each final address in a hosted domain
     * with whether a mailbox takes it.
     */
    String resolve(String address) {
      if (!domain(domainOf(address))) {
        return "rejected: not a hosted domain";
      }
      Set<String> finals = new TreeSet<>();
      if (!expand(address, 0, finals)) {
        return "alias loop";
      }
      return finals.stream()
          .map(
              a ->
                  a
                      + (domain(domainOf(a))
                          ? (first(mailboxes, a).isPresent() ? " (mailbox)" : " (no mailbox)")
                          : " (elsewhere)"))
          .toList()
          .toString();
    }

    private boolean expand(String address, int depth, Set<String> finals) {
      if (depth > 20) {
        return false;
      }
      Optional<String> alias = first(aliases, address);
      if (alias.isEmpty() && domain(domainOf(address))) {
        alias = first(aliases, "@" + domainOf(address));
      }
      if (alias.isEmpty()) {
        finals.add(address);
        return true;
      }
      for (String target : alias.get().split(",")) {
        String t = target.strip();
        if (t.equals(address)) {
          finals.add(t);
        } else if (!expand(t, depth + 1, finals)) {
          return false;
        }
      }
      return true;
    }

    private static String domainOf(String address) {
      return address.substring(address.lastIndexOf('@') + 1);
    }

    boolean domain(String name) {
      return first(domains, name).isPresent();
    }

    private Optional<String> first(List<String> maps, String key) {
      for (String map : maps) {
        Optional<String> value = postfix.query(key, map);
        if (value.isPresent()) {
          return value;
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The maps {@code ops config} wrote for the mum layout on {@code db}, in the order main.cf lists
   * them.
   */
  static Maps mumMaps(PostfixMaps postfix, Path config, TestDatabase db) {
    String dir = mapType(db) + ":" + config.resolve("postfix");
    return new Maps(
        postfix,
        List.of(dir + "/domains.cf"),
        List.of(dir + "/mailboxes.cf"),
        List.of(dir + "/aliases.cf", dir + "/mailbox-self.cf", dir + "/catch-all.cf"));
  }

  /** Every key's answer, to compare the source's maps with Mailledger's in one assertion. */
  static Map<String, String> answers(Maps maps, Set<String> addresses, Set<String> domains) {
    Map<String, String> answers = new java.util.TreeMap<>();
    for (String domain : domains) {
      answers.put(domain, maps.domain(domain) ? "hosted" : "not hosted");
    }
    for (String address : addresses) {
      answers.put(address, maps.resolve(address));
    }
    return answers;
  }

  static String bcrypt() {
    return new BCryptPasswordEncoder(BCryptVersion.$2Y, 4).encode(PASSWORD);
  }

  static String sha512Crypt() {
    return Crypt.crypt(PASSWORD.getBytes(StandardCharsets.UTF_8), "$6$abcdefghijklmnop");
  }

  static String md5Crypt() {
    return Md5Crypt.md5Crypt(PASSWORD.getBytes(StandardCharsets.UTF_8), "$1$abcdefgh");
  }
}
