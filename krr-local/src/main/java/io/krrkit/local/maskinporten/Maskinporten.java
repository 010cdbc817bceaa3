package io.krrkit.local.maskinporten;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.krrkit.local.client.ClientKeyRepository;
import io.krrkit.local.client.ClientRepository;
import io.krrkit.local.store.Jdbc;
import java.time.Clock;
import java.util.Objects;

/**
 * The emulated Maskinporten, issuer {@code {base}/maskinporten/}: token endpoint (JWT grants from
 * clients with registered keys), JWKS, metadata and error help pages, plus the {@link
 * AccessTokenVerifier} the emulator's resource servers check tokens with. Its signing key lives in
 * the store, so every node on one store signs alike.
 *
 * <pre>{@code
 * Maskinporten mp = Maskinporten.create(baseUrl, clock, 2048, jdbc, clients, clientKeys);
 * mp.register(config.routes);
 * AccessTokenVerifier verifier = mp.tokenVerifier();
 * }</pre>
 */
public final class Maskinporten {
  private final String issuer;
  private final MaskinportenRoutes routes;
  private final AccessTokenVerifier tokenVerifier;

  private Maskinporten(
      String issuer, MaskinportenRoutes routes, AccessTokenVerifier tokenVerifier) {
    this.issuer = issuer;
    this.routes = routes;
    this.tokenVerifier = tokenVerifier;
  }

  /**
   * Loads (or on an empty store generates) the signing key and builds the services.
   *
   * @param baseUrl the emulator's base URL, without a trailing slash
   * @param clock the emulator's clock (grant times, token times, key expiry)
   * @param signingKeySize RSA bits of a newly generated signing key (2048 or 4096)
   */
  public static Maskinporten create(
      String baseUrl,
      Clock clock,
      int signingKeySize,
      Jdbc jdbc,
      ClientRepository clients,
      ClientKeyRepository clientKeys) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    Objects.requireNonNull(clock, "clock == null");
    String issuer = baseUrl + MaskinportenRoutes.PREFIX + "/";
    SigningKeys signingKeys =
        SigningKeys.loadOrCreate(new JdbcSigningKeyRepository(jdbc), signingKeySize, clock);
    TokenService tokens =
        new TokenService(
            issuer,
            clock,
            new GrantAuthenticator(clients, clientKeys),
            new ReplayGuard(new JdbcUsedGrantRepository(jdbc), clock),
            new AccessTokenMinter(issuer, signingKeys));
    return new Maskinporten(
        issuer,
        new MaskinportenRoutes(issuer, signingKeys, tokens, new ObjectMapper()),
        new JwtAccessTokenVerifier(issuer, signingKeys, clock));
  }

  /** Registers the Maskinporten routes and their error handler. */
  public void register(RoutesConfig config) {
    routes.register(config);
  }

  /** Verifies this Maskinporten's access tokens, for the emulator's resource servers. */
  public AccessTokenVerifier tokenVerifier() {
    return tokenVerifier;
  }

  /** The issuer, {@code {base}/maskinporten/}. */
  public String issuer() {
    return issuer;
  }
}
