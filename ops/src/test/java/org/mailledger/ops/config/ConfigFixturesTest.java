package org.mailledger.ops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailledger.ops.OpsCommand;
import org.mailledger.projection.layouts.Layouts;

/**
 * Every file {@code ops config} writes, for every layout and dialect, once with the defaults and
 * once with every option that reaches a file set to a value of its own, compared byte for byte with
 * the files in {@code src/test/resources/config-fixtures}. Those were generated before the query
 * and file text moved from concatenated fragments to text blocks, so any rewrite of how the text is
 * built has to give Postfix and Dovecot exactly the same files.
 *
 * <p>When the output changes on purpose, run this test with {@code
 * -Dmailledger.config-fixtures.write=true}: it rewrites the fixtures in the source tree and fails,
 * so that the change is read in {@code git diff} before it is committed.
 */
class ConfigFixturesTest {

  private static final String FIXTURES = "config-fixtures";
  private static final Path SOURCE_FIXTURES = Path.of("src/test/resources", FIXTURES);
  private static final boolean WRITE = Boolean.getBoolean("mailledger.config-fixtures.write");

  // Fixed passwords: left out, they would be random. Each value below differs from its default
  // and from every other value, so a setting that lands in the wrong place changes a file.
  private static final List<String> DEFAULTS =
      List.of(
          "--db-name",
          "mail",
          "--postfix-password",
          "pf.secret",
          "--dovecot-password",
          "dc.secret");

  private static final List<String> OPTIONS =
      List.of(
          "--db-host",
          "db.example.net",
          "--db-port",
          "6543",
          "--db-name",
          "maildb",
          "--postfix-user",
          "pf_reader",
          "--postfix-password",
          "Pf~1!*+,:;?@^/-x",
          "--dovecot-user",
          "dc_reader",
          "--dovecot-password",
          "dc.Secret_2",
          "--vmail-uid",
          "6001",
          "--vmail-gid",
          "6002",
          "--password-scheme",
          "ARGON2ID",
          "--postfix-dir",
          "/opt/postfix/maps",
          "--dovecot-dir",
          "/opt/dovecot/conf.d",
          "--grant-host",
          "10.0.0.%",
          // The trailing slash is dropped before it reaches a path.
          "--mail-root",
          "/srv/mail/",
          "--table-prefix",
          "core_");

  @TempDir Path out;

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    // Every layout there is: a new one fails here until its files are reviewed as fixtures.
    for (String layout : Layouts.NAMES) {
      for (String dialect : List.of("postgresql", "mysql")) {
        cases.add(Arguments.of(layout, dialect, "defaults", layout, DEFAULTS));
        // Upper case, as picocli has always accepted it: the files name the layout in lower case.
        cases.add(Arguments.of(layout, dialect, "options", layout.toUpperCase(), OPTIONS));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void generatedFilesAreTheFixturesByteForByte(
      String layout, String dialect, String variant, String layoutArg, List<String> options)
      throws IOException, URISyntaxException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "config", "--layout", layoutArg, "--dialect", dialect, "--out", out.toString()));
    args.addAll(options);
    StringWriter stdout = new StringWriter();
    int exit =
        OpsCommand.commandLine()
            .setOut(new PrintWriter(stdout))
            .setErr(new PrintWriter(new StringWriter()))
            .execute(args.toArray(String[]::new));
    assertThat(exit).isZero();
    // The listing says which files are secret (0600) and in which order they were written.
    String listing = stdout.toString().replace(out.toString(), "OUT");
    String name = layout + "/" + dialect + "/" + variant;

    if (WRITE) {
      write(name, listing);
      fail("fixtures " + name + " rewritten from the current code: review git diff, then commit");
    }

    Path fixture = fixtures().resolve(name);
    assertThat(listing)
        .as("listing of " + name)
        .isEqualTo(Files.readString(fixture.resolveSibling(variant + ".txt")));
    assertThat(relativeFiles(out)).as("files of " + name).isEqualTo(relativeFiles(fixture));
    for (String file : relativeFiles(fixture)) {
      byte[] expected = Files.readAllBytes(fixture.resolve(file));
      byte[] actual = Files.readAllBytes(out.resolve(file));
      // As text first, for a readable diff; then as bytes, which is what counts.
      assertThat(new String(actual, StandardCharsets.UTF_8))
          .as(name + "/" + file)
          .isEqualTo(new String(expected, StandardCharsets.UTF_8));
      assertThat(actual).as(name + "/" + file).isEqualTo(expected);
    }
  }

  private static Path fixtures() throws URISyntaxException {
    URL url = ConfigFixturesTest.class.getClassLoader().getResource(FIXTURES);
    assertThat(url).as(FIXTURES + " on the test classpath").isNotNull();
    return Path.of(url.toURI());
  }

  private void write(String name, String listing) throws IOException {
    Path target = SOURCE_FIXTURES.resolve(name);
    if (Files.exists(target)) {
      try (Stream<Path> old = Files.walk(target)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (String file : relativeFiles(out)) {
      Path copy = target.resolve(file);
      Files.createDirectories(copy.getParent());
      Files.write(copy, Files.readAllBytes(out.resolve(file)));
    }
    Files.writeString(target.resolveSibling(target.getFileName() + ".txt"), listing);
  }

  private static List<String> relativeFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
