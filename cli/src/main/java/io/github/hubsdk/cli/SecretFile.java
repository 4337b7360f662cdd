package io.github.hubsdk.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a new token's secret where only its owner can read it; it is never printed then. */
final class SecretFile {

  private SecretFile() {
  }

  static void write(Path file, String secret, boolean overwrite) throws IOException {
    if (Files.exists(file) && !overwrite) {
      throw new FileAlreadyExistsException(file.toString(), null, "exists (pass --overwrite to replace it)");
    }
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".hubsdk-secret", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        tmp.toFile().setReadable(false, false);
        tmp.toFile().setReadable(true, true);
      }
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
        w.write(secret);
        w.write('\n');
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
