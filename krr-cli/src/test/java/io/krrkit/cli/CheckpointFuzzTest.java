package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkpoint file of an interrupted bulk lookup ({@link Checkpoint#read}): a checkpoint with
 * its required fields, or {@link CliErrors.Failure} telling the user to start again.
 */
class CheckpointFuzzTest {
  private static final Path FILE = KeyFilesFuzzTest.temp();

  @FuzzTest(maxDuration = "5s")
  void checkpoint(byte[] input) throws IOException {
    Files.write(FILE, input);
    try {
      Checkpoint c = Checkpoint.read(FILE);
      assertThat(c.input()).isNotNull();
      assertThat(c.format()).isNotNull();
      assertThat(c.summary()).isNotNull();
    } catch (CliErrors.Failure refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
