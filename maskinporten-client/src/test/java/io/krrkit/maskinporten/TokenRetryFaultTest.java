package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.krrkit.core.Scope;
import io.krrkit.local.FaultEndpoint;
import io.krrkit.local.Faults;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token client's retries ({@link Retrier}) through faults the emulator injects on its token
 * endpoint, counted in its request journal: 503 and 429 are tried again after their {@code
 * Retry-After}, a reset connection after the backoff, a 400 never; the last failure ends the tries
 * without the grant or the key in its message.
 */
class TokenRetryFaultTest {
  @RegisterExtension static final MaskinportenFixture fixture = new MaskinportenFixture();

  private static final TokenRequest KONTAKTINFO =
      TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ);

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private TestClient registered;

  @BeforeEach
  void registerClient() {
    registered = fixture.registerClient();
    fixture.krr().controls().journal().clear();
  }

  @AfterEach
  void clearFaults() {
    faults().clear();
  }

  @Test
  void a503WithRetryAfterIsWaitedOutAndTriedAgainToAToken() {
    String rule =
        faults().on(FaultEndpoint.TOKEN).sequence(503, 503).retryAfter(Duration.ZERO).add();

    AccessToken token = recordingClient(3).getToken(KONTAKTINFO);

    assertThat(token.value()).isNotBlank();
    assertThat(tokenRequests(503)).isEqualTo(2);
    assertThat(tokenRequests(200)).isEqualTo(1);
    assertThat(faults().applied(rule)).isEqualTo(2);
    // Retry-After: 0 is waited instead of the backoff (100 ms, then 200 ms)
    assertThat(waits).containsExactly(Duration.ZERO, Duration.ZERO);
  }

  @Test
  void a429IsTriedAgainAfterItsRetryAfterInRealTime() {
    faults().on(FaultEndpoint.TOKEN).status(429).retryAfter(Duration.ofSeconds(1)).times(1).add();
    MaskinportenClient client =
        fixture
            .clientFor(registered, new CountingHttpClient())
            .maxAttempts(2)
            .retryBackoff(Duration.ofMillis(10), Duration.ofSeconds(2))
            .build();

    long started = System.nanoTime();
    AccessToken token = client.getToken(KONTAKTINFO);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(token.value()).isNotBlank();
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(tokenRequests(429)).isEqualTo(1);
    assertThat(tokenRequests(200)).isEqualTo(1);
  }

  @Test
  void aRetryAfterLongerThanTheLongestBackoffEndsTheTriesAtOnce() {
    faults().on(FaultEndpoint.TOKEN).status(503).retryAfter(Duration.ofSeconds(30)).add();

    MaskinportenErrorException e =
        catchThrowableOfType(
            MaskinportenErrorException.class, () -> recordingClient(3).getToken(KONTAKTINFO));

    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(tokenRequests(503)).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aResetConnectionIsTriedAgainWithAFreshGrant() {
    String rule = faults().on(FaultEndpoint.TOKEN).resetConnection().times(1).add();

    AccessToken token = recordingClient(3).getToken(KONTAKTINFO);

    assertThat(token.value()).isNotBlank();
    assertThat(faults().applied(rule)).isEqualTo(1);
    assertThat(tokenRequests(0)).as("the dropped one").isEqualTo(1);
    assertThat(tokenRequests(200)).isEqualTo(1);
    assertThat(waits).containsExactly(Duration.ofMillis(100)); // the backoff: no Retry-After
  }

  @Test
  void a400IsNeverTriedAgain() {
    faults().on(FaultEndpoint.TOKEN).status(400).add();

    MaskinportenErrorException e =
        catchThrowableOfType(
            MaskinportenErrorException.class, () -> recordingClient(3).getToken(KONTAKTINFO));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(tokenRequests(400)).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void a500IsTriedAgainAsEvery5xx() {
    faults().on(FaultEndpoint.TOKEN).status(500).times(1).add();

    assertThat(recordingClient(3).getToken(KONTAKTINFO).value()).isNotBlank();

    assertThat(tokenRequests(500)).isEqualTo(1);
    assertThat(tokenRequests(200)).isEqualTo(1);
  }

  @Test
  void exhaustedTriesEndInTheLastErrorWithoutTheGrantOrTheKey() {
    faults().on(FaultEndpoint.TOKEN).status(503).retryAfter(Duration.ZERO).add();

    MaskinportenErrorException busy =
        catchThrowableOfType(
            MaskinportenErrorException.class, () -> recordingClient(3).getToken(KONTAKTINFO));

    assertThat(busy.statusCode()).isEqualTo(503);
    assertThat(busy.retryAfter()).contains(Duration.ZERO);
    assertThat(tokenRequests(503)).isEqualTo(3);
    assertNoSecret(busy);

    faults().clear();
    faults().on(FaultEndpoint.TOKEN).resetConnection().add();
    MaskinportenTransportException down =
        catchThrowableOfType(
            MaskinportenTransportException.class, () -> recordingClient(2).getToken(KONTAKTINFO));

    assertThat(down.getMessage()).contains("token");
    assertThat(tokenRequests(0)).isEqualTo(2);
    assertNoSecret(down);
  }

  private void assertNoSecret(Exception e) {
    String d = registered.key().getPrivateExponent().toString();
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage()))
          .doesNotContain("eyJ") // no grant (a JWT)
          .doesNotContain(d);
    }
  }

  private static Faults faults() {
    return fixture.krr().controls().faults();
  }

  private static long tokenRequests(int status) {
    return fixture
        .krr()
        .controls()
        .journal()
        .count(r -> r.isTokenRequest() && r.status() == status);
  }

  /** A client whose waits are recorded, not slept; jitter at its largest: the full backoff. */
  private MaskinportenClient recordingClient(int attempts) {
    return fixture
        .clientFor(registered, new CountingHttpClient())
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
