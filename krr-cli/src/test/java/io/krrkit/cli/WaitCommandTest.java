package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.KrrLocal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code krr wait} and the wait for a bootstrap file, for scripts that start the server. */
class WaitCommandTest {
  private static KrrLocal krr;

  @BeforeAll
  static void start() {
    krr = KrrLocal.builder().port(0).ephemeral().seedPersons(0).build().start();
  }

  @AfterAll
  static void stop() {
    krr.close();
  }

  @Test
  void waitReturnsAtOnceForAReadyEmulator() {
    CliRun wait = CliRun.of("wait", "--url", krr.baseUrl(), "--timeout", "5s");

    assertThat(wait.exitCode()).as(wait.err()).isZero();
    assertThat(wait.out()).contains("ready: " + krr.baseUrl());
  }

  @Test
  void waitReadsTheEmulatorFromTheBootstrapFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bootstrap.json");
    Files.writeString(file, krr.bootstrap().toJson());

    CliRun wait = CliRun.of("wait", "--bootstrap", file.toString());

    assertThat(wait.exitCode()).as(wait.err()).isZero();
    assertThat(wait.out()).contains("ready: " + krr.baseUrl());
  }

  @Test
  void aMissingBootstrapFileEndsWithExitFourAfterTheTimeout(@TempDir Path dir) {
    Path file = dir.resolve("never.json");

    CliRun wait = CliRun.of("wait", "--bootstrap", file.toString(), "--timeout", "300ms");
    CliRun create =
        CliRun.of(
            "client",
            "create",
            "--bootstrap",
            file.toString(),
            "--wait",
            "0",
            "--type",
            "krr",
            "--name",
            "x");

    assertThat(wait.exitCode()).isEqualTo(ExitCode.UNREACHABLE.code);
    assertThat(wait.err()).contains("never.json does not exist after 300ms", "--bootstrap-out");
    assertThat(create.exitCode()).isEqualTo(ExitCode.UNREACHABLE.code);
    assertThat(create.err()).contains("never.json does not exist;");
  }

  @Test
  void anEmulatorThatIsNotThereEndsWithExitFour() {
    CliRun wait = CliRun.of("wait", "--url", "http://127.0.0.1:9", "--timeout", "300ms");

    assertThat(wait.exitCode()).isEqualTo(ExitCode.UNREACHABLE.code);
    assertThat(wait.err()).contains("/ready could not be reached", "not ready after 300ms");
  }

  @Test
  void aBadTimeoutIsAUsageError() {
    CliRun wait = CliRun.of("wait", "--url", krr.baseUrl(), "--timeout", "soon");

    assertThat(wait.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(wait.err()).contains("--timeout must be a duration");
  }
}
