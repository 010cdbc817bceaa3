package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's 5-minute tour, run as a user pastes it: its shell block, taken from README.md as it
 * stands, runs in bash against {@code ./krr} (here the CLI on this test's classpath, so the test
 * runs the code under test rather than a stale jar). It fails when the README changes in a way the
 * CLI does not follow, and when the commands race the server they start in the background.
 */
class TourTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void theReadmeTourRunsWhenPasted(@TempDir Path dir) throws Exception {
    String tour = tourBlock(Files.readString(README));
    assertThat(tour).containsPattern("\\./krr serve .*& ").contains("--bootstrap bootstrap.json");
    writeKrrScript(dir.resolve("krr"));
    Path script = dir.resolve("tour.sh");
    Files.writeString(
        script,
        "set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n" + tour + "\nwait\n");
    int port = freePort();
    ProcessBuilder bash =
        new ProcessBuilder("bash", script.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("tour.log").toFile());
    Map<String, String> env = bash.environment();
    env.keySet().removeIf(name -> name.startsWith("KRR_"));
    env.put("KRR_LOCAL_PORT", Integer.toString(port)); // the tour's :7070 may be taken here
    env.put("KRR_LOCAL_URL", "http://localhost:" + port);
    env.put("KRR_LOCAL_SEED_PERSONS", "100");

    Process run = bash.start();
    boolean ended = run.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      run.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("tour.log"));

    assertThat(ended).as("the tour ended (kill %%1 stopped the emulator):\n%s", log).isTrue();
    assertThat(run.exitValue()).as(log).isZero();
    assertThat(log).contains("ready: http://localhost:" + port);
    assertThat(log).containsPattern("(?m)^[0-9a-f-]{36}$"); // echo "$CLIENT"
    assertThat(log).contains("eyJ"); // the access token
    assertThat(log).contains("20914695016");
    assertThat(log).doesNotContain("No such file", "Exception");
  }

  /** The first {@code ```sh} block after the tour's heading. */
  static String tourBlock(String readme) {
    int heading = readme.indexOf("## A 5-minute tour");
    assertThat(heading).as("README.md has the tour heading").isNotNegative();
    int start = readme.indexOf("```sh\n", heading);
    int end = readme.indexOf("```", start + 6);
    assertThat(start).as("the tour has a sh block").isPositive();
    return readme.substring(start + 6, end);
  }

  private static void writeKrrScript(Path file) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        file,
        "#!/bin/sh\nexec '"
            + java
            // The test classpath holds two logback-test.xml; Logback would print its status.
            + "' -XX:TieredStopAtLevel=1"
            + " -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener -cp '"
            + System.getProperty("java.class.path")
            + "' "
            + Krr.class.getName()
            + " \"$@\"\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
