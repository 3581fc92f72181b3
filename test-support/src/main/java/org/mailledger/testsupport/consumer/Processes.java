package org.mailledger.testsupport.consumer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion within a bound, so a hung consumer fails a test, never hangs it. */
final class Processes {

  private Processes() {}

  static ProcessResult run(List<String> command, Duration timeout) {
    Path stdout = null;
    Path stderr = null;
    try {
      // Files, not pipes: a command that writes more than a pipe holds cannot block on us.
      stdout = Files.createTempFile("mltest-out-", ".txt");
      stderr = Files.createTempFile("mltest-err-", ".txt");
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        throw new IllegalStateException(
            "Timed out after "
                + timeout
                + ": "
                + String.join(" ", command)
                + "\n--- stderr:\n"
                + Files.readString(stderr, StandardCharsets.UTF_8));
      }
      return new ProcessResult(
          process.exitValue(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    } finally {
      deleteQuietly(stdout);
      deleteQuietly(stderr);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A leftover temp file must not hide the command's own result.
      }
    }
  }
}
