package io.krrkit.local.internal.maskinporten.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.krrkit.local.internal.certificate.CertificateValidator;
import io.krrkit.local.internal.client.ClientKeyRepository;
import io.krrkit.local.internal.client.ClientRepository;
import io.krrkit.local.internal.maskinporten.AccessRules;
import io.krrkit.local.internal.maskinporten.AccessTokenMinter;
import io.krrkit.local.internal.maskinporten.AccessTokenVerifier;
import io.krrkit.local.internal.maskinporten.CertificateGrantVerifier;
import io.krrkit.local.internal.maskinporten.GrantAuthenticator;
import io.krrkit.local.internal.maskinporten.GrantAuthorizer;
import io.krrkit.local.internal.maskinporten.JwtAccessTokenVerifier;
import io.krrkit.local.internal.maskinporten.ReplayGuard;
import io.krrkit.local.internal.maskinporten.TokenService;
import io.krrkit.local.internal.maskinporten.http.MaskinportenRoutes;
import io.krrkit.local.internal.signing.SigningKeyStatus;
import io.krrkit.local.internal.signing.SigningKeys;
import io.krrkit.local.internal.signing.jdbc.JdbcSigningKeyRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The emulated Maskinporten, issuer {@code {base}/maskinporten/}: token endpoint (JWT grants from
 * clients with registered keys), JWKS, metadata and error help pages, plus the {@link
 * AccessTokenVerifier} the emulator's resource servers check tokens with. Its signing key lives in
 * the store, so every node on one store signs alike.
 *
 * <pre>{@code
 * Maskinporten mp = Maskinporten.create(baseUrl, clock, 2048, jdbc, clients, clientKeys, access);
 * mp.register(config.routes);
 * AccessTokenVerifier verifier = mp.tokenVerifier();
 * }</pre>
 */
public final class Maskinporten {
  /** Default delay between a rotation and the new key's first signature. */
  public static final Duration DEFAULT_PUBLICATION_DELAY = SigningKeys.DEFAULT_PUBLICATION_DELAY;

  /**
   * How long a key stays published after it stopped signing: the token lifetime plus the skew
   * verifiers allow on {@code exp}.
   */
  public static final Duration KEY_RETENTION =
      AccessTokenMinter.LIFETIME.plusSeconds(JwtAccessTokenVerifier.SKEW_SECONDS);

  private final String issuer;
  private final MaskinportenRoutes routes;
  private final AccessTokenVerifier tokenVerifier;
  private final SigningKeys signingKeys;

  private Maskinporten(
      String issuer,
      MaskinportenRoutes routes,
      AccessTokenVerifier tokenVerifier,
      SigningKeys signingKeys) {
    this.issuer = issuer;
    this.routes = routes;
    this.tokenVerifier = tokenVerifier;
    this.signingKeys = signingKeys;
  }

  /**
   * Loads (or on an empty store generates) the signing key and builds the services.
   *
   * @param baseUrl the emulator's base URL, without a trailing slash
   * @param clock the emulator's clock (grant times, token times, key expiry)
   * @param signingKeySize RSA bits of a newly generated signing key (2048 or 4096)
   * @param access scope access, delegations and on-behalf-of registrations the token endpoint
   *     checks
   * @param certificates validates enterprise certificate chains of {@code x5c} grants
   */
  public static Maskinporten create(
      String baseUrl,
      Clock clock,
      int signingKeySize,
      Jdbc jdbc,
      ClientRepository clients,
      ClientKeyRepository clientKeys,
      AccessRules access,
      CertificateValidator certificates) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    Objects.requireNonNull(clock, "clock == null");
    String issuer = baseUrl + MaskinportenRoutes.PREFIX + "/";
    SigningKeys signingKeys =
        SigningKeys.loadOrCreate(
            new JdbcSigningKeyRepository(jdbc, "maskinporten"),
            signingKeySize,
            KEY_RETENTION,
            clock);
    TokenService tokens =
        new TokenService(
            issuer,
            clock,
            new GrantAuthenticator(
                clients,
                clientKeys,
                new CertificateGrantVerifier(
                    Objects.requireNonNull(certificates, "certificates == null"))),
            new ReplayGuard(new JdbcUsedGrantRepository(jdbc), clock),
            new GrantAuthorizer(Objects.requireNonNull(access, "access == null")),
            new AccessTokenMinter(issuer, signingKeys));
    return new Maskinporten(
        issuer,
        new MaskinportenRoutes(issuer, signingKeys, tokens, new ObjectMapper()),
        new JwtAccessTokenVerifier(issuer, signingKeys, clock),
        signingKeys);
  }

  /**
   * Rotates the signing key: a new key is published at once and signs from {@code now +
   * publicationDelay}; the key signing now stays published until every token it signed has expired.
   * Every node on the store follows within seconds.
   *
   * @throws IllegalArgumentException when the delay is not positive
   */
  public SigningKeyStatus rotateSigningKey(Duration publicationDelay) {
    return signingKeys.rotate(Objects.requireNonNull(publicationDelay, "publicationDelay == null"));
  }

  /** The published signing keys, newest first, with their stages now. */
  public List<SigningKeyStatus> signingKeys() {
    return signingKeys.status();
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
