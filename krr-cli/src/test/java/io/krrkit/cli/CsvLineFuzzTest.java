package io.krrkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * One CSV line ({@link CsvLine}): split on the guessed delimiter, and a record written with {@link
 * CsvLine#record} (any delimiter, quotes, line breaks) splits back to its values. No input is
 * refused; any exception is a finding.
 */
class CsvLineFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void csvLine(byte[] input) {
    String line = new String(input, UTF_8);
    char delimiter = CsvLine.guessDelimiter(line);
    List<String> fields = CsvLine.split(line, delimiter);
    assertThat(fields).isNotEmpty();
    String value = fields.get(0);
    if (value.equals(value.strip())) {
      for (char d : new char[] {',', ';', '\t'}) {
        String record = CsvLine.record(d, List.of(value, "x"));
        assertThat(CsvLine.split(record, d)).containsExactly(value, "x");
      }
    }
  }
}
