package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.Race;
import io.krrkit.local.internal.store.FreshStore;
import io.krrkit.local.internal.store.StoreEngine;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One grant sent by 32 threads at once, half to each of two nodes on one store, on each engine:
 * exactly one gets a token, the other 31 are told the grant was used before (never a 5xx).
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class GrantRaceTest {
  private static final int RACERS = 32;

  private static LocalFixture nodeA;
  private static LocalFixture nodeB;
  private static String tokenB;

  @Parameter StoreEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) throws IOException {
    FreshStore store = engine.freshStore();
    int portA = freePort();
    int portB = freePort();
    nodeA = LocalFixture.start(node(store).port(portA));
    // B answers for A's public URL, as behind a load balancer: one issuer, one audience.
    nodeB = LocalFixture.start(node(store).port(portB).publicUrl("http://localhost:" + portA));
    tokenB = "http://127.0.0.1:" + portB + "/maskinporten/token";
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    nodeB.close();
    nodeA.close();
  }

  @Test
  void oneGrantRacedByThirtyTwoThreadsGetsExactlyOneToken() {
    TestClient client = nodeA.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    List<String> violations = new ArrayList<>();
    int trials = Race.trials();
    for (int trial = 0; trial < trials; trial++) {
      String body = "grant_type=" + JWT_BEARER + "&assertion=" + nodeA.grant(client);
      List<Answer> answers =
          Race.run(
              RACERS,
              i ->
                  i % 2 == 0
                      ? nodeA.postForm(nodeA.issuer() + "token", body)
                      : nodeB.postForm(tokenB, body));

      long tokens = answers.stream().filter(a -> a.status() == 200).count();
      long usedBefore = answers.stream().filter(GrantRaceTest::usedBefore).count();
      if (tokens != 1 || usedBefore != RACERS - 1) {
        violations.add(
            "trial "
                + trial
                + ": "
                + tokens
                + " tokens, "
                + usedBefore
                + " refused as used before");
      }
    }

    assertThat(violations).as("%d of %d trials on %s", violations.size(), trials, engine).isEmpty();
  }

  private static boolean usedBefore(Answer answer) {
    return answer.status() == 400
        && answer.json() != null
        && "invalid_grant".equals(answer.json().path("error").asText())
        && answer.body().contains("MP-012");
  }

  private static final String JWT_BEARER = "urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer";

  private static KrrLocal.Builder node(FreshStore store) {
    return store.node(KrrLocal.builder().seedPersons(0));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
