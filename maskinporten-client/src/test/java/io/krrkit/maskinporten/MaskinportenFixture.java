package io.krrkit.maskinporten;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.ClientSpec;
import io.krrkit.local.KrrLocal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one test fixture of this module: a krr-local emulator on a free port whose clock stands still
 * at {@link #T0} and moves only together with the client's clock. It drives the emulator through
 * krr-local's public {@code Controls}, not krr-junit: krr-junit's ready clients are built on this
 * module, so this module cannot test with krr-junit.
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

  private static final Map<String, RSAKey> KEYS = new ConcurrentHashMap<>();

  private KrrLocal krr;
  private MutableClock clientClock;

  /** A 2048-bit RSA key with this kid, made once per test run (key generation is slow). */
  static RSAKey rsaKey(String kid) {
    return KEYS.computeIfAbsent(kid, MaskinportenFixture::generate);
  }

  private static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(RSAKeyGenerator.MIN_KEY_SIZE_BITS).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("the JDK could not make an RSA key pair", e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    krr =
        KrrLocal.builder()
            .port(0)
            .ephemeral()
            .seedPersons(0)
            .clock(Clock.fixed(T0, ZoneOffset.UTC))
            .build()
            .start();
    clientClock = new MutableClock(T0);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    krr.close();
  }

  KrrLocal krr() {
    return krr;
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
    krr.clock().advance(delta);
  }

  /** Registers a KRR client (both {@code krr:global} scopes) with a key in the emulator's store. */
  TestClient registerClient() {
    String clientId = UUID.randomUUID().toString();
    RSAKey key = new RSAKey.Builder(rsaKey("registered")).keyID("test-" + clientId).build();
    krr.controls()
        .putClient(ClientSpec.jwtBearer(clientId, ORG, IntegrationType.KRR.wireName(), KRR_SCOPES));
    krr.controls().replaceKeys(clientId, List.of(key));
    return new TestClient(clientId, ORG, KRR_SCOPES, key);
  }

  /**
   * Registers a KRR client without keys, as clients that sign with an enterprise certificate are
   * (its {@link TestClient#key()} is not registered).
   */
  TestClient registerKeylessClient() {
    TestClient client = registerClient();
    krr.controls().replaceKeys(client.clientId(), List.of());
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
