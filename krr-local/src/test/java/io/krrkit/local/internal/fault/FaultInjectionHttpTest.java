package io.krrkit.local.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.core.Scope;
import io.krrkit.local.FaultEndpoint;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fault and latency injection over HTTP: every kind of rule through {@code POST /admin/faults},
 * what a client of each service then meets (the service's own error shape), the rules' counts,
 * listing, removal and reset, and every rule that cannot apply refused with a 400 naming the field.
 */
class FaultInjectionHttpTest {
  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void clear() {
    assertThat(send("DELETE", "/admin/faults", null).status()).isEqualTo(204);
    fx.krrLocal().clock().setOffset(Duration.ZERO);
  }

  @Test
  void aStatusForTheNextRequestsAnswersMaskinportensOauthErrorWithRetryAfter() {
    TestClient client = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    Answer added = addRule("{\"endpoint\":\"token\",\"status\":503,\"times\":2}");
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("id").asText()).startsWith("fault-");
    assertThat(added.json().get("remaining").asInt()).isEqualTo(2);

    for (int i = 0; i < 2; i++) {
      Answer token = fx.token(fx.grant(client));
      assertThat(token.status()).isEqualTo(503);
      assertThat(token.json().get("error").asText()).isEqualTo("temporarily_unavailable");
      assertThat(token.json().get("error_description").asText()).contains("Fault injected");
      assertThat(token.response().headers().firstValue("Retry-After")).hasValue("1");
    }
    assertThat(fx.token(fx.grant(client)).status()).isEqualTo(200);

    JsonNode rule = send("GET", "/admin/faults", null).json().get("rules").get(0);
    assertThat(rule.get("applied").asInt()).isEqualTo(2);
    assertThat(rule.get("exhausted").asBoolean()).isTrue();
  }

  @Test
  void a429CarriesTheRetryAfterAsked() {
    addRule("{\"endpoint\":\"metadata\",\"status\":429,\"retry_after\":7}");

    Answer metadata = fx.get(fx.issuer() + ".well-known/oauth-authorization-server");

    assertThat(metadata.status()).isEqualTo(429);
    assertThat(metadata.json().get("error").asText()).isEqualTo("too_many_requests");
    assertThat(metadata.response().headers().firstValue("Retry-After")).hasValue("7");
    Answer rfc8414 = fx.get(base() + "/.well-known/oauth-authorization-server/maskinporten");
    assertThat(rfc8414.status()).as("the RFC 8414 location too").isEqualTo(429);
    assertThat(rfc8414.json().get("error").asText()).isEqualTo("too_many_requests");
  }

  @Test
  void krrLookupsAnswerKrrsErrorShape() {
    String token = fx.accessToken(Scope.KRR_KONTAKTINFORMASJON_READ);
    addRule("{\"endpoint\":\"krr_lookup\",\"status\":500}");

    Answer lookup = lookup(token);

    assertThat(lookup.status()).isEqualTo(500);
    assertThat(lookup.json().get("status").asInt()).isEqualTo(500);
    assertThat(lookup.json().get("error").asText()).isEqualTo("server_error");
    assertThat(lookup.json().has("timestamp")).isTrue();
    assertThat(lookup.response().headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void theChangeFeedIsItsOwnGroup() {
    String token = fx.accessToken(Scope.KRR_KONTAKTINFORMASJON_READ);
    addRule("{\"endpoint\":\"krr_changes\",\"status\":503}");

    assertThat(lookup(token).status()).as("lookups untouched").isEqualTo(200);
    Answer changes =
        fx.send(
            HttpRequest.newBuilder(
                    URI.create(base() + "/kontaktregisteret/rest/v2/krr/hentEndringer"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(changes.status()).isEqualTo(503);
    assertThat(changes.json().get("status").asInt()).isEqualTo(503);
  }

  @Test
  void theSelfServiceApiAnswersItsEnvelope() {
    addRule("{\"endpoint\":\"selfservice\",\"status\":503}");

    Answer clients = fx.get(base() + "/selvbetjening/api/v1/clients");

    assertThat(clients.status()).isEqualTo(503);
    assertThat(clients.json().get("status").asInt()).isEqualTo(503);
    assertThat(clients.json().get("errors").get(0).get("errorMessage").asText())
        .contains("Fault injected");
  }

  @Test
  void idportenAnswersOauthErrors() {
    addRule("{\"endpoint\":\"idporten\",\"status\":502}");

    Answer metadata = fx.get(base() + "/idporten/.well-known/openid-configuration");

    assertThat(metadata.status()).isEqualTo(502);
    assertThat(metadata.json().get("error").asText()).isEqualTo("server_error");
  }

  @ParameterizedTest
  @CsvSource({"302", "418", "451"})
  void anyStatusCanBeAnswered(int status) {
    addRule("{\"endpoint\":\"jwks\",\"status\":" + status + ",\"times\":1}");

    assertThat(fx.get(fx.issuer() + "jwk").status()).isEqualTo(status);
    assertThat(fx.get(fx.issuer() + "jwk").status()).isEqualTo(200);
  }

  @Test
  void aSequenceAppliesOneStepPerRequestThenEnds() {
    addRule("{\"endpoint\":\"jwks\",\"sequence\":[503,503,200,\"pass\",500]}");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      statuses.add(fx.get(fx.issuer() + "jwk").status());
    }
    for (int i = 0; i < 3; i++) {
      statuses.add(fx.get(fx.issuer() + "jwk").status());
    }

    assertThat(statuses).containsExactly(503, 503, 200, 200, 500, 200);
    assertThat(fx.get(fx.issuer() + "jwk").json().has("keys"))
        .as("a 200 step is the real answer")
        .isTrue();
  }

  @Test
  void latencyDelaysTheRealAnswer() {
    addRule("{\"endpoint\":\"jwks\",\"latency\":\"PT0.4S\",\"times\":1}");

    long started = System.nanoTime();
    Answer jwks = fx.get(fx.issuer() + "jwk");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(jwks.status()).isEqualTo(200);
    assertThat(jwks.json().has("keys")).isTrue();
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void jitterAddsUpToItsBoundBeforeAnError() {
    addRule(
        "{\"endpoint\":\"jwks\",\"status\":503,\"latency\":\"PT0.1S\",\"jitter\":\"PT0.2S\","
            + "\"seed\":7,\"times\":3}");
    for (int i = 0; i < 3; i++) {
      long started = System.nanoTime();
      Answer jwks = fx.get(fx.issuer() + "jwk");
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(jwks.status()).isEqualTo(503);
      assertThat(took).isBetween(Duration.ofMillis(100), Duration.ofSeconds(5));
    }
  }

  @Test
  void latencyBeyondTheClientsTimeoutTimesItOut() {
    addRule("{\"endpoint\":\"jwks\",\"latency\":\"PT2S\",\"times\":1}");

    assertThatThrownBy(() -> sendWithTimeout(fx.issuer() + "jwk", Duration.ofMillis(300)))
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void aResetConnectionIsAnIoErrorForTheClient() {
    addRule("{\"endpoint\":\"jwks\",\"connection\":\"reset\"}");

    assertThatThrownBy(() -> sendWithTimeout(fx.issuer() + "jwk", Duration.ofSeconds(10)))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
    assertThat(send("GET", "/admin/faults", null).json().get("rules").get(0).get("applied").asInt())
        .isPositive();
  }

  @Test
  void noAnswerHoldsUntilTheClientGivesUp() {
    addRule("{\"endpoint\":\"token\",\"connection\":\"no_answer\",\"hold\":\"PT20S\"}");

    long started = System.nanoTime();
    assertThatThrownBy(
            () ->
                fx.http()
                    .send(
                        HttpRequest.newBuilder(URI.create(fx.issuer() + "token"))
                            .timeout(Duration.ofMillis(500))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=x"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void noAnswerIsBoundedByItsHoldThenDropsTheConnection() {
    addRule("{\"endpoint\":\"jwks\",\"connection\":\"no_answer\",\"hold\":\"PT0.5S\"}");

    long started = System.nanoTime();
    assertThatThrownBy(() -> sendWithTimeout(fx.issuer() + "jwk", Duration.ofSeconds(20)))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(Duration.ofMillis(500), Duration.ofSeconds(15));
  }

  @Test
  void clearingTheRulesReleasesHeldRequests() throws Exception {
    addRule("{\"endpoint\":\"token\",\"connection\":\"no_answer\",\"hold\":\"PT5M\"}");
    long started = System.nanoTime();
    Thread clearer =
        new Thread(
            () -> {
              // Clear once the rule holds the request, not after a guessed pause.
              await()
                  .atMost(Duration.ofSeconds(20))
                  .until(
                      () ->
                          send("GET", "/admin/faults", null)
                                  .json()
                                  .get("rules")
                                  .get(0)
                                  .get("applied")
                                  .asInt()
                              == 1);
              send("DELETE", "/admin/faults", null);
            });
    clearer.start();

    // A POST, which the JDK client never retries: the held request itself ends.
    assertThatThrownBy(
            () ->
                HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(
                        HttpRequest.newBuilder(URI.create(fx.issuer() + "token"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=x"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
    clearer.join();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aSeededProbabilityFaultsTheSameRequestsEveryTime() {
    String rule = "{\"endpoint\":\"jwks\",\"status\":503,\"probability\":0.5,\"seed\":42}";
    addRule(rule);
    List<Integer> first = statuses(20);
    send("DELETE", "/admin/faults", null);
    addRule(rule);
    List<Integer> second = statuses(20);

    assertThat(first).containsExactlyElementsOf(second).contains(200, 503);
  }

  @Test
  void anOutageWindowFollowsTheEmulatorsClock() {
    Instant now = fx.krrLocal().clock().instant();
    addRule(
        "{\"endpoint\":\"jwks\",\"status\":503,\"from\":\""
            + now.plus(Duration.ofHours(1))
            + "\",\"until\":\""
            + now.plus(Duration.ofHours(2))
            + "\"}");

    assertThat(fx.get(fx.issuer() + "jwk").status()).isEqualTo(200);
    fx.krrLocal().clock().advance(Duration.ofMinutes(90));
    assertThat(fx.get(fx.issuer() + "jwk").status()).isEqualTo(503);
    fx.krrLocal().clock().advance(Duration.ofMinutes(60));
    assertThat(fx.get(fx.issuer() + "jwk").status()).isEqualTo(200);
  }

  @Test
  void theFirstRuleThatAppliesDecidesAndOthersWait() {
    addRule("{\"endpoint\":\"jwks\",\"status\":500,\"times\":1}");
    addRule("{\"endpoint\":\"jwks\",\"status\":502,\"times\":1}");
    addRule("{\"endpoint\":\"token\",\"status\":503}");

    assertThat(statuses(3)).containsExactly(500, 502, 200);
  }

  @Test
  void rulesAreListedShownRemovedAndResetAway() {
    String id =
        addRule("{\"endpoint\":\"jwks\",\"status\":503,\"latency\":\"PT0.01S\"}")
            .json()
            .get("id")
            .asText();
    fx.get(fx.issuer() + "jwk");

    JsonNode shown = send("GET", "/admin/faults/" + id, null).json();
    assertThat(shown.get("endpoint").asText()).isEqualTo("jwks");
    assertThat(shown.get("status").asInt()).isEqualTo(503);
    assertThat(shown.get("latency").asText()).isEqualTo("PT0.01S");
    assertThat(shown.get("applied").asInt()).isEqualTo(1);
    assertThat(shown.get("remaining").isNull()).isTrue();
    assertThat(send("DELETE", "/admin/faults/" + id, null).status()).isEqualTo(204);
    assertThat(send("DELETE", "/admin/faults/" + id, null).status()).isEqualTo(404);
    assertThat(send("GET", "/admin/faults/" + id, null).json().get("error").asText())
        .isEqualTo("not_found");
    Answer unknown = send("GET", "/admin/faults/20914695016", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).as("an id typed in is masked").doesNotContain("20914695016");
    assertThat(fx.get(fx.issuer() + "jwk").status()).isEqualTo(200);

    addRule("{\"endpoint\":\"jwks\",\"status\":503}");
    assertThat(send("POST", "/admin/reset", null).status()).isEqualTo(204);
    assertThat(send("GET", "/admin/faults", null).json().get("rules")).isEmpty();
    assertThat(fx.get(fx.issuer() + "jwk").status()).isEqualTo(200);
  }

  @Test
  void theJournalNamesTheRuleOfAFaultedRequest() {
    String id = addRule("{\"endpoint\":\"jwks\",\"status\":503}").json().get("id").asText();
    send("DELETE", "/admin/journal", null);

    fx.get(fx.issuer() + "jwk");

    JsonNode entry = send("GET", "/admin/journal", null).json().get("entries").get(0);
    assertThat(entry.get("status").asInt()).isEqualTo(503);
    assertThat(entry.get("details").get("fault").asText()).isEqualTo(id);
  }

  @Test
  void theJournalKeepsEveryStepOfASequenceWithTheStatusAnswered() {
    addRule("{\"endpoint\":\"jwks\",\"sequence\":[503,429,\"pass\"]}");
    send("DELETE", "/admin/journal", null);

    assertThat(statuses(3)).containsExactly(503, 429, 200);

    JsonNode entries = send("GET", "/admin/journal?path=/maskinporten/jwk", null).json();
    List<Integer> journalled = new ArrayList<>();
    entries.get("entries").forEach(e -> journalled.add(e.get("status").asInt()));
    assertThat(journalled).containsExactlyInAnyOrder(503, 429, 200);
  }

  @Test
  void aDroppedConnectionIsJournalledWithStatusZeroAndNoIdentityNumber() {
    String token = fx.accessToken(Scope.KRR_KONTAKTINFORMASJON_READ);
    String id =
        addRule("{\"endpoint\":\"krr_lookup\",\"connection\":\"reset\",\"times\":1}")
            .json()
            .get("id")
            .asText();
    send("DELETE", "/admin/journal", null);

    // A POST, which the JDK client does not re-send; the identity number in the path is masked in
    // the journal, and LogLeakCheck fails the class if the fault's log line held it.
    assertThatThrownBy(
            () ->
                HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(
                        HttpRequest.newBuilder(
                                URI.create(
                                    base()
                                        + "/kontaktregisteret/rest/v1/personer/"
                                        + KnownPersons.ACTIVE.value()))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);

    JsonNode entry = send("GET", "/admin/journal", null).json().get("entries").get(0);
    assertThat(entry.get("status").asInt()).isZero();
    assertThat(entry.get("details").get("fault").asText()).isEqualTo(id);
    assertThat(entry.get("path").asText()).doesNotContain(KnownPersons.ACTIVE.value());
  }

  @Test
  void controlsAddTheSameRules() {
    var faults = fx.krrLocal().controls().faults();
    String id = faults.on(FaultEndpoint.JWKS).status(503).times(2).add();

    assertThat(statuses(3)).containsExactly(503, 503, 200);
    assertThat(faults.applied(id)).isEqualTo(2);
    assertThat(faults.rules()).singleElement().satisfies(r -> assertThat(r.exhausted()).isTrue());
    assertThatThrownBy(() -> faults.on(FaultEndpoint.JWKS).status(600).add())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
    assertThatThrownBy(() -> faults.on(FaultEndpoint.JWKS).status(503).times(-1).add())
        .hasMessageContaining("times");
    faults.clear();
    assertThat(faults.rules()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"endpoint\":\"tokens\",\"status\":503}|endpoint",
        "{\"status\":503}|endpoint",
        "{\"endpoint\":7,\"status\":503}|endpoint",
        "{\"endpoint\":\"token\",\"status\":600}|status",
        "{\"endpoint\":\"token\",\"status\":99}|status",
        "{\"endpoint\":\"token\",\"status\":102}|status",
        "{\"endpoint\":\"token\",\"status\":200,\"retry_after\":5}|retry_after",
        "{\"endpoint\":\"token\",\"sequence\":[200,\"reset\"],\"retry_after\":5}|retry_after",
        "{\"endpoint\":\"token\",\"status\":503,\"hold\":\"PT5S\"}|hold",
        "{\"endpoint\":\"token\",\"status\":503,\"seed\":7}|seed",
        "{\"endpoint\":\"token\",\"status\":\"503\"}|status",
        "{\"endpoint\":\"token\",\"status\":503,\"times\":-1}|times",
        "{\"endpoint\":\"token\",\"status\":503,\"times\":0}|times",
        "{\"endpoint\":\"token\",\"status\":503,\"times\":1.5}|times",
        "{\"endpoint\":\"token\",\"status\":503,\"probability\":1.5}|probability",
        "{\"endpoint\":\"token\",\"status\":503,\"probability\":-0.1}|probability",
        "{\"endpoint\":\"token\",\"status\":503,\"probability\":\"half\"}|probability",
        "{\"endpoint\":\"token\",\"status\":503,\"seed\":\"x\"}|seed",
        "{\"endpoint\":\"token\",\"status\":429,\"retry_after\":-1}|retry_after",
        "{\"endpoint\":\"token\",\"retry_after\":5}|retry_after",
        "{\"endpoint\":\"token\",\"latency\":\"soon\"}|latency",
        "{\"endpoint\":\"token\",\"latency\":\"PT-1S\"}|latency",
        "{\"endpoint\":\"token\",\"latency\":\"PT10M\"}|latency",
        "{\"endpoint\":\"token\",\"latency\":\"PT1S\",\"jitter\":\"PT-1S\"}|jitter",
        "{\"endpoint\":\"token\",\"connection\":\"no_answer\",\"hold\":\"PT1H\"}|hold",
        "{\"endpoint\":\"token\",\"connection\":\"no_answer\",\"hold\":\"PT0S\"}|hold",
        "{\"endpoint\":\"token\",\"connection\":\"hang\"}|connection",
        "{\"endpoint\":\"token\",\"status\":503,\"connection\":\"reset\"}|connection",
        "{\"endpoint\":\"token\",\"sequence\":[]}|sequence",
        "{\"endpoint\":\"token\",\"sequence\":[503,600]}|sequence[1]",
        "{\"endpoint\":\"token\",\"sequence\":[503,\"boom\"]}|sequence[1]",
        "{\"endpoint\":\"token\",\"sequence\":503}|sequence",
        "{\"endpoint\":\"token\",\"sequence\":[503],\"times\":2}|times",
        "{\"endpoint\":\"token\",\"sequence\":[503],\"status\":500}|sequence",
        "{\"endpoint\":\"token\",\"status\":503,\"from\":\"tomorrow\"}|from",
        "{\"endpoint\":\"token\",\"status\":503,\"from\":\"2026-01-02T00:00:00Z\","
            + "\"until\":\"2026-01-01T00:00:00Z\"}|until",
        "{\"endpoint\":\"token\"}|status",
        "{\"endpoint\":\"token\",\"stauts\":503}|stauts",
        "{\"endpoint\":\"token\",|JSON",
        "[1,2]|JSON object",
        "''|JSON object"
      })
  void aRuleThatCannotApplyIsRefusedNamingTheFieldAndNothingIsAdded(String body, String field) {
    Answer answer = addRule(body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(answer.json().get("error_description").asText()).contains(field);
    assertThat(send("GET", "/admin/faults", null).json().get("rules")).isEmpty();
  }

  private static List<Integer> statuses(int requests) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      statuses.add(fx.get(fx.issuer() + "jwk").status());
    }
    return statuses;
  }

  private static Answer lookup(String accessToken) {
    return fx.send(
        HttpRequest.newBuilder(URI.create(base() + "/kontaktregisteret/rest/v2/personer"))
            .header("Authorization", "Bearer " + accessToken)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"personidentifikatorer\":[\"" + KnownPersons.ACTIVE.value() + "\"]}")));
  }

  /** A fresh client per call, so no pooled connection hides a reset or a retry. */
  private static HttpResponse<String> sendWithTimeout(String url, Duration timeout)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Answer addRule(String json) {
    return send("POST", "/admin/faults", json);
  }

  private static Answer send(String method, String path, String json) {
    return fx.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String base() {
    return fx.krrLocal().baseUrl();
  }
}
