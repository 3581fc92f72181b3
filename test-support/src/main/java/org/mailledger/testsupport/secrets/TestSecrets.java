package org.mailledger.testsupport.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mailledger.testsupport.TestRun;

/**
 * The one place test passwords come from: every plaintext a test hands to the app is drawn or
 * registered here, and written to the run's registry ({@code target/test-secrets/<run>/}), which
 * the secrets check after the whole suite ({@link SecretCheck}) reads to grep every test database
 * and the logs of the run for them. Test sources that still write a password literal are harvested
 * by the check as well ({@link SourceHarvest}).
 */
public final class TestSecrets {

  public static final String DIRECTORY_PROPERTY = "mailledger.test.secrets.dir";
  private static final String ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<String> written = ConcurrentHashMap.newKeySet();

  private TestSecrets() {}

  /**
   * A fresh password, {@code <label>-<20 random letters and digits>}: long enough for every account
   * type, plain ASCII, so that its traces (hex in a BYTEA dump, Base64 in a header) are found by
   * the check.
   */
  public static String password(String label) {
    StringBuilder password = new StringBuilder(label).append('-');
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return register(password.toString());
  }

  /** Registers a fixed plaintext that a test uses, and answers it. */
  public static String register(String plaintext) {
    if (plaintext.length() < SecretCheck.MIN_LENGTH) {
      throw new IllegalArgumentException(
          "a registered test password needs at least "
              + SecretCheck.MIN_LENGTH
              + " characters, or the check would find it everywhere");
    }
    if (written.add(plaintext)) {
      append(plaintext);
    }
    return plaintext;
  }

  /** The registry directory of this run. */
  public static Path runDirectory() {
    String base = System.getProperty(DIRECTORY_PROPERTY, "target/test-secrets");
    return Path.of(base, TestRun.id().orElse("no-run"));
  }

  private static synchronized void append(String plaintext) {
    Path file = runDirectory().resolve("secrets-" + ProcessHandle.current().pid() + ".txt");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          plaintext + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot register a test password in " + file, e);
    }
  }
}
