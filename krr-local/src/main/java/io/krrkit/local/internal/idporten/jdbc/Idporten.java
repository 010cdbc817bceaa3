package io.krrkit.local.internal.idporten.jdbc;

import io.javalin.config.RoutesConfig;
import io.krrkit.local.internal.client.ClientKeyRepository;
import io.krrkit.local.internal.client.ClientRepository;
import io.krrkit.local.internal.idporten.ClientAuthenticator;
import io.krrkit.local.internal.idporten.IdportenService;
import io.krrkit.local.internal.idporten.TokenMinter;
import io.krrkit.local.internal.idporten.UserTokenVerifier;
import io.krrkit.local.internal.idporten.http.IdportenRoutes;
import io.krrkit.local.internal.krr.jdbc.TestPersonDirectory;
import io.krrkit.local.internal.signing.SigningKeys;
import io.krrkit.local.internal.signing.jdbc.JdbcSigningKeyRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The emulated ID-porten subset (spec.md#id-porten-subset), issuer {@code {base}/idporten}:
 * authorization code flow with PKCE and a TestID-like login page listing the register's persons,
 * token endpoint (authorization_code, refresh_token), userinfo, JWKS and OpenID metadata, for
 * clients of integration type {@code api_klient} (or {@code idporten}) registered through
 * self-service. Codes, refresh tokens and the signing key live in the store, so every node on one
 * store answers alike.
 *
 * <pre>{@code
 * Idporten idporten = Idporten.create(baseUrl, clock, jdbc, clients, clientKeys);
 * idporten.register(config.routes);
 * UserTokenVerifier users = idporten.tokenVerifier(); // for KRR's /rest/v1/person
 * }</pre>
 */
public final class Idporten {
  /**
   * How long a key stays published after it stopped signing: an hour, longer than the default token
   * lifetimes (120 s); a client's own {@code access_token_lifetime} may exceed it.
   */
  public static final Duration KEY_RETENTION = Duration.ofHours(1);

  private final String issuer;
  private final IdportenRoutes routes;
  private final UserTokenVerifier tokenVerifier;

  private Idporten(String issuer, IdportenRoutes routes, UserTokenVerifier tokenVerifier) {
    this.issuer = issuer;
    this.routes = routes;
    this.tokenVerifier = tokenVerifier;
  }

  /**
   * Loads (or on an empty store generates) the ID-porten key and builds the services.
   *
   * @param baseUrl the emulator's base URL, without a trailing slash
   */
  public static Idporten create(
      String baseUrl,
      Clock clock,
      Jdbc jdbc,
      ClientRepository clients,
      ClientKeyRepository clientKeys) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    Objects.requireNonNull(clock, "clock == null");
    String issuer = baseUrl + IdportenRoutes.PREFIX;
    SigningKeys key =
        SigningKeys.onFirstUse(
            new JdbcSigningKeyRepository(jdbc, "idporten"),
            SigningKeys.DEFAULT_KEY_SIZE,
            KEY_RETENTION,
            clock);
    IdportenService service =
        new IdportenService(
            issuer,
            clock,
            new ClientAuthenticator(clients, clientKeys, issuer),
            new JdbcAuthorizationCodeRepository(jdbc),
            new JdbcRefreshTokenRepository(jdbc),
            new TokenMinter(issuer, key));
    UserTokenVerifier verifier = new UserTokenVerifier(issuer, key, clock);
    return new Idporten(
        issuer,
        new IdportenRoutes(issuer, service, key, verifier, clients, new TestPersonDirectory(jdbc)),
        verifier);
  }

  /** Registers the ID-porten routes and their error handlers. */
  public void register(RoutesConfig config) {
    routes.register(config);
  }

  /** Verifies this ID-porten's access tokens, for the emulator's resource servers. */
  public UserTokenVerifier tokenVerifier() {
    return tokenVerifier;
  }

  /** The issuer, {@code {base}/idporten} (no trailing slash, as ID-porten's). */
  public String issuer() {
    return issuer;
  }
}
