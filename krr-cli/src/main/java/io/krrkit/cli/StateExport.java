package io.krrkit.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The emulator's state files on disk: a directory of JSON files, one per kind, replaced in one
 * rename so a reader never sees half a state, and zipped for {@code POST /admin/state}.
 */
final class StateExport {
  private StateExport() {}

  /** Fills a new directory with {@code writer}, then puts it in place of {@code dir}. */
  static void replaceDirectory(Path dir, Consumer<Path> writer) {
    Path target = dir.toAbsolutePath();
    Path fresh =
        target.resolveSibling("." + target.getFileName() + ".new-" + ProcessHandle.current().pid());
    Path old =
        target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
    try {
      deleteTree(fresh);
      Files.createDirectories(fresh);
      writer.accept(fresh);
      if (Files.exists(target)) {
        Files.move(target, old);
      }
      move(fresh, target);
      deleteTree(old);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the state into " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The {@code *.json} files directly in {@code dir}, as a zip archive. */
  static byte[] zip(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
              .sorted()
              .toList();
    }
    if (files.isEmpty()) {
      throw new CliErrors.Failure(
          ExitCode.USAGE,
          dir + " holds no state files (*.json, as 'krr admin export --dir' writes them)");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Path file : files) {
        zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
