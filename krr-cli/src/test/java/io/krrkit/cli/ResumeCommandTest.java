package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The resume command {@code krr lookup --in} prints after Ctrl-C or a failed batch. */
class ResumeCommandTest {
  @Test
  void addsResumeQuotesForTheShellAndDropsTheTestHook() {
    String command =
        ResumeCommand.of(
            List.of(
                "lookup", "--in", "my ids.csv", "--out", "o'ut.csv", "--stop-after-batches", "1"));

    assertThat(command).isEqualTo("krr lookup --in 'my ids.csv' --out 'o'\\''ut.csv' --resume");
  }

  @Test
  void keepsAResumeGivenAndLeavesAPasswordOut() {
    String command =
        ResumeCommand.of(
            List.of("lookup", "--resume", "--keystore-password", "hemmelig", "--keystore=a.p12"));

    assertThat(command)
        .startsWith("krr lookup --resume --keystore=a.p12   #")
        .contains("KRR_CERT_PASSWORD")
        .doesNotContain("hemmelig");
  }
}
