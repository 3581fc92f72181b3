package org.mailledger.testsupport.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The password literals that test sources write by hand instead of drawing them from {@link
 * TestSecrets}: the values of {@code password} fields in JSON bodies, of {@code *PASSWORD*} and
 * {@code *SECRET*} constants, and of {@code bootstrap-password=} properties. Ready hashes ({@code
 * {SCHEME}...}), patterns and values built by concatenation are not plaintexts and are skipped.
 */
public final class SourceHarvest {

  private static final List<Pattern> PATTERNS =
      List.of(
          Pattern.compile("'password'\\s*:\\s*'([^'\\\\\"]+)'"),
          Pattern.compile("\\\\\"password\\\\\"\\s*:\\s*\\\\\"([^\"\\\\]+)\\\\\""),
          Pattern.compile("\"password\"\\s*:\\s*\"([^\"\\\\]+)\""),
          Pattern.compile("\"password\"\\s*,\\s*\"([^\"\\\\]+)\""),
          Pattern.compile("[A-Z_]*(?:PASSWORD|SECRET)[A-Z_]*\\s*=\\s*\"([^\"\\\\]+)\""),
          Pattern.compile("bootstrap-password=([^\"\\s]+)\""));

  private SourceHarvest() {}

  /** Every password literal in the {@code src/test} trees under {@code root}. */
  public static Set<String> literals(Path root) {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> f.toString().contains("/src/test/") && !f.toString().contains("/target/"))
          .forEach(f -> found.addAll(literals(read(f))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  static Set<String> literals(String source) {
    Set<String> found = new TreeSet<>();
    for (Pattern pattern : PATTERNS) {
      Matcher m = pattern.matcher(source);
      while (m.find()) {
        String value = m.group(1);
        if (value.length() >= SecretCheck.MIN_LENGTH
            && !value.startsWith("{")
            && !value.contains("[")
            && !value.contains("$")) {
          found.add(value);
        }
      }
    }
    return found;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
