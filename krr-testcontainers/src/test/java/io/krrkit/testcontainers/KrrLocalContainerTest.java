package io.krrkit.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Status;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.LookupResult;
import io.krrkit.local.RequiredTool;
import io.krrkit.maskinporten.AccessToken;
import io.krrkit.maskinporten.MaskinportenErrorException;
import io.krrkit.testsupport.FaultEndpoint;
import io.krrkit.testsupport.Faults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

  @AfterEach
  void noRuleOutlivesItsTest() {
    if (krr != null) {
      krr.faults().clear();
    }
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

  // snippet:faults
  @Test
  void aScriptedOutageIsRetriedThroughAndTheJournalCountsEveryAttempt() {
    ContainerTestClient client = krr.registerKrrClient();
    KrrClient krrClient = krr.krrClientBuilder(client).build();
    krr.verify().clear();
    String id =
        krr.faults()
            .on(FaultEndpoint.KRR_LOOKUP)
            .sequence(503, 503)
            .retryAfter(Duration.ZERO)
            .add();

    assertThat(krrClient.lookup(List.of(ACTIVE_PERSON)).persons()).hasSize(1);

    // A faulted request never reached the service, which names the client: it is counted by status.
    krr.verify().lookups().status(503).times(2);
    krr.verify().lookups().client(client.clientId()).status(200).times(1);
    assertThat(krr.faults().applied(id)).isEqualTo(2);
  }

  // /snippet:faults

  // snippet:verify
  @Test
  void theReadyClientAsksForOneTokenForTwoLookups() {
    ContainerTestClient client = krr.registerKrrClient();
    KrrClient krrClient = krr.krrClientBuilder(client).build();

    krrClient.lookup(List.of(ACTIVE_PERSON));
    krrClient.lookup(List.of(ACTIVE_PERSON));

    krr.verify().tokenRequests().client(client.clientId()).times(1); // the token was cached
    krr.verify().lookups().client(client.clientId()).status(200).times(2);
  }

  // /snippet:verify

  @Test
  void aFailedVerificationListsTheContainersJournal() {
    ContainerTestClient client = krr.registerKrrClient();
    krr.krrClientBuilder(client).build().lookup(List.of(ACTIVE_PERSON));

    assertThatThrownBy(() -> krr.verify().tokenRequests().client(client.clientId()).times(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected exactly 2 token requests of client " + client.clientId())
        .hasMessageContaining("but there were 1")
        .hasMessageContaining("POST /maskinporten/token 200 client=" + client.clientId())
        .hasMessageNotContaining(ACTIVE_PERSON);
  }

  @Test
  void aRuleThatCannotApplyIsRefusedWithTheEmulatorsMessageAndNothingIsAdded() {
    assertThatThrownBy(() -> krr.faults().on(FaultEndpoint.TOKEN).status(700).add())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
    assertThatThrownBy(() -> krr.faults().on(FaultEndpoint.TOKEN).status(503).times(0).add())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("times");

    assertThat(krr.faults().rules()).isEmpty();
    assertThat(krr.faults().applied("no-such-rule")).isEqualTo(-1);
    assertThat(krr.faults().remove("no-such-rule")).isFalse();
  }

  @Test
  void rulesAreListedRemovedAndClearedOverTheOperatorApi() {
    String token = krr.faults().on(FaultEndpoint.TOKEN).status(500).times(3).add();
    String jwks = krr.faults().on(FaultEndpoint.JWKS).resetConnection().add();

    assertThat(krr.faults().rules())
        .extracting(Faults.Rule::id, Faults.Rule::endpoint, Faults.Rule::remaining)
        .containsExactly(tuple(token, FaultEndpoint.TOKEN, 3), tuple(jwks, FaultEndpoint.JWKS, -1));
    assertThat(krr.faults().remove(token)).isTrue();
    assertThat(krr.faults().rules()).extracting(Faults.Rule::id).containsExactly(jwks);
    krr.faults().clear();
    assertThat(krr.faults().rules()).isEmpty();
  }

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
