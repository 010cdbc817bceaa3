package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @Test
  void walksTheWholeFlowAndExitsZero() {
    CliRun run = CliRun.of("demo", "--seed-persons", "100");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("integration id (client_id, the grant's iss): ")
        .contains("krr:global/kontaktinformasjon.read krr:global/digitalpost.read")
        .contains("consumer 0192:310000027")
        .contains(KnownPersons.ACTIVE.value() + "  AKTIV")
        .contains(KnownPersons.RESERVED.value() + "  reserved against digital communication")
        .contains(KnownPersons.STALE.value() + "  contact data older than 18 months")
        .contains(KnownPersons.SLETTET.value() + "  deleted from the register")
        .contains(KnownPersons.NOT_REGISTERED.value() + "  not in the register")
        .contains("MP-200")
        .contains("Exit code 0");
  }

  @Test
  void neverPrintsTheAccessTokenWhole() {
    CliRun run = CliRun.of("demo", "--seed-persons", "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("token eyJ.{0,4}…\\(\\d+ chars\\)");
    assertThat(run.out()).doesNotContainPattern("eyJ[A-Za-z0-9_-]{20,}\\.");
  }

  @Test
  void walksTheFlowAgainstARunningEmulatorFromItsBootstrapFile(@TempDir Path dir) throws Exception {
    try (CliEmulator emulator = CliEmulator.start(dir)) {
      CliRun run =
          CliRun.of(
              "demo", "--bootstrap", emulator.bootstrap.toString(), "--url", emulator.baseUrl());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .contains("against the krr-local at " + emulator.baseUrl())
          .contains("Check that krr-local is ready")
          .contains(KnownPersons.ACTIVE.value() + "  AKTIV")
          .contains("MP-200")
          .contains("Exit code 0");
      // The client was registered in that emulator, not in an embedded one.
      Matcher clientId =
          Pattern.compile("integration id \\(client_id, the grant's iss\\): (\\S+)")
              .matcher(run.out());
      assertThat(clientId.find()).as(run.out()).isTrue();
      assertThat(emulator.krr.controls().hasClient(clientId.group(1))).isTrue();
    }
  }

  @Test
  void takesTheBaseUrlFromTheBootstrapIssuerWhenNoUrlIsGiven(@TempDir Path dir) throws Exception {
    try (CliEmulator emulator = CliEmulator.start(dir)) {
      CliRun run = CliRun.of("demo", "--bootstrap", emulator.bootstrap.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("against the krr-local at " + emulator.baseUrl() + ".");
    }
  }

  @Test
  void refusesAUrlWithoutABootstrapFileAndSeedPersonsWithOne(@TempDir Path dir) throws Exception {
    CliRun urlAlone = CliRun.of("demo", "--url", "http://localhost:1");
    assertThat(urlAlone.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(urlAlone.err()).contains("--url needs --bootstrap");

    try (CliEmulator emulator = CliEmulator.start(dir)) {
      CliRun seeded =
          CliRun.of("demo", "--bootstrap", emulator.bootstrap.toString(), "--seed-persons", "10");
      assertThat(seeded.exitCode()).isEqualTo(ExitCode.USAGE.code);
      assertThat(seeded.err()).contains("--seed-persons is for the embedded emulator");
    }
  }

  @Test
  void waitsForTheBootstrapFileOfAnEmulatorThatIsStillStarting(@TempDir Path dir) throws Exception {
    try (CliEmulator emulator = CliEmulator.start(dir)) {
      Path late = dir.resolve("late").resolve("bootstrap.json");
      Files.createDirectories(late.getParent());
      ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
      ScheduledFuture<Path> written =
          writer.schedule(() -> writeAtomically(emulator.bootstrap, late), 3, TimeUnit.SECONDS);
      CliRun run;
      try {
        run =
            CliRun.of(
                "demo",
                "--bootstrap",
                late.toString(),
                "--url",
                emulator.baseUrl(),
                "--wait",
                "30s");
        written.get(30, TimeUnit.SECONDS);
      } finally {
        writer.shutdownNow();
      }

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).contains("waiting up to 30s for " + late);
      assertThat(run.out()).contains(KnownPersons.ACTIVE.value() + "  AKTIV");
    }
  }

  @Test
  void aBootstrapFileThatNeverAppearsEndsWithExitFour(@TempDir Path dir) {
    CliRun run =
        CliRun.of("demo", "--bootstrap", dir.resolve("none.json").toString(), "--wait", "300ms");

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE.code);
    assertThat(run.err()).contains("none.json does not exist after");
  }

  /** Copies {@code from} to {@code to} as the emulator writes it: whole, by a move. */
  private static Path writeAtomically(Path from, Path to) throws java.io.IOException {
    Path part = Files.copy(from, to.resolveSibling(to.getFileName() + ".part"));
    return Files.move(part, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
