package io.krrkit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.local.KrrLocal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OperatorApiClient}, what {@code KrrLocalContainer.faults()} and {@code verify()} use, over
 * HTTP against an emulator in-process with its operator API on: so it is tested where no container
 * runtime is (KrrLocalContainerTest runs the same calls against the image).
 */
class OperatorApiClientTest {
  private static final String TOKEN = "operator-api-client-test-token";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static KrrLocal krr;
  private static OperatorApiClient api;

  @BeforeAll
  static void start() {
    krr =
        KrrLocal.builder()
            .port(0)
            .ephemeral()
            .seedPersons(0)
            .adminApi(true)
            .operatorToken(TOKEN)
            .build()
            .start();
    api = new OperatorApiClient(krr.baseUrl(), TOKEN);
  }

  @AfterAll
  static void stop() {
    krr.close();
  }

  @BeforeEach
  void clean() {
    api.faults().clear();
    api.journal().clear();
  }

  @Test
  void aRuleAddedOverHttpAnswersTheRequestsAndTheJournalCountsThem() throws Exception {
    Faults faults = api.faults();
    String id = faults.on(FaultEndpoint.JWKS).sequence(503, 429).retryAfter(Duration.ZERO).add();

    assertThat(jwksStatus()).isEqualTo(503);
    assertThat(jwksStatus()).isEqualTo(429);
    assertThat(jwksStatus()).isEqualTo(200);

    RequestVerifier verify = RequestVerifier.of(api.journal());
    verify.path("/maskinporten/jwk").status(503).times(1);
    verify.path("/maskinporten/jwk").status(429).times(1);
    verify.path("/maskinporten/jwk").status(200).times(1);
    assertThat(faults.applied(id)).isEqualTo(2);
    assertThat(faults.rules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.endpoint()).isEqualTo(FaultEndpoint.JWKS);
              assertThat(rule.exhausted()).isTrue();
            });
  }

  @Test
  void everyEntryIsReadWhenTheJournalHoldsMoreThanOnePage() throws Exception {
    for (int i = 0; i < 130; i++) {
      jwksStatus();
    }

    RequestVerifier.of(api.journal()).path("/maskinporten/jwk").times(130);
    assertThat(RequestVerifier.of(api.journal()).requests().get(0).sequence())
        .isGreaterThan(RequestVerifier.of(api.journal()).requests().get(129).sequence());
  }

  @Test
  void aRuleTheEmulatorRefusesIsAnIllegalArgumentNamingTheField() {
    assertThatThrownBy(() -> api.faults().on(FaultEndpoint.TOKEN).status(503).times(0).add())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("times");
    assertThatThrownBy(
            () -> api.faults().on(FaultEndpoint.TOKEN).latency(Duration.ofHours(1)).add())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latency");
    assertThat(api.faults().rules()).isEmpty();
  }

  @Test
  void aWrongTokenIsTheOperatorApisRefusalNotAnEmptyAnswer() {
    OperatorApiClient wrong = new OperatorApiClient(krr.baseUrl(), "not-the-operator-token");

    assertThatThrownBy(() -> wrong.faults().rules())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("answered 401")
        .hasMessageNotContaining(TOKEN);
    assertThatThrownBy(() -> RequestVerifier.of(wrong.journal()).count())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("answered 401");
  }

  private static int jwksStatus() throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(krr.baseUrl() + "/maskinporten/jwk")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
