package io.krrkit.local.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.TestClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Emulator nodes on one store: A and B behind one public URL (as behind a load balancer) share the
 * signing key and the replay cache; C, reached by another URL, is another issuer.
 */
class SharedStoreTest {
  private static final Scope READ = Scope.KRR_KONTAKTINFORMASJON_READ;
  private static final String FORM_GRANT_TYPE =
      "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=";

  private static LocalFixture nodeA;
  private static LocalFixture nodeB;
  private static LocalFixture nodeC;
  private static String directB;

  @BeforeAll
  static void start() throws IOException {
    String store = "jdbc:h2:mem:shared-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL";
    int portA = freePort();
    int portB = freePort();
    int portC = freePort();
    nodeA = LocalFixture.start(node(store).port(portA));
    nodeB = LocalFixture.start(node(store).port(portB).publicUrl("http://localhost:" + portA));
    nodeC = LocalFixture.start(node(store).port(portC).publicUrl("http://127.0.0.1:" + portC));
    directB = "http://127.0.0.1:" + portB + "/maskinporten/";
  }

  @AfterAll
  static void stop() {
    nodeC.close();
    nodeB.close();
    nodeA.close();
  }

  @Test
  void nodesPublishTheSameSigningKey() {
    String jwksA = nodeA.get(nodeA.issuer() + "jwk").body();

    assertThat(jwksA).contains("\"kid\"");
    assertThat(nodeB.get(directB + "jwk").body()).isEqualTo(jwksA);
    assertThat(nodeC.get(nodeC.issuer() + "jwk").body()).isEqualTo(jwksA);
  }

  @Test
  void aGrantUsedOnOneNodeIsSpentOnTheOther() {
    TestClient client = nodeA.registerClient(READ);
    String grant = nodeA.grant(client);

    LocalFixture.Answer first = nodeA.token(grant);
    LocalFixture.Answer second =
        nodeA.postForm(directB + "token", FORM_GRANT_TYPE + LocalFixture.encode(grant));

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.json().get("error_uri").asText()).endsWith("/MP-012");
  }

  @Test
  void aTokenFromOneNodeVerifiesOnTheOther() {
    String token = nodeA.accessToken(READ);

    assertThat(nodeB.krrLocal().tokenVerifier().verify("Bearer " + token).scopes())
        .containsExactly(READ);
  }

  @Test
  void rejectsATokenOfAnotherIssuerSignedWithTheSameKey() {
    String tokenOfC = nodeC.accessToken(READ);

    assertThat(nodeC.krrLocal().tokenVerifier().verify("Bearer " + tokenOfC).scopes())
        .containsExactly(READ);
    assertThatThrownBy(() -> nodeA.krrLocal().tokenVerifier().verify("Bearer " + tokenOfC))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("not issued by " + nodeA.issuer());
  }

  private static KrrLocal.Builder node(String store) {
    return KrrLocal.builder().seedPersons(0).jdbc(store, "sa", "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
