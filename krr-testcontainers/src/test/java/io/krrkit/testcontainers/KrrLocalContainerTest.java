package io.krrkit.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Status;
import io.krrkit.krr.LookupResult;
import io.krrkit.local.RequiredTool;
import io.krrkit.maskinporten.AccessToken;
import io.krrkit.maskinporten.MaskinportenErrorException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The image {@code image/build} makes, run by Testcontainers through a Docker-compatible API (CI:
 * podman's, {@code podman system service}; see docs/testing.md), driven from the host with the
 * library clients. Skipped with the reason where there is no container runtime or no image, failed
 * instead under {@code KRR_REQUIRE_ALL_TESTS}.
 */
class KrrLocalContainerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACTIVE_PERSON = "20914695016";
  private static KrrLocalContainer krr;

  @BeforeEach
  void container() {
    if (krr != null) {
      return;
    }
    boolean runtime = DockerClientFactory.instance().isDockerAvailable();
    RequiredTool.require(
        runtime,
        "no Docker-compatible container runtime: start one (podman system service) and set"
            + " DOCKER_HOST, see docs/testing.md");
    RequiredTool.require(
        imageExists(KrrLocalContainer.DEFAULT_IMAGE.asCanonicalNameString()),
        "no image " + KrrLocalContainer.DEFAULT_IMAGE + ": build it with image/build");
    KrrLocalContainer started = new KrrLocalContainer();
    long t0 = System.nanoTime();
    started.start();
    System.out.printf(
        "KrrLocalContainerTest: %s started and ready (/ready 200) in %d ms%n",
        KrrLocalContainer.DEFAULT_IMAGE, (System.nanoTime() - t0) / 1_000_000);
    krr = started;
  }

  @AfterAll
  static void stop() {
    if (krr != null) {
      krr.stop();
      krr = null;
    }
  }

  // snippet:lookup
  @Test
  void theReadyKrrClientLooksUpAPersonInTheContainer() {
    LookupResult result = krr.krrClient().lookup(List.of(ACTIVE_PERSON));

    assertThat(result.person(ACTIVE_PERSON))
        .hasValueSatisfying(person -> assertThat(person.status()).isEqualTo(Status.AKTIV));
  }

  // /snippet:lookup

  @Test
  void theBootstrapFileIsReadOutOfTheContainerAndNamesTheHostsIssuer() throws Exception {
    JsonNode bootstrap = JSON.readTree(krr.bootstrapJson());
    assertThat(bootstrap.path("issuer").asText()).isEqualTo(krr.maskinportenIssuer());
    assertThat(bootstrap.path("client_id").asText()).isEqualTo(krr.bootstrapClientId());

    JsonNode metadata =
        JSON.readTree(
            get(krr.maskinportenIssuer() + ".well-known/oauth-authorization-server").body());
    assertThat(metadata.path("issuer").asText()).isEqualTo(krr.maskinportenIssuer());
    assertThat(metadata.path("token_endpoint").asText()).startsWith(krr.baseUrl());
    assertThat(krr.krrUrl()).isEqualTo(krr.baseUrl() + "/kontaktregisteret");
  }

  @Test
  void anAdvancedClockMovesTheEmulatorAndTheReadyClientsTogether() throws Exception {
    ContainerTestClient client = krr.registerKrrClient();
    krr.advance(Duration.ofDays(3));
    try {
      AccessToken token =
          krr.maskinportenClient(client).getToken(Scope.KRR_KONTAKTINFORMASJON_READ);

      Instant issuedAt =
          SignedJWT.parse(token.value()).getJWTClaimsSet().getIssueTime().toInstant();
      assertThat(issuedAt).isAfter(Instant.now().plus(Duration.ofDays(3)).minusSeconds(120));
      assertThat(
              JSON.readTree(get(krr.baseUrl() + "/admin/clock", true).body())
                  .path("offset")
                  .asText())
          .isEqualTo("PT72H");
    } finally {
      krr.advance(Duration.ofDays(-3));
    }
  }

  @Test
  void aResetForgetsTheRegisteredClientsButKeepsTheBootstrapClient() {
    ContainerTestClient client = krr.registerKrrClient();
    krr.maskinportenClient(client).getToken(Scope.KRR_KONTAKTINFORMASJON_READ);

    krr.reset();

    assertThatThrownBy(
            () -> krr.maskinportenClient(client).getToken(Scope.KRR_KONTAKTINFORMASJON_READ))
        .isInstanceOf(MaskinportenErrorException.class);
    assertThat(krr.krrClient().lookup(List.of(ACTIVE_PERSON)).persons()).hasSize(1);
  }

  @Test
  void theOperatorApiRefusesCallsWithoutTheToken() throws Exception {
    assertThat(get(krr.baseUrl() + "/admin/clock").statusCode()).isEqualTo(401);
  }

  private static boolean imageExists(String name) {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(name).exec();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return get(url, false);
  }

  private static HttpResponse<String> get(String url, boolean operator) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (operator) {
      request.header("Authorization", "Bearer " + krr.operatorToken());
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
