package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An input file of {@code krr lookup --file} ({@link IdFile}, {@link IdLayout}, {@link CsvLine}):
 * the first line of an input is the {@code --column} option (empty for none), the rest the file.
 * Every data line becomes an input (KRR's checks reject it later), or the options are refused with
 * {@link CliErrors.Failure}; nothing else.
 */
class IdFileFuzzTest {
  private static final Path FILE = temp();

  @FuzzTest(maxDuration = "5s")
  void idFile(byte[] input) throws IOException {
    int newline = indexOf(input);
    String column =
        newline < 0 ? "" : new String(input, 0, newline, java.nio.charset.StandardCharsets.UTF_8);
    Files.write(
        FILE, newline < 0 ? input : java.util.Arrays.copyOfRange(input, newline + 1, input.length));
    try {
      IdLayout layout =
          IdLayout.choose(IdFile.firstLine(FILE), column.isEmpty() ? null : column, null, null);
      try (IdFile lines = IdFile.open(FILE, layout, 0)) {
        long previous = 0;
        while (lines.hasNext()) {
          io.krrkit.krr.BulkInput line = lines.next();
          assertThat(line.line()).isGreaterThan(previous);
          previous = line.line();
        }
      }
    } catch (CliErrors.Failure refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  private static int indexOf(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static Path temp() {
    try {
      Path file = Files.createTempFile("idfile-fuzz", ".csv");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
