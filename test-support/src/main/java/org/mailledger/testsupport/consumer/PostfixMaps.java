package org.mailledger.testsupport.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Asks the real Postfix lookup code, through {@code postmap -q}, what a map answers for a key.
 *
 * <p>postmap runs with {@code -c} on a private directory holding a minimal main.cf, so neither the
 * machine's Postfix configuration nor a missing one changes the answer. No Postfix needs to run.
 */
public final class PostfixMaps implements AutoCloseable {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private final Path configDir;
  private final Duration timeout;

  private PostfixMaps(Path configDir, Duration timeout) {
    this.configDir = configDir;
    this.timeout = timeout;
  }

  /** A private Postfix configuration directory, deleted on {@link #close()}. */
  public static PostfixMaps create() {
    return create(DEFAULT_TIMEOUT);
  }

  public static PostfixMaps create(Duration timeout) {
    try {
      Path dir = Files.createTempDirectory("mltest-postfix-");
      // compatibility_level keeps postmap from warning about backwards-compatible defaults.
      Path mainCf = dir.resolve("main.cf");
      Files.writeString(mainCf, "compatibility_level = 3.6\n");
      // Postfix waits (up to about 2 s, on every run) while main.cf looks freshly written, in case
      // an editor is still saving it; a time stamp in the past spares every lookup that wait.
      Files.setLastModifiedTime(mainCf, FileTime.from(Instant.now().minusSeconds(60)));
      return new PostfixMaps(dir, timeout);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a Postfix config directory", e);
    }
  }

  /**
   * The value of {@code key} in {@code map}, or empty when the map has no such key.
   *
   * @param map a Postfix table such as {@code pgsql:/path/domains.cf} or {@code mysql:/path/x.cf}
   * @throws IllegalStateException with postmap's stderr when the lookup itself failed (unreachable
   *     database, bad query, unknown table type...)
   */
  public Optional<String> query(String key, String map) {
    return lookup(key, map).value();
  }

  /** As {@link #query}, with the warnings postmap printed. */
  public PostfixLookup lookup(String key, String map) {
    ProcessResult r =
        Processes.run(List.of("postmap", "-c", configDir.toString(), "-q", key, map), timeout);
    // postmap exits 1 both for "not found" and for fatal errors; only the latter say "fatal:".
    boolean failed = r.stderr().contains("fatal:") || r.stderr().contains("error:");
    if (r.exitCode() == 0 && !failed) {
      return new PostfixLookup(Optional.of(r.stdout().strip()), r.stderr().strip());
    }
    if (r.exitCode() == 1 && !failed) {
      return new PostfixLookup(Optional.empty(), r.stderr().strip());
    }
    throw new IllegalStateException("postmap -q " + key + " " + map + " failed: " + r.describe());
  }

  public Path configDir() {
    return configDir;
  }

  @Override
  public void close() {
    TempDirs.deleteRecursively(configDir);
  }
}
