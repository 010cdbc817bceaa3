package io.krrkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files that hold secrets (private keys, PKCS#12 certificates) readable by the owner only
 * (mode 600).
 */
final class SecretFiles {
  private SecretFiles() {}

  /**
   * Writes {@code text} to {@code file} with mode 600 where the file system supports it.
   *
   * @param overwrite replace an existing file; otherwise an existing file is an error
   */
  static void write(Path file, String text, boolean overwrite) throws IOException {
    write(file, text.getBytes(StandardCharsets.UTF_8), overwrite);
  }

  /**
   * Writes {@code bytes} to {@code file} with mode 600 where the file system supports it.
   *
   * @param overwrite replace an existing file; otherwise an existing file is an error
   */
  static void write(Path file, byte[] bytes, boolean overwrite) throws IOException {
    if (Files.exists(file) && !overwrite) {
      throw new FileAlreadyExistsException(file + " exists (use --force to replace it)");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /**
   * Writes {@code text} to {@code file} (mode 600) so that a reader sees no file or the whole one,
   * never a part: into a temporary file beside it, then renamed over it in one step.
   */
  static void writeAtomically(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path temp =
        absolute.resolveSibling(
            "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    write(temp, text, true);
    try {
      Files.move(
          temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }
}
