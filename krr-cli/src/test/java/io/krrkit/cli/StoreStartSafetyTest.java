package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code krr serve} on an H2 file store: killed at a random moment of its first start, the
 * next start completes the store (schema, bootstrap client, a fully seeded register); a store file
 * truncated to half is refused with exit code 5 and a message, never started as an empty store.
 * (After a kill -9 the file holds older versions too, and H2 may open a truncated one at an older
 * version: that is its crash recovery, which krr-local cannot tell from damage.)
 */
class StoreStartSafetyTest {
  private static final int KILLS = Integer.getInteger("krr.killTest.firstStartKills", 3);

  @TempDir Path temp;

  @Test
  void aStartKilledAnywhereIsCompletedByTheNextStart() throws Exception {
    Random random = new Random();
    for (int i = 0; i < KILLS; i++) {
      Path data = temp.resolve("data-" + i);
      List<String> args =
          List.of("--port", "0", "--data", data.toString(), "--admin", "--seed-persons", "3000");
      Process first = startRaw(args, temp.resolve("first-" + i + ".log"));
      // Killed at a random point of the first start, unless the start ended before it.
      first.waitFor(300 + random.nextInt(4000), TimeUnit.MILLISECONDS);
      first.destroyForcibly();
      first.waitFor();

      EmulatorProcess again = EmulatorProcess.start(temp.resolve("again-" + i + ".log"), args);
      try {
        // The population is computed from its record: the known persons and the registered part
        // of 3000 answer, and nothing was stored for them.
        String drawn =
            new SyntheticRegister(1, Shares.DEFAULT, Instant.now())
                .entries(3000)
                .reduce((a, b) -> b)
                .orElseThrow()
                .personidentifikator()
                .value();
        assertThat(status(again, "/admin/persons/" + KnownPersons.ACTIVE.value()))
            .as(again.logTail())
            .isEqualTo(200);
        assertThat(status(again, "/admin/persons/" + drawn)).as(again.logTail()).isEqualTo(200);
        assertThat(get(again, "/admin/persons").body()).as("nothing stored").isBlank();
      } finally {
        again.kill9();
      }
      try (var leftovers = Files.list(data)) {
        assertThat(leftovers.map(p -> p.getFileName().toString()))
            .noneMatch(n -> n.contains("staging"));
      }
    }
  }

  private static HttpResponse<String> get(EmulatorProcess node, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static int status(EmulatorProcess node, String path) throws Exception {
    return get(node, path).statusCode();
  }

  @Test
  void aTruncatedStoreFileIsRefusedWithExitCode5() throws Exception {
    Path data = temp.resolve("data");
    List<String> args = List.of("--port", "0", "--data", data.toString(), "--seed-persons", "2000");
    EmulatorProcess node = EmulatorProcess.start(temp.resolve("first.log"), args);
    node.stop(); // closed cleanly: the file is compact, and half of it is gone below
    Path store = data.resolve("krr-local.mv.db");
    try (RandomAccessFile file = new RandomAccessFile(store.toFile(), "rw")) {
      file.setLength(file.length() / 2);
    }
    long size = Files.size(store);

    Path log = temp.resolve("second.log");
    int exit = EmulatorProcess.runToExit(log, args);

    assertThat(exit).isEqualTo(5);
    assertThat(Files.readString(log)).contains("krr-local.mv.db", "is damaged", "backup");
    assertThat(Files.size(store)).as("the damaged file is left as it was").isEqualTo(size);
  }

  private static Process startRaw(List<String> args, Path log) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Krr.class.getName(),
                "serve"));
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
