package io.krrkit.local.internal.idporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.idporten.LoginFlow.Client;
import io.krrkit.local.internal.store.FreshStore;
import io.krrkit.local.internal.store.StoreEngine;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two emulator nodes on one store behind one public URL: a code issued by one is redeemed (once) on
 * the other, and both publish the same ID-porten key.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class SharedLoginTest {
  static LocalFixture nodeA;
  static LocalFixture nodeB;
  static String directB;

  @Parameter StoreEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) throws IOException {
    FreshStore store = engine.freshStore();
    int portA = freePort();
    nodeA = LocalFixture.start(node(store).port(portA));
    int portB = freePort();
    nodeB = LocalFixture.start(node(store).port(portB).publicUrl("http://localhost:" + portA));
    directB = "http://127.0.0.1:" + portB + "/idporten";
  }

  @AfterParameterizedClassInvocation
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

  private static KrrLocal.Builder node(FreshStore store) {
    return store.node(KrrLocal.builder().seedPersons(3));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
