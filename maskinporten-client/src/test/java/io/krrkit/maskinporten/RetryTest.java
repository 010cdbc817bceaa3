package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.krrkit.core.Scope;
import io.krrkit.maskinporten.StubMaskinporten.Answer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retries of the token call against {@link StubMaskinporten}, for answers the emulator's faults do
 * not give (an HTML 503, a problem report, a server that is gone); the emulator's own are in {@link
 * TokenRetryFaultTest}. Waits are recorded, not slept.
 */
class RetryTest {
  private static final TokenRequest KONTAKTINFO =
      TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ);
  private static final Answer BUSY = new Answer(503, "<html>Service Unavailable</html>");

  private final StubMaskinporten stub = new StubMaskinporten();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  RetryTest() throws IOException {}

  @AfterEach
  void stopStub() {
    stub.close();
  }

  @Test
  void retries5xxWithExponentialBackoffAndGetsTheToken() {
    stub.failTokenRequests(BUSY, 2);

    AccessToken token = client(4).getToken(KONTAKTINFO);

    assertThat(token.value()).isEqualTo("stub-token-3");
    assertThat(stub.tokenRequests()).isEqualTo(3);
    // jitter fixed at its largest: the full backoff, 100 ms then doubled
    assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void stopsAfterMaxAttemptsAndReportsTheLastFailure() {
    stub.failTokenRequests(BUSY, 10);

    MaskinportenResponseException e =
        catchThrowableOfType(
            MaskinportenResponseException.class, () -> client(3).getToken(KONTAKTINFO));

    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.getMessage()).contains("HTTP 503", "Try again later");
    assertThat(stub.tokenRequests()).isEqualTo(3);
    assertThat(waits).hasSize(2);
  }

  @Test
  void neverRetriesA4xxRefusal() {
    stub.failTokenRequests(
        new Answer(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid assertion. Client"
                + " authentication failed. (trace_id: 0123456789abcdef0123456789abcdef)\","
                + "\"error_uri\":\""
                + stub.issuer()
                + "errors/MP-100\"}"),
        1);

    MaskinportenErrorException e =
        catchThrowableOfType(
            MaskinportenErrorException.class, () -> client(3).getToken(KONTAKTINFO));

    assertThat(e.code()).contains("MP-100");
    assertThat(e.getMessage()).contains("MP-100", "client_id");
    assertThat(stub.tokenRequests()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void carriesA4xxProblemReportIntoTheErrorWithoutRetrying() {
    stub.failTokenRequests(
        new Answer(
            401,
            "application/problem+json",
            "{\"type\":\"about:blank\",\"title\":\"Unauthorized\","
                + "\"detail\":\"API key missing\",\"status\":401}"),
        1);

    MaskinportenResponseException e =
        catchThrowableOfType(
            MaskinportenResponseException.class, () -> client(3).getToken(KONTAKTINFO));

    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.getMessage())
        .contains("HTTP 401 with a problem report")
        .contains("Unauthorized: API key missing (status 401)")
        .doesNotContain("may be down");
    assertThat(stub.tokenRequests()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void retriesAConnectionFailureOfTheTokenCall() {
    MaskinportenClient client = client(3);
    client.getToken(KONTAKTINFO); // metadata now cached
    stub.close();
    client.invalidateAll();

    MaskinportenTransportException e =
        catchThrowableOfType(
            MaskinportenTransportException.class, () -> client.getToken(KONTAKTINFO));

    assertThat(e.getMessage()).contains("could not reach POST " + stub.issuer() + "token");
    assertThat(waits).hasSize(2);
  }

  @Test
  void oneAttemptTurnsRetriesOff() {
    stub.failTokenRequests(BUSY, 1);

    catchThrowableOfType(
        MaskinportenResponseException.class, () -> client(1).getToken(KONTAKTINFO));

    assertThat(stub.tokenRequests()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void theAsyncTwinRetriesToo() {
    stub.failTokenRequests(BUSY, 1);

    CompletableFuture<AccessToken> token =
        client(2).getTokenAsync(Scope.KRR_KONTAKTINFORMASJON_READ);

    assertThat(token.join().value()).isEqualTo("stub-token-2");
    assertThat(waits).hasSize(1);
  }

  private MaskinportenClient client(int attempts) {
    return MaskinportenClient.builder()
        .environment(MaskinportenEnvironment.custom(stub.issuer()))
        .clientId("stub-client")
        .signingKey(MaskinportenFixture.rsaKey("client-key"))
        .clock(new MutableClock(MaskinportenFixture.T0))
        .maxAttempts(attempts)
        .retryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
        .retryTiming(
            delay -> {
              waits.add(delay);
              return CompletableFuture.completedFuture(null);
            },
            bound -> bound - 1)
        .build();
  }
}
