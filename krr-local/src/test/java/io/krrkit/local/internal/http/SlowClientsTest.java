package io.krrkit.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that trickle a request body in (one byte every second, to hold a server thread each) are
 * cut off by the read time-outs, and the server goes on answering everyone else meanwhile. No
 * sleeps: the trickle is scheduled, and the end is a bounded wait for the connections to close.
 */
class SlowClientsTest {
  private static final int SLOW_CLIENTS = 300;

  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(0));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void slowBodiesNeitherStopTheServerNorStayOpen() throws Exception {
    URI base = URI.create(fx.krrLocal().baseUrl());
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        Socket s = new Socket(base.getHost(), base.getPort());
        s.setSoTimeout(100);
        send(
            s,
            "POST /maskinporten/token HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 4000\r\n\r\ng");
        slow.add(s);
      }
      // Each slow client sends one more byte every second, four times over, while the test keeps
      // asking for the metadata: every answer must come in time.
      ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
      ScheduledFuture<?> bytes =
          trickle.scheduleAtFixedRate(
              () -> slow.forEach(s -> trySend(s, "r")), 1, 1, TimeUnit.SECONDS);
      long worst = 0;
      long trickleEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
      try {
        while (System.nanoTime() < trickleEnds) {
          long before = System.nanoTime();
          Answer metadata = fx.get(fx.issuer() + ".well-known/oauth-authorization-server");
          worst = Math.max(worst, (System.nanoTime() - before) / 1_000_000);
          assertThat(metadata.status()).isEqualTo(200);
        }
      } finally {
        bytes.cancel(false);
        trickle.shutdownNow();
      }
      assertThat(worst).as("slowest metadata answer in ms").isLessThan(5_000);
      // Within the idle time-out (and a margin) every trickling connection is answered or closed.
      long deadline =
          System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HttpLimits.IDLE_TIMEOUT_MILLIS + 5_000);
      List<Socket> open = new ArrayList<>(slow);
      while (!open.isEmpty() && System.nanoTime() < deadline) {
        open.removeIf(SlowClientsTest::closedOrAnswered);
      }
      assertThat(open).as("slow connections still held").isEmpty();
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  private static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static void trySend(Socket s, String text) {
    try {
      send(s, text);
    } catch (IOException closedByServer) {
      // Cut off already: what the test wants.
    }
  }

  private static boolean closedOrAnswered(Socket s) {
    try {
      s.setSoTimeout(200);
      return s.getInputStream().read() != -2;
    } catch (SocketTimeoutException stillWaiting) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
