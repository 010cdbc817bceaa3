package io.krrkit.maskinporten;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.client.ClientKey;
import io.krrkit.local.client.IntegrationType;
import io.krrkit.local.client.RegisteredClient;
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
 * The one test fixture of this module: RSA keys, and (registered as an extension) a krr-local
 * emulator on a free port whose clock stands still at {@link #T0} and moves only together with the
 * client's clock.
 *
 * <pre>{@code
 * @RegisterExtension static final MaskinportenFixture fixture = new MaskinportenFixture();
 * }</pre>
 */
final class MaskinportenFixture implements BeforeAllCallback, AfterAllCallback {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  static final OrgNumber ORG = OrgNumber.of("310000027");
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
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
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
    if (krr != null) {
      krr.close();
    }
  }

  KrrLocal krr() {
    return krr;
  }

  MaskinportenEnvironment environment() {
    return MaskinportenEnvironment.custom(krr.maskinportenIssuer());
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

  /** Registers a KRR client with a fresh key in the emulator's store. */
  TestClient registerClient() {
    String clientId = UUID.randomUUID().toString();
    // kids are unique across clients, key material need not be: generating keys is slow.
    RSAKey key = new RSAKey.Builder(rsaKey("client-key")).keyID("kid-" + clientId).build();
    Instant now = krr.clock().instant();
    krr.clients()
        .save(
            new RegisteredClient(
                clientId,
                ORG,
                null,
                IntegrationType.KRR,
                "maskinporten-client test",
                "registered by MaskinportenFixture",
                null,
                "web",
                "private_key_jwt",
                List.of(TokenEndpoint.GRANT_TYPE),
                KRR_SCOPES,
                List.of(),
                List.of(),
                120,
                0,
                0,
                null,
                false,
                null,
                true,
                now,
                now));
    krr.clientKeys()
        .replaceAll(
            clientId,
            List.of(
                new ClientKey(
                    clientId,
                    key.getKeyID(),
                    key.toPublicJWK().toJSONString(),
                    now,
                    now.plus(Duration.ofDays(365)))));
    return new TestClient(clientId, key);
  }

  /**
   * Registers a KRR client without keys, as clients that sign with an enterprise certificate are
   * (its {@link TestClient#key()} is not registered).
   */
  TestClient registerKeylessClient() {
    TestClient client = registerClient();
    krr.clientKeys().replaceAll(client.clientId(), List.of());
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

  /** A client registered in the emulator and its private key. */
  record TestClient(String clientId, RSAKey key) {}
}
