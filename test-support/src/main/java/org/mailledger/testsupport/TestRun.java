package org.mailledger.testsupport;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One run of the test suite: every test JVM of one {@code bin/test} or {@code ./mvnw verify} sees
 * the same id (system property {@code mailledger.test.run}, which the parent pom passes to surefire
 * from the build's start time, or {@code bin/test} from its own). Test databases carry it at the
 * end of their name ({@code mltest_<pid>_<random>_r<run>}), so the checks after the whole suite can
 * find the databases of exactly this run, and {@link Leftovers} keeps them until the next run.
 */
public final class TestRun {

  public static final String PROPERTY = "mailledger.test.run";
  private static final Pattern ID = Pattern.compile("[0-9a-z]{1,20}");

  private TestRun() {}

  /** This run's id, when one was given and is usable in a database name. */
  public static Optional<String> id() {
    String id = System.getProperty(PROPERTY, "").trim().toLowerCase(java.util.Locale.ROOT);
    return ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
  }

  /** The suffix of this run's database names: {@code _r<run>}, or nothing without a run id. */
  static String nameSuffix() {
    return id().map(id -> "_r" + id).orElse("");
  }

  /** Whether a test database was created by a JVM of this run. */
  static boolean ownsDatabase(String name) {
    return id().map(id -> name.endsWith("_r" + id)).orElse(false);
  }
}
