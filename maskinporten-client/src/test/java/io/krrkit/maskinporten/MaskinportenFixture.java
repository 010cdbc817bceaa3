package io.krrkit.maskinporten;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.junit.KrrLocalExtension;
import io.krrkit.junit.TestClient;
import io.krrkit.junit.TestKeys;
import io.krrkit.local.KrrLocal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one test fixture of this module: a krr-local emulator (from krr-junit) on a free port whose
 * clock stands still at {@link #T0} and moves only together with the client's clock.
 *
 * <pre>{@code
 * @RegisterExtension static final MaskinportenFixture fixture = new MaskinportenFixture();
 * }</pre>
 */
final class MaskinportenFixture implements BeforeAllCallback, AfterAllCallback {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  static final OrgNumber ORG = KrrLocal.DEFAULT_ORG;
  static final Set<Scope> KRR_SCOPES =
      Set.of(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ);

  private final KrrLocalExtension emulator =
      KrrLocalExtension.builder().seedPersons(0).frozenAt(T0).build();
  private MutableClock clientClock;

  /** A 2048-bit RSA key with this kid, made once per test run (key generation is slow). */
  static RSAKey rsaKey(String kid) {
    return TestKeys.rsa(kid);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator.beforeAll(context);
    clientClock = new MutableClock(T0);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    emulator.afterAll(context);
  }

  KrrLocal krr() {
    return emulator.krrLocal();
  }

  MaskinportenEnvironment environment() {
    return MaskinportenEnvironment.custom(krr().maskinportenIssuer());
  }

  /** The clock clients under test read; it moves with the emulator's in {@link #advance}. */
  Clock clientClock() {
    return clientClock;
  }

  /** Moves the client's and the emulator's clock together, so grants stay within the skew. */
  void advance(Duration delta) {
    clientClock.advance(delta);
    emulator.advance(delta);
  }

  /** Registers a KRR client with a key in the emulator's store. */
  TestClient registerClient() {
    return emulator.registerKrrClient();
  }

  /**
   * Registers a KRR client without keys, as clients that sign with an enterprise certificate are
   * (its {@link TestClient#key()} is not registered).
   */
  TestClient registerKeylessClient() {
    TestClient client = registerClient();
    emulator.replaceKeys(client, List.of());
    return client;
  }

  /** A client builder for {@code client} against the emulator, on the client clock. */
  MaskinportenClient.Builder clientFor(TestClient client, CountingHttpClient http) {
    return MaskinportenClient.builder()
        .environment(environment())
        .clientId(client.clientId())
        .signingKey(client.key())
        .clock(clientClock)
        .httpClient(http);
  }

  /** {@code client} as if registered under another id, or signing with another key. */
  static TestClient impersonate(TestClient client, String clientId, RSAKey key) {
    return new TestClient(clientId, client.org(), client.scopes(), key);
  }
}
