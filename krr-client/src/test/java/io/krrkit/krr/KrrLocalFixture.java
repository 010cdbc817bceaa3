package io.krrkit.krr;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Status;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.client.ClientKey;
import io.krrkit.local.client.IntegrationType;
import io.krrkit.local.client.RegisteredClient;
import io.krrkit.local.krr.RegisterEntry;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.maskinporten.TokenRequest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one emulator fixture of this module: krr-local on a free port with 200 synthetic persons
 * (plus its well-known ones), its clock standing still at {@link #T0}, and a KRR client registered
 * in it whose Maskinporten tokens the KRR clients under test use.
 *
 * <pre>{@code
 * @RegisterExtension static final KrrLocalFixture emulator = new KrrLocalFixture();
 * KrrClient krr = emulator.client(Scope.KRR_KONTAKTINFORMASJON_READ).build();
 * }</pre>
 */
final class KrrLocalFixture implements BeforeAllCallback, AfterAllCallback {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private KrrLocal krrLocal;
  private MutableClock clientClock;
  private MaskinportenClient maskinporten;

  @Override
  public void beforeAll(ExtensionContext context) {
    krrLocal =
        KrrLocal.builder()
            .port(0)
            .ephemeral()
            .seedPersons(200)
            .clock(Clock.fixed(T0, ZoneOffset.UTC))
            .build()
            .start();
    clientClock = new MutableClock(T0);
    RSAKey key = newKey("krr-client-test");
    maskinporten = maskinportenClient(registerKrrClient(key), key);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (krrLocal != null) {
      krrLocal.close();
    }
  }

  /**
   * A KRR client builder against the emulator, with tokens for {@code scopes} from the registered
   * KRR client, on the shared client clock.
   */
  KrrClient.Builder client(Scope scope, Scope... more) {
    return KrrClient.builder()
        .environment(KrrEnvironment.custom(krrLocal.kontaktregisteretUrl()))
        .maskinporten(maskinporten, scope, more)
        .clock(clientClock);
  }

  /** A KRR client builder with both {@code krr:global/*} scopes. */
  KrrClient.Builder client() {
    return client(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ);
  }

  /** Tokens with both {@code krr:global/*} scopes, straight from the Maskinporten client. */
  AccessTokenSource tokens() {
    TokenRequest request =
        TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ);
    return () -> maskinporten.getToken(request).value();
  }

  /** Maskinporten tokens of the emulator's self-service admin client: no KRR scope. */
  MaskinportenClient selfServiceAdmin() {
    Bootstrap b = krrLocal.bootstrap();
    try {
      return maskinportenClient(b.clientId(), RSAKey.parse(b.privateJwk()));
    } catch (ParseException e) {
      throw new IllegalStateException("bootstrap key is not a JWK", e);
    }
  }

  /**
   * A change feed builder against the emulator, with tokens of a second KRR client that also holds
   * {@code krr:global/hentendring.read} (granted directly, as Digdir does by agreement).
   */
  ChangeFeed.Builder changeFeed() {
    RSAKey key = newKey("krr-change-feed-" + UUID.randomUUID());
    Set<Scope> scopes = new LinkedHashSet<>(IntegrationType.KRR.automaticScopes());
    scopes.add(ChangeFeed.SCOPE);
    return ChangeFeed.builder()
        .environment(environment())
        .maskinporten(maskinportenClient(registerKrrClient(key, scopes), key))
        .clock(clientClock);
  }

  /** The emulator itself (its register, for tests that change it). */
  KrrLocal krrLocal() {
    return krrLocal;
  }

  KrrEnvironment environment() {
    return KrrEnvironment.custom(krrLocal.kontaktregisteretUrl());
  }

  /** What the register holds: the status KRR must answer for {@code id}. */
  Status statusInRegister(String id) {
    return krrLocal
        .register()
        .find(Personidentifikator.of(id))
        .map(RegisterEntry::status)
        .orElse(Status.IKKE_REGISTRERT);
  }

  /** What the register holds about {@code id}. */
  RegisterEntry entry(Personidentifikator id) {
    return krrLocal.register().find(id).orElseThrow();
  }

  /** Moves the clients' and the emulator's clocks together, so grants stay valid. */
  void advance(Duration delta) {
    clientClock.advance(delta);
    krrLocal.clock().advance(delta);
  }

  private MaskinportenClient maskinportenClient(String clientId, RSAKey key) {
    return MaskinportenClient.builder()
        .environment(MaskinportenEnvironment.custom(krrLocal.maskinportenIssuer()))
        .clientId(clientId)
        .signingKey(key)
        .clock(clientClock)
        .build();
  }

  private String registerKrrClient(RSAKey key) {
    return registerKrrClient(key, IntegrationType.KRR.automaticScopes());
  }

  private String registerKrrClient(RSAKey key, Set<Scope> scopes) {
    String clientId = UUID.randomUUID().toString();
    Instant now = krrLocal.clock().instant();
    krrLocal.clients().save(krrClient(clientId, now, scopes));
    krrLocal
        .clientKeys()
        .replaceAll(
            clientId,
            List.of(
                new ClientKey(
                    clientId,
                    key.getKeyID(),
                    key.toPublicJWK().toJSONString(),
                    now,
                    now.plus(Duration.ofDays(3650)))));
    return clientId;
  }

  private static RegisteredClient krrClient(String clientId, Instant now, Set<Scope> scopes) {
    return new RegisteredClient(
        clientId,
        KrrLocal.DEFAULT_ORG,
        null,
        IntegrationType.KRR,
        "krr-client tests",
        "registered by KrrLocalFixture",
        null,
        "web",
        "private_key_jwt",
        List.of("urn:ietf:params:oauth:grant-type:jwt-bearer"),
        scopes,
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
        now);
  }

  private static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
