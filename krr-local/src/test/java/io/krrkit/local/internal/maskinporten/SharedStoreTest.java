package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.store.FreshStore;
import io.krrkit.local.internal.store.StoreEngine;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Emulator nodes on one store, on each engine (several nodes on one PostgreSQL is what PostgreSQL
 * support is for): A and B behind one public URL (as behind a load balancer) share clients, keys,
 * the signing key, the replay cache and the register; C, reached by another URL, is another issuer.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class SharedStoreTest {
  private static final Scope READ = Scope.KRR_KONTAKTINFORMASJON_READ;
  private static final String FORM_GRANT_TYPE =
      "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=";

  private static LocalFixture nodeA;
  private static LocalFixture nodeB;
  private static LocalFixture nodeC;
  private static String directB;
  private static String directKrrB;

  @Parameter StoreEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) throws IOException {
    FreshStore store = engine.freshStore();
    int portA = freePort();
    int portB = freePort();
    int portC = freePort();
    nodeA = LocalFixture.start(node(store).port(portA));
    nodeB = LocalFixture.start(node(store).port(portB).publicUrl("http://localhost:" + portA));
    nodeC = LocalFixture.start(node(store).port(portC).publicUrl("http://127.0.0.1:" + portC));
    directB = "http://127.0.0.1:" + portB + "/maskinporten/";
    directKrrB = "http://127.0.0.1:" + portB + "/kontaktregisteret/rest/v1/personer";
  }

  @AfterParameterizedClassInvocation
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
  void aClientRegisteredOnOneNodeGetsATokenFromTheOther() {
    TestClient client = nodeA.registerClient(READ);

    LocalFixture.Answer answer =
        nodeA.postForm(
            directB + "token", FORM_GRANT_TYPE + LocalFixture.encode(nodeA.grant(client)));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("scope").asText()).isEqualTo(READ.value());
  }

  @Test
  void aTokenFromOneNodeLooksUpPersonsThatTheOtherNodeWasGiven() {
    Personidentifikator id = Personidentifikator.of("01817090148");
    OffsetDateTime now = OffsetDateTime.now(nodeA.krrLocal().clock());
    Internals.of(nodeA.krrLocal())
        .register()
        .put(RegisterEntry.aktiv(id).mobil("+4799999999", now.minusDays(9), now).build());
    String token =
        nodeA.accessToken(nodeA.client().type(IntegrationType.KRR).scopes(READ).register());

    LocalFixture.Answer answer =
        nodeB.send(
            HttpRequest.newBuilder(URI.create(directKrrB))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"personidentifikatorer\": [\"" + id.value() + "\"]}")));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().at("/personer/0/kontaktinformasjon/mobiltelefonnummer").asText())
        .isEqualTo("+4799999999");
    assertThat(Internals.of(nodeB.krrLocal()).register().find(id)).isPresent();
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

    assertThat(Internals.of(nodeB.krrLocal()).tokenVerifier().verify("Bearer " + token).scopes())
        .containsExactly(READ);
  }

  @Test
  void rejectsATokenOfAnotherIssuerSignedWithTheSameKey() {
    String tokenOfC = nodeC.accessToken(READ);

    assertThat(Internals.of(nodeC.krrLocal()).tokenVerifier().verify("Bearer " + tokenOfC).scopes())
        .containsExactly(READ);
    assertThatThrownBy(
            () -> Internals.of(nodeA.krrLocal()).tokenVerifier().verify("Bearer " + tokenOfC))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("not issued by " + nodeA.issuer());
  }

  private static KrrLocal.Builder node(FreshStore store) {
    return store.node(KrrLocal.builder().seedPersons(0));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
