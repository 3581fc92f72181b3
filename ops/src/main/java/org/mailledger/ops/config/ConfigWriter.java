package org.mailledger.ops.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/** Writes generated files below a directory, secrets readable by their owner only. */
public final class ConfigWriter {

  private static final Set<PosixFilePermission> SECRET =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> PUBLIC =
      PosixFilePermissions.fromString("rw-r--r--");

  private ConfigWriter() {}

  public static void write(Path outDir, List<GeneratedFile> files) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    for (GeneratedFile file : files) {
      Path target = outDir.resolve(file.path());
      Files.createDirectories(target.getParent());
      // The temporary file gets its mode before it holds a password, and the rename replaces an
      // older file whole, so no reader ever sees a secret with wide permissions or half a file.
      Path tmp =
          posix
              ? Files.createTempFile(
                  target.getParent(),
                  ".ops-",
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(file.secret() ? SECRET : PUBLIC))
              : Files.createTempFile(target.getParent(), ".ops-", ".tmp");
      try {
        Files.writeString(tmp, file.content(), StandardCharsets.UTF_8);
        if (posix) {
          // createTempFile's mode is filtered by the umask; set it again to get it exactly.
          Files.setPosixFilePermissions(tmp, file.secret() ? SECRET : PUBLIC);
        }
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
