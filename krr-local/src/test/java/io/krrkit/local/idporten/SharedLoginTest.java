package io.krrkit.local.idporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.idporten.LoginFlow.Client;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two emulator nodes on one store behind one public URL: a code issued by one is redeemed (once) on
 * the other, and both publish the same ID-porten key.
 */
class SharedLoginTest {
  static LocalFixture nodeA;
  static LocalFixture nodeB;
  static String directB;

  @BeforeAll
  static void start() throws IOException {
    String store = "jdbc:h2:mem:login-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL";
    int portA = freePort();
    nodeA = LocalFixture.start(node(store).port(portA));
    int portB = freePort();
    nodeB = LocalFixture.start(node(store).port(portB).publicUrl("http://localhost:" + portA));
    directB = "http://127.0.0.1:" + portB + "/idporten";
  }

  @AfterAll
  static void stop() {
    nodeB.close();
    nodeA.close();
  }

  @Test
  void aCodeFromOneNodeIsRedeemedOnceOnTheOther() {
    LoginFlow onA = new LoginFlow(nodeA);
    LoginFlow onB = new LoginFlow(nodeB, directB);
    Client app = onA.registerNative("http://127.0.0.1/callback");
    String pid = onA.listedPersons(app).get(0);
    String verifier = LoginFlow.verifier();

    String code = onA.code(app, pid, verifier);
    Answer redeemed = onB.redeem(app, code, verifier);
    Answer again = onA.redeem(app, code, verifier);

    assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(400);
    assertThat(nodeB.get(directB + "/jwk").body())
        .isEqualTo(nodeA.get(nodeA.krrLocal().idportenIssuer() + "/jwk").body());
  }

  private static KrrLocal.Builder node(String store) {
    return KrrLocal.builder().jdbc(store, "sa", "").seedPersons(3);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
