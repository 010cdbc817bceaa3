package io.krrkit.krr;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Status;
import io.krrkit.junit.KrrLocalExtension;
import io.krrkit.junit.TestClient;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.maskinporten.TokenRequest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one emulator fixture of this module: krr-local (from krr-junit) on a free port with 200
 * synthetic persons (plus its well-known ones), its clock standing still at {@link #T0}, and a KRR
 * client registered in it whose Maskinporten tokens the KRR clients under test use.
 *
 * <pre>{@code
 * @RegisterExtension static final KrrLocalFixture emulator = new KrrLocalFixture();
 * KrrClient krr = emulator.client(Scope.KRR_KONTAKTINFORMASJON_READ).build();
 * }</pre>
 */
final class KrrLocalFixture implements BeforeAllCallback, AfterAllCallback {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private final KrrLocalExtension emulator =
      KrrLocalExtension.builder().seedPersons(200).frozenAt(T0).build();
  private KrrLocal krrLocal;
  private MutableClock clientClock;
  private MaskinportenClient maskinporten;

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator.beforeAll(context);
    krrLocal = emulator.krrLocal();
    clientClock = new MutableClock(T0);
    maskinporten = maskinportenClient(registerKrrClient(IntegrationType.KRR.automaticScopes()));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    emulator.afterAll(context);
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
        .maskinporten(maskinportenClient(registerKrrClient(scopes)))
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

  private MaskinportenClient maskinportenClient(TestClient client) {
    return maskinportenClient(client.clientId(), client.key());
  }

  private MaskinportenClient maskinportenClient(String clientId, RSAKey key) {
    return MaskinportenClient.builder()
        .environment(MaskinportenEnvironment.custom(krrLocal.maskinportenIssuer()))
        .clientId(clientId)
        .signingKey(key)
        .clock(clientClock)
        .build();
  }

  private TestClient registerKrrClient(Set<Scope> scopes) {
    return emulator.registerClient(KrrLocal.DEFAULT_ORG, IntegrationType.KRR, scopes);
  }
}
