package io.krrkit.local.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krrkit.core.Personidentifikator;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.RequiredTool;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: the H2 store on a small tmpfs, filled up while the emulator takes writes. The
 * write that could not be made is not acknowledged, the writes after it are refused (not 2xx) while
 * the disk stays full, writes are accepted again once there is room, and every acknowledged write
 * is there after a restart. Needs the right to mount a tmpfs (root): skipped with the reason
 * otherwise, failed in CI ({@link RequiredTool}).
 */
class FullDiskTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private int number;

  @TempDir Path temp;

  @Test
  void aFullDiskFailsClosedAndRecovers() throws Exception {
    Path disk = Files.createDirectories(temp.resolve("disk"));
    RequiredTool.require(
        run("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", disk.toString()) == 0,
        "cannot mount a tmpfs here (needs root); the full-disk test is skipped");
    try {
      Path data = disk.resolve("data");
      List<String> acknowledged = new ArrayList<>();
      KrrLocal krr = start(data);
      try {
        Path filler = disk.resolve("filler");
        fill(filler);
        int firstFailure = -1;
        for (int i = 0; i < 2000 && firstFailure < 0; i++) {
          String id = nextPerson();
          if (put(krr, id) / 100 == 2) {
            acknowledged.add(id);
          } else {
            firstFailure = i;
          }
        }
        assertThat(firstFailure).as("a write failed on the full disk").isNotNegative();
        for (int i = 0; i < 50; i++) {
          assertThat(put(krr, nextPerson()) / 100).as("a write after the failure").isNotEqualTo(2);
        }

        Files.delete(filler);
        // The gate probes at most once a second of real time, so the first writes after the
        // delete may still be refused: retry until one is acknowledged, within a bound.
        await("writes accepted again once there is room")
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(100))
            .pollInSameThread()
            .until(
                () -> {
                  String id = nextPerson();
                  boolean written = put(krr, id) / 100 == 2;
                  if (written) {
                    acknowledged.add(id);
                  }
                  return written;
                });
      } finally {
        krr.close();
      }

      KrrLocal again = start(data);
      try {
        for (String id : acknowledged) {
          assertThat(get(again, id)).as("acknowledged person " + id.substring(0, 4)).isEqualTo(200);
        }
      } finally {
        again.close();
      }
    } finally {
      run("umount", "-l", disk.toString());
    }
  }

  private static KrrLocal start(Path data) {
    return KrrLocal.builder().port(0).dataDir(data).adminApi(true).seedPersons(50).build().start();
  }

  private static void fill(Path filler) {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException e) {
      // full
    }
  }

  private static int put(KrrLocal krr, String id) throws Exception {
    String body =
        "{\"kontaktinformasjon\":{\"epostadresse\":\"x"
            + id.substring(6)
            + "@example.com\",\"epostadresse_oppdatert\":\"2024-06-01T12:00:00+02:00\"}}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(krr.baseUrl() + "/admin/persons/" + id))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static int get(KrrLocal krr, String id) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(krr.baseUrl() + "/admin/persons/" + id)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private String nextPerson() {
    while (true) {
      int n = ++number;
      String firstNine =
          String.format("%02d%02d%02d%03d", 1 + n % 28, 81 + (n / 28) % 12, 91, (n / 336) % 1000);
      var id = Personidentifikator.withControlDigits(firstNine);
      if (id.isPresent()) {
        return id.get();
      }
    }
  }

  private static int run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
