package io.krrkit.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.krr.KrrJson;
import io.krrkit.krr.BulkSummary;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * How far a {@code krr lookup --in} run has come, kept beside the output as {@code OUT.checkpoint}.
 * Written only after the output and rejects are on disk up to the offsets it records, and replaced
 * atomically, so after a kill the output holds at least every row it counts: {@code --resume} cuts
 * both files back to these offsets and reads on after {@link #linesDone}.
 *
 * @param input the input file, as given
 * @param format the output format
 * @param linesDone the input line of the last row written
 * @param outputBytes the length of the output up to that row
 * @param rejectsBytes the length of the rejects file up to that row
 * @param summary the counts of every row up to that row
 * @param complete true once the whole input is done
 */
record Checkpoint(
    @JsonProperty("input") String input,
    @JsonProperty("format") RowFormat format,
    @JsonProperty("lines_done") long linesDone,
    @JsonProperty("output_bytes") long outputBytes,
    @JsonProperty("rejects_bytes") long rejectsBytes,
    @JsonProperty("summary") BulkSummary summary,
    @JsonProperty("complete") boolean complete) {
  private static final ObjectMapper JSON = KrrJson.newObjectMapper();

  Checkpoint {
    Objects.requireNonNull(input, "input == null");
    Objects.requireNonNull(format, "format == null");
    Objects.requireNonNull(summary, "summary == null");
  }

  /** Where the checkpoint of {@code output} lives. */
  static Path beside(Path output) {
    return output.resolveSibling(output.getFileName() + ".checkpoint");
  }

  static Checkpoint read(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), Checkpoint.class);
    } catch (IOException e) {
      throw new CliErrors.Failure(
          ExitCode.IO_ERROR,
          file
              + " is not a checkpoint krr can read; remove the output and its checkpoint and"
              + " start again.");
    }
  }

  /** Writes to a temporary file, forces it to disk, then moves it over the old checkpoint. */
  void write(Path file) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temporary, JSON.writeValueAsBytes(this));
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(
        temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The next checkpoint, after more rows. */
  Checkpoint advance(long line, long output, long rejects, BulkSummary total) {
    return new Checkpoint(input, format, line, output, rejects, total, false);
  }

  Checkpoint completed() {
    return new Checkpoint(input, format, linesDone, outputBytes, rejectsBytes, summary, true);
  }
}
