package io.krrkit.krr;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Status;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.ClientSpec;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.krr.RegisterEntry;
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
 * in it whose Maskinporten tokens the KRR clients under test use. It drives the emulator through
 * krr-local's public {@code Controls}, not krr-junit: krr-junit's ready clients are built on this
 * module, so this module cannot test with krr-junit.
 *
 * <pre>{@code
 * @RegisterExtension static final KrrLocalFixture emulator = new KrrLocalFixture();
 * KrrClient krr = emulator.client(Scope.KRR_KONTAKTINFORMASJON_READ).build();
 * }</pre>
 */
final class KrrLocalFixture implements BeforeAllCallback, AfterAllCallback {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private KrrLocal krrLocal;
  private RSAKey key;
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
    key = generateKey();
    clientClock = new MutableClock(T0);
    maskinporten = registerKrrClient(IntegrationType.KRR.automaticScopes());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    krrLocal.close();
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
    Set<Scope> scopes = new LinkedHashSet<>(IntegrationType.KRR.automaticScopes());
    scopes.add(ChangeFeed.SCOPE);
    return ChangeFeed.builder()
        .environment(environment())
        .maskinporten(registerKrrClient(scopes))
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
    return Internals.of(krrLocal)
        .register()
        .find(Personidentifikator.of(id))
        .map(RegisterEntry::status)
        .orElse(Status.IKKE_REGISTRERT);
  }

  /** What the register holds about {@code id}. */
  RegisterEntry entry(Personidentifikator id) {
    return Internals.of(krrLocal).register().find(id).orElseThrow();
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

  /** Registers a KRR client holding {@code scopes}; its Maskinporten client signs with its key. */
  private MaskinportenClient registerKrrClient(Set<Scope> scopes) {
    String clientId = UUID.randomUUID().toString();
    RSAKey clientKey = new RSAKey.Builder(key).keyID("test-" + clientId).build();
    krrLocal
        .controls()
        .putClient(
            ClientSpec.jwtBearer(
                clientId, KrrLocal.DEFAULT_ORG, IntegrationType.KRR.wireName(), scopes));
    krrLocal.controls().replaceKeys(clientId, List.of(clientKey));
    return maskinportenClient(clientId, clientKey);
  }

  private static RSAKey generateKey() {
    try {
      return new RSAKeyGenerator(RSAKeyGenerator.MIN_KEY_SIZE_BITS).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("the JDK could not make an RSA key pair", e);
    }
  }
}
