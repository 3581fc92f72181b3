package org.mailledger.testsupport.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The secrets check after the whole suite: dumps every test database of one run ({@code pg_dump},
 * {@code mysqldump}) and reads the run's log files, and looks in them for every test password of
 * the run, as plaintext, as hex (how a dump shows a BYTEA event payload), as Base64 (an HTTP Basic
 * header) and URL-encoded. Findings name the place and a masked password, never the plaintext.
 *
 * <p>{@code java -cp test-support/target/classes org.mailledger.testsupport.secrets.SecretCheck
 * --run ID --root .} is what {@code bin/test} runs after Maven. Exit 0 clean, 1 found, 2 could not
 * check (no password, no database of the run, a dump failed): a check that looked at nothing must
 * not pass.
 */
public final class SecretCheck {

  /** Shorter strings would match by chance. */
  public static final int MIN_LENGTH = 8;

  /** Where to look and what for. */
  public record Options(
      String run,
      Set<String> secrets,
      List<Path> files,
      String pgHost,
      int pgPort,
      String pgUser,
      String mysqlHost,
      int mysqlPort,
      String mysqlUser) {}

  /** What the check saw. */
  public record Result(
      int databases, int files, int secrets, List<String> findings, List<String> problems) {
    public int exitCode() {
      if (!findings.isEmpty()) {
        return 1;
      }
      return problems.isEmpty() ? 0 : 2;
    }
  }

  private SecretCheck() {}

  public static void main(String[] args) throws IOException {
    String run = null;
    Path root = Path.of(".");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--run" -> run = args[++i];
        case "--root" -> root = Path.of(args[++i]);
        default -> {
          System.err.println("usage: SecretCheck --run ID [--root REPOSITORY]");
          System.exit(2);
        }
      }
    }
    if (run == null) {
      System.err.println("usage: SecretCheck --run ID [--root REPOSITORY]");
      System.exit(2);
    }
    Set<String> secrets =
        new LinkedHashSet<>(registered(root.resolve("target/test-secrets/" + run)));
    int registered = secrets.size();
    secrets.addAll(SourceHarvest.literals(root));
    System.out.printf(
        "secrets check: %d passwords registered by the run's tests, %d in total with the literals"
            + " of the test sources%n",
        registered, secrets.size());
    Options options =
        new Options(
            run, secrets, runFiles(root), "127.0.0.1", 5432, "postgres", "127.0.0.1", 3306, "root");
    Result result = check(options);
    result.findings().forEach(f -> System.out.println("FOUND " + f));
    result.problems().forEach(p -> System.out.println("CANNOT CHECK " + p));
    System.out.printf(
        "secrets check: %d databases of run %s and %d files searched for %d passwords: %s%n",
        result.databases(),
        run,
        result.files(),
        result.secrets(),
        switch (result.exitCode()) {
          case 0 -> "none found";
          case 1 -> result.findings().size() + " finding(s)";
          default -> "incomplete";
        });
    System.exit(result.exitCode());
  }

  /** The passwords the run's test JVMs registered through {@link TestSecrets}. */
  public static Set<String> registered(Path runDirectory) throws IOException {
    Set<String> secrets = new LinkedHashSet<>();
    if (!Files.isDirectory(runDirectory)) {
      return secrets;
    }
    try (Stream<Path> files = Files.list(runDirectory)) {
      for (Path file : files.toList()) {
        Files.readAllLines(file).stream().filter(l -> !l.isEmpty()).forEach(secrets::add);
      }
    }
    return secrets;
  }

  /**
   * The log output of a run: surefire's reports and captured output of every module, the app
   * processes' logs that the fault suite keeps ({@code target/fault-logs}), and {@code bin/test}'s
   * copy of the whole Maven output.
   */
  public static List<Path> runFiles(Path root) throws IOException {
    List<Path> found = new ArrayList<>();
    Path mavenLog = root.resolve("target/test-run.log");
    if (Files.isRegularFile(mavenLog)) {
      found.add(mavenLog);
    }
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(Files::isDirectory).toList()) {
        for (String dir : List.of("target/surefire-reports", "target/fault-logs")) {
          Path logs = module.resolve(dir);
          if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.walk(logs)) {
              files.filter(Files::isRegularFile).forEach(found::add);
            }
          }
        }
      }
    }
    return found;
  }

  public static Result check(Options options) {
    List<String> findings = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, List<Form>> needles = needles(options.secrets());
    if (needles.isEmpty()) {
      problems.add("no test password to look for");
    }
    int databases = 0;
    String suffix = "_r" + options.run();
    try {
      for (String db :
          lines(
              command(
                  "psql",
                  "-h",
                  options.pgHost(),
                  "-p",
                  String.valueOf(options.pgPort()),
                  "-U",
                  options.pgUser(),
                  "-d",
                  "postgres",
                  "-w",
                  "-Atc",
                  "SELECT datname FROM pg_database WHERE datname LIKE 'mltest\\_%' ORDER BY 1"))) {
        if (db.endsWith(suffix)) {
          databases++;
          String dump =
              dumpOrSkip(
                  "pg_dump",
                  "-h",
                  options.pgHost(),
                  "-p",
                  String.valueOf(options.pgPort()),
                  "-U",
                  options.pgUser(),
                  "-w",
                  "--no-owner",
                  db);
          search(dump, "PostgreSQL database " + db, needles, findings);
        }
      }
    } catch (IOException e) {
      problems.add("PostgreSQL: " + e.getMessage());
    }
    try {
      for (String db :
          lines(
              command(
                  "mysql",
                  "--protocol=tcp",
                  "-h",
                  options.mysqlHost(),
                  "-P",
                  String.valueOf(options.mysqlPort()),
                  "-u",
                  options.mysqlUser(),
                  "-N",
                  "-B",
                  "-e",
                  "SHOW DATABASES LIKE 'mltest\\_%'"))) {
        if (db.endsWith(suffix)) {
          databases++;
          String dump =
              dumpOrSkip(
                  "mysqldump",
                  "--protocol=tcp",
                  "-h",
                  options.mysqlHost(),
                  "-P",
                  String.valueOf(options.mysqlPort()),
                  "-u",
                  options.mysqlUser(),
                  "--skip-extended-insert",
                  db);
          search(dump, "MySQL/MariaDB database " + db, needles, findings);
        }
      }
    } catch (IOException e) {
      problems.add("MySQL/MariaDB: " + e.getMessage());
    }
    if (databases == 0) {
      problems.add("no test database of run " + options.run() + " on the local servers");
    }
    for (Path file : options.files()) {
      try {
        search(
            new String(Files.readAllBytes(file), StandardCharsets.UTF_8),
            "file " + file,
            needles,
            findings);
      } catch (IOException e) {
        problems.add("cannot read " + file + ": " + e.getMessage());
      }
    }
    return new Result(databases, options.files().size(), needles.size(), findings, problems);
  }

  /**
   * Each password with the forms it takes in a dump or a log: as is, as hex (PostgreSQL dumps
   * BYTEA, such as the event payloads, in hex; MariaDB's {@code --hex-blob} too), as Base64 at each
   * of the three byte alignments (an {@code Authorization: Basic} header carries {@code
   * user:password}), and URL-encoded.
   */
  static Map<String, List<Form>> needles(Set<String> secrets) {
    Map<String, List<Form>> needles = new LinkedHashMap<>();
    for (String secret : secrets) {
      if (secret.length() < MIN_LENGTH) {
        continue;
      }
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      Map<String, Form> forms = new LinkedHashMap<>();
      List.of(
              new Form("plaintext", secret),
              new Form("hex", HexFormat.of().formatHex(bytes)),
              new Form("URL-encoded", URLEncoder.encode(secret, StandardCharsets.UTF_8)),
              new Form("URL-encoded", secret.replace(" ", "%20")),
              new Form("Base64", base64Core(bytes, 0)),
              new Form("Base64", base64Core(bytes, 1)),
              new Form("Base64", base64Core(bytes, 2)))
          .forEach(f -> forms.putIfAbsent(f.text(), f));
      needles.put(secret, List.copyOf(forms.values()));
    }
    return needles;
  }

  /** One form a password can take in a dump or a log. */
  record Form(String kind, String text) {}

  /**
   * The Base64 characters that depend on the secret's bytes alone when it starts {@code shift}
   * bytes into a 3-byte group: whatever comes before and after, an encoding of text containing the
   * secret at that alignment contains these characters.
   */
  static String base64Core(byte[] secret, int shift) {
    byte[] padded = new byte[shift + secret.length + 3];
    System.arraycopy(secret, 0, padded, shift, secret.length);
    String encoded = Base64.getEncoder().encodeToString(padded);
    int firstBit = 8 * shift;
    int endBit = 8 * (shift + secret.length);
    int first = (firstBit + 5) / 6;
    int end = endBit / 6;
    return encoded.substring(first, end);
  }

  private static void search(
      String text, String where, Map<String, List<Form>> needles, List<String> findings) {
    String lower = text.toLowerCase(Locale.ROOT);
    needles.forEach(
        (secret, forms) -> {
          for (Form form : forms) {
            // Hex is matched without regard to case: dumps write it either way.
            boolean hit =
                form.kind().equals("hex")
                    ? lower.contains(form.text())
                    : text.contains(form.text());
            if (hit) {
              findings.add(
                  where
                      + ": "
                      + mask(secret)
                      + (form.kind().equals("plaintext") ? "" : " (encoded: " + form.kind() + ")"));
              return;
            }
          }
        });
  }

  /** Enough to find the password among the registered ones, not enough to use it. */
  static String mask(String secret) {
    return secret.substring(0, 3) + "…(" + secret.length() + " chars)";
  }

  /**
   * A dump, or an empty text when the database was dropped since it was listed (a parallel build's
   * clean-up on a shared server).
   */
  private static String dumpOrSkip(String... command) throws IOException {
    try {
      return command(command);
    } catch (IOException e) {
      String message = e.getMessage();
      if (message.contains("does not exist") || message.contains("Unknown database")) {
        return "";
      }
      throw e;
    }
  }

  private static List<String> lines(String output) {
    return output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static String command(String... command) throws IOException {
    Path errors = Files.createTempFile("secret-check", ".err");
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    byte[] out;
    try (InputStream stdout = process.getInputStream()) {
      out = stdout.readAllBytes();
    }
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command[0] + " did not finish within 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    String err = Files.readString(errors).strip();
    Files.deleteIfExists(errors);
    if (process.exitValue() != 0) {
      throw new IOException(
          command[0]
              + " "
              + command[command.length - 1]
              + " failed ("
              + process.exitValue()
              + "): "
              + err);
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
