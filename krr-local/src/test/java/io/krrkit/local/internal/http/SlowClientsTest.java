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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that trickle a request body in (one byte every second, to hold a server thread each) are
 * cut off by the read time-outs, and the server goes on answering everyone else meanwhile.
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
      long worst = 0;
      for (int round = 0; round < 4; round++) {
        Thread.sleep(1_000);
        for (Socket s : slow) {
          trySend(s, "r");
        }
        long before = System.nanoTime();
        Answer metadata = fx.get(fx.issuer() + ".well-known/oauth-authorization-server");
        worst = Math.max(worst, (System.nanoTime() - before) / 1_000_000);
        assertThat(metadata.status()).isEqualTo(200);
      }
      assertThat(worst).as("slowest metadata answer in ms").isLessThan(5_000);
      // Within the idle time-out every trickling connection has been answered or closed.
      Thread.sleep(HttpLimits.IDLE_TIMEOUT_MILLIS + 2_000);
      int stillOpen = 0;
      for (Socket s : slow) {
        if (!closedOrAnswered(s)) {
          stillOpen++;
        }
      }
      assertThat(stillOpen).as("slow connections still held").isZero();
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
