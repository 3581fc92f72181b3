package org.mailledger.testsupport.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout the tests run in, found from the working directory (Surefire runs a module's tests
 * in the module's folder): architecture tests read sibling modules' sources, poms and migrations.
 */
public final class Repository {

  /** Every module names the parent too, in its parent section; only the parent lists modules. */
  private static final String PARENT = "<artifactId>mailledger-parent</artifactId>";

  private static final String MODULES = "<modules>";

  private Repository() {}

  /** The folder whose pom.xml is the parent pom. */
  public static Path root() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom)) {
        String text = read(pom);
        if (text.contains(PARENT) && text.contains(MODULES)) {
          return dir;
        }
      }
    }
    throw new IllegalStateException("no parent pom.xml (mailledger-parent) above " + start);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
