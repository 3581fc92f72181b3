package org.mailledger.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mailledger.testsupport.TestDatabase;

/**
 * PostfixAdmin 3.3's own PHP code, as Debian 12 ships it, configured for one lookup database and
 * run with php-cli: its {@code upgrade.php}, its {@code postfixadmin-cli}, and its admin and users'
 * pages through PHP's built-in web server. {@code bin/test} unpacks the package (without its web
 * server dependencies) under {@link #DEFAULT_ROOT}; {@code MAILLEDGER_TEST_POSTFIXADMIN} names
 * another unpacked root.
 */
final class PostfixAdminSite implements AutoCloseable {

  static final Path DEFAULT_ROOT = Path.of("/opt/mailledger-test/postfixadmin");
  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  private final Path home;
  private final int port;
  private Process server;

  private PostfixAdminSite(Path home) {
    this.home = home;
    this.port = AppProcess.freePort();
  }

  /** The unpacked package: {@code usr/share/postfixadmin} and {@code etc/postfixadmin} below it. */
  static Path root() {
    String given = System.getenv("MAILLEDGER_TEST_POSTFIXADMIN");
    Path root = given == null || given.isBlank() ? DEFAULT_ROOT : Path.of(given);
    assertThat(root.resolve("usr/share/postfixadmin/public/upgrade.php"))
        .as("PostfixAdmin 3.3 unpacked under %s (bin/test does it)", root)
        .exists();
    return root;
  }

  /**
   * A copy of PostfixAdmin in {@code dir}, its database set to {@code lookup}, with {@code
   * configLocal} (what {@code ops config} wrote) as its {@code config.local.php} and the test's own
   * settings after it.
   */
  static PostfixAdminSite install(Path dir, TestDatabase lookup, String configLocal) {
    Path root = root();
    Path home = dir.resolve("postfixadmin");
    copyTree(root.resolve("usr/share/postfixadmin"), home);
    try {
      Files.copy(root.resolve("etc/postfixadmin/config.inc.php"), home.resolve("config.inc.php"));
      Files.createDirectories(home.resolve("templates_c"));
      Files.writeString(home.resolve("dbconfig.inc.php"), dbconfig(lookup));
      Files.writeString(
          home.resolve("config.local.php"),
          configLocal
              + "\n// The test's own: no DNS here, and the test database's port.\n"
              + "$CONF['emailcheck_resolve_domain'] = 'NO';\n"
              + "$CONF['database_port'] = '"
              + lookup.port()
              + "';\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PostfixAdminSite(home);
  }

  /**
   * Debian's config.inc.php reads the database from dbconfig.inc.php, as dbconfig-common writes it.
   */
  private static String dbconfig(TestDatabase lookup) {
    String type = lookup.dialect().equals("postgresql") ? "pgsql" : "mysqli";
    return "<?php\n"
        + "$dbtype = '"
        + type
        + "';\n$dbserver = '"
        + lookup.host()
        + "';\n$dbuser = '"
        + lookup.username()
        + "';\n$dbpass = '"
        + (lookup.password() == null ? "" : lookup.password())
        + "';\n$dbname = '"
        + lookup.database()
        + "';\n$dbport = '';\n$basepath = '';\n";
  }

  /**
   * The package's files, links resolved: links inside the tree become copies of what they name,
   * links to where the package would put its configuration and cache are left out (written above).
   */
  private static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isSymbolicLink(source)) {
          Path resolved = source.getParent().resolve(Files.readSymbolicLink(source)).normalize();
          if (resolved.startsWith(from) && Files.isRegularFile(resolved)) {
            Files.copy(resolved, target);
          }
        } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a PHP command printed, and how it ended. */
  record Outcome(int exitCode, String out) {
    @Override
    public String toString() {
      return "exit " + exitCode + ":\n" + out;
    }
  }

  /** PostfixAdmin's own upgrade, as its setup.php runs it on every visit. */
  Outcome upgrade() {
    return run(home.resolve("public"), List.of("php", "upgrade.php"));
  }

  /** {@code postfixadmin-cli ARGS}, e.g. {@code domain view example.org}. */
  Outcome cli(String... args) {
    List<String> command = new ArrayList<>(List.of("php", "scripts/postfixadmin-cli.php"));
    command.addAll(List.of(args));
    return run(home, command);
  }

  private static Outcome run(Path dir, List<String> command) {
    try {
      Path out = Files.createTempFile("postfixadmin", ".out");
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not end in " + COMMAND_TIMEOUT);
      }
      String text = Files.readString(out);
      Files.delete(out);
      return new Outcome(process.exitValue(), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** PostfixAdmin's pages on PHP's built-in web server, as a browser sees them. */
  PostfixAdminSite serve() {
    try {
      server =
          new ProcessBuilder(
                  "php", "-S", "127.0.0.1:" + port, "-t", home.resolve("public").toString())
              .redirectErrorStream(true)
              .redirectOutput(home.resolve("php-server.log").toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try (var socket = new java.net.Socket("127.0.0.1", port)) {
        return this;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    throw new IllegalStateException("php -S did not listen on " + port);
  }

  /** A browser: its own cookies, so its own PostfixAdmin session. */
  Browser browser() {
    return new Browser();
  }

  final class Browser {
    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(String page) {
      return send(HttpRequest.newBuilder(uri(page)).GET());
    }

    /**
     * Logs in through {@code page} ({@code login.php} for admins, {@code users/login.php} for
     * mailbox owners) as its form does, CSRF token included; the answer to the form's POST.
     */
    HttpResponse<String> logIn(String page, String user, String password) {
      HttpResponse<String> form = get(page);
      Matcher token = TOKEN.matcher(form.body());
      assertThat(token.find()).as("the login form of " + page + ":\n" + form.body()).isTrue();
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("fUsername", user);
      fields.put("fPassword", password);
      fields.put("lang", "en");
      fields.put("token", token.group(1));
      String body =
          fields.entrySet().stream()
              .map(
                  f ->
                      URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(uri(page))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String page) {
      return URI.create("http://127.0.0.1:" + port + "/" + page);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return client.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.destroy();
      try {
        server.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server.destroyForcibly();
    }
  }
}
