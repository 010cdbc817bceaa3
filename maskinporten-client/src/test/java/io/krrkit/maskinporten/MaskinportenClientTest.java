package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.Controls;
import io.krrkit.local.internal.Internals;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against the real emulator over HTTP; time moves on both sides together. */
class MaskinportenClientTest {
  @RegisterExtension static final MaskinportenFixture fixture = new MaskinportenFixture();

  private static final TokenRequest KONTAKTINFO =
      TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ);

  private final CountingHttpClient http = new CountingHttpClient();
  private final RecordingListener listener = new RecordingListener();
  private TestClient registered;
  private MaskinportenClient client;

  @BeforeEach
  void registerClient() {
    registered = fixture.registerClient();
    client = fixture.clientFor(registered, http).listener(listener).build();
  }

  @AfterEach
  void openGate() {
    http.releaseTokenRequests();
  }

  @Test
  void getsATokenTheEmulatorsApisAccept() {
    AccessToken token = client.getToken(KONTAKTINFO);

    Controls.AccessToken verified =
        fixture.krr().controls().verifyAccessToken(token.authorizationHeader());
    assertThat(verified.clientId()).isEqualTo(registered.clientId());
    assertThat(verified.consumer()).isEqualTo(MaskinportenFixture.ORG);
    assertThat(verified.scopes()).containsExactly(Scope.KRR_KONTAKTINFORMASJON_READ);
    assertThat(token.scopes()).containsExactly(Scope.KRR_KONTAKTINFORMASJON_READ);
    assertThat(token.expiresAt())
        .isBetween(verified.expiresAt().minusSeconds(1), verified.expiresAt());
  }

  @Test
  void getsATokenWithSubInTheGrantWhenAsked() {
    MaskinportenClient withSub =
        fixture.clientFor(registered, new CountingHttpClient()).sendSubject(true).build();

    AccessToken token = withSub.getToken(KONTAKTINFO);

    Controls.AccessToken verified =
        fixture.krr().controls().verifyAccessToken(token.authorizationHeader());
    assertThat(verified.clientId()).isEqualTo(registered.clientId());
  }

  @Test
  void servesTheCachedTokenWithoutAnotherRequest() {
    AccessToken first = client.getToken(KONTAKTINFO);
    fixture.advance(Duration.ofSeconds(60));

    AccessToken second = client.getToken(KONTAKTINFO);

    assertThat(second).isEqualTo(first);
    assertThat(http.tokenRequests()).isEqualTo(1);
    assertThat(http.metadataRequests()).isEqualTo(1);
    assertThat(listener.events()).containsExactly("miss", "fetched", "hit");
  }

  @Test
  void getsOneTokenPerRequest() {
    AccessToken kontaktinfo = client.getToken(KONTAKTINFO);
    AccessToken digitalpost = client.getToken(Scope.KRR_DIGITALPOST_READ);
    AccessToken both =
        client.getToken(Scope.KRR_DIGITALPOST_READ, Scope.KRR_KONTAKTINFORMASJON_READ);

    assertThat(List.of(kontaktinfo.value(), digitalpost.value(), both.value()))
        .doesNotHaveDuplicates();
    assertThat(digitalpost.scopes()).containsExactly(Scope.KRR_DIGITALPOST_READ);
    assertThat(client.getToken(Scope.KRR_DIGITALPOST_READ)).isEqualTo(digitalpost);
    assertThat(http.tokenRequests()).isEqualTo(3);
  }

  @Test
  void servesAStaleTokenWhileOneBackgroundRefreshRuns() throws Exception {
    AccessToken first = client.getToken(KONTAKTINFO);
    fixture.advance(Duration.ofSeconds(95));
    http.holdTokenRequests();

    List<AccessToken> duringRefresh =
        List.of(client.getToken(KONTAKTINFO), client.getToken(KONTAKTINFO));
    http.releaseTokenRequests();
    assertThat(listener.nextFetchedToken()).isEqualTo(first);
    AccessToken refreshed = listener.nextFetchedToken();

    assertThat(duringRefresh).containsOnly(first);
    assertThat(refreshed).isNotEqualTo(first);
    assertThat(client.getToken(KONTAKTINFO)).isEqualTo(refreshed);
    assertThat(http.tokenRequests()).isEqualTo(2);
    assertThat(listener.events())
        .containsExactly("miss", "fetched", "stale", "stale", "fetched", "hit");
  }

  @Test
  void waitsForANewTokenWhenTheCachedOneHasExpired() {
    AccessToken first = client.getToken(KONTAKTINFO);
    fixture.advance(Duration.ofSeconds(115));

    AccessToken second = client.getToken(KONTAKTINFO);

    assertThat(second).isNotEqualTo(first);
    assertThat(second.expiresAt()).isAfter(first.expiresAt());
    assertThat(http.tokenRequests()).isEqualTo(2);
    assertThat(listener.events()).containsExactly("miss", "fetched", "miss", "fetched");
  }

  @Test
  void sendsOneTokenRequestForManyConcurrentCallers() throws Exception {
    int callers = 16;
    http.holdTokenRequests();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CyclicBarrier start = new CyclicBarrier(callers);
      List<Future<CompletableFuture<AccessToken>>> calls = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.getTokenAsync(KONTAKTINFO);
                }));
      }
      List<CompletableFuture<AccessToken>> tokens = new ArrayList<>();
      for (Future<CompletableFuture<AccessToken>> call : calls) {
        tokens.add(call.get());
      }
      http.releaseTokenRequests();

      AccessToken shared = tokens.get(0).get();
      assertThat(tokens).allSatisfy(t -> assertThat(t.get()).isEqualTo(shared));
      assertThat(http.tokenRequests()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void mapsAScopeTheClientLacksToMp200() {
    MaskinportenErrorException e = refusal(client, TokenRequest.of(Scope.of("difitest:test2")));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.error()).isEqualTo("invalid_scope");
    assertThat(e.code()).contains("MP-200");
    assertThat(e.traceId()).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
    assertThat(e.errorUri().orElseThrow().toString())
        .isEqualTo(fixture.krr().maskinportenIssuer() + "errors/MP-200");
    assertThat(e.getMessage())
        .startsWith("Maskinporten refused the token request with MP-200 (HTTP 400 invalid_scope)")
        .contains("Register the scope on the client");
  }

  @Test
  void mapsAnUnknownClientToMp100() {
    TestClient unknown =
        MaskinportenFixture.impersonate(registered, "no-such-client", registered.key());
    MaskinportenClient stranger = fixture.clientFor(unknown, http).build();

    assertThat(refusal(stranger, KONTAKTINFO).code()).contains("MP-100");
  }

  @Test
  void mapsAKeyThatDoesNotMatchItsKidToMp124() {
    RSAKey impostor =
        new RSAKey.Builder(MaskinportenFixture.rsaKey("impostor"))
            .keyID(registered.key().getKeyID())
            .build();
    MaskinportenClient wrongKey =
        fixture
            .clientFor(
                MaskinportenFixture.impersonate(registered, registered.clientId(), impostor), http)
            .build();

    assertThat(refusal(wrongKey, KONTAKTINFO).code()).contains("MP-124");
  }

  @Test
  void mapsAClientClockFarFromMaskinportensToMp130() {
    MutableClock ahead = new MutableClock(fixture.clientClock().instant().plusSeconds(60));
    MaskinportenClient skewed = fixture.clientFor(registered, http).clock(ahead).build();

    MaskinportenErrorException e = refusal(skewed, KONTAKTINFO);

    assertThat(e.code()).contains("MP-130");
    assertThat(e.getMessage()).contains("sync");
  }

  @Test
  void neverPutsTheGrantOrKeyInAnError() {
    MaskinportenErrorException e = refusal(client, TokenRequest.of(Scope.of("difitest:test2")));

    assertThat(e.getMessage())
        .doesNotContain("eyJ")
        .doesNotContain(registered.key().getPrivateExponent().toString());
  }

  @Test
  void throwsInTheCallersThreadWithTheAsyncErrorAsCause() {
    MaskinportenErrorException e = refusal(client, TokenRequest.of(Scope.of("difitest:test2")));

    assertThat(e.getStackTrace())
        .anyMatch(
            f -> f.getMethodName().equals("throwsInTheCallersThreadWithTheAsyncErrorAsCause"));
    assertThat(e.getCause()).isInstanceOf(MaskinportenErrorException.class);
  }

  @Test
  void failsTheAsyncTwinWithTheSameError() {
    CompletableFuture<AccessToken> future =
        client.getTokenAsync(TokenRequest.of(Scope.of("difitest:test2")));

    ExecutionException e = catchThrowableOfType(ExecutionException.class, future::get);
    assertThat(e.getCause()).isInstanceOf(MaskinportenErrorException.class);
  }

  @Test
  void reportsAnUnreachableMaskinportenAsATransportError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    MaskinportenClient nowhere =
        fixture
            .clientFor(registered, http)
            .environment(MaskinportenEnvironment.custom("http://127.0.0.1:" + closedPort + "/mp/"))
            .build();

    assertThatThrownBy(() -> nowhere.getToken(KONTAKTINFO))
        .isInstanceOf(MaskinportenTransportException.class)
        .hasMessageContaining("could not reach GET http://127.0.0.1:" + closedPort + "/mp/")
        .hasMessageContaining("ConnectException");
  }

  @Test
  void worksWithTheEmulatorsBootstrapClient() throws Exception {
    Bootstrap bootstrap = fixture.krr().bootstrap();
    MaskinportenClient admin =
        MaskinportenClient.builder()
            .environment(MaskinportenEnvironment.custom(bootstrap.issuer()))
            .clientId(bootstrap.clientId())
            .signingKey(RSAKey.parse(bootstrap.privateJwk()))
            .clock(fixture.clientClock())
            .build();

    AccessToken token = admin.getToken(Scope.DCR_READ, Scope.DCR_WRITE);

    assertThat(
            Internals.of(fixture.krr())
                .tokenVerifier()
                .verify(token.authorizationHeader())
                .scopes())
        .contains(Scope.DCR_READ, Scope.DCR_WRITE);
  }

  private static MaskinportenErrorException refusal(MaskinportenClient c, TokenRequest request) {
    return catchThrowableOfType(MaskinportenErrorException.class, () -> c.getToken(request));
  }
}
