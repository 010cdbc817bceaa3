package io.krrkit.maskinporten.validation;

import static io.krrkit.maskinporten.validation.TokenRejectedException.Reason.BAD_SIGNATURE;
import static io.krrkit.maskinporten.validation.TokenRejectedException.Reason.EXPIRED;
import static io.krrkit.maskinporten.validation.TokenRejectedException.Reason.MALFORMED;
import static io.krrkit.maskinporten.validation.TokenRejectedException.Reason.MISSING_SCOPE;
import static io.krrkit.maskinporten.validation.TokenRejectedException.Reason.UNKNOWN_KEY;
import static io.krrkit.maskinporten.validation.TokenRejectedException.Reason.UNSUPPORTED_ALGORITHM;
import static io.krrkit.maskinporten.validation.TokenRejectedException.Reason.WRONG_AUDIENCE;
import static io.krrkit.maskinporten.validation.TokenRejectedException.Reason.WRONG_ISSUER;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.IssuerUrls;
import io.krrkit.core.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Validates Maskinporten access tokens for an API owner: RS256 signature by a key the issuer
 * publishes, {@code iss}, {@code exp} with a small skew, the required scopes and, when set, the
 * audience; returns the typed claims. Thread-safe: build one per API and share it.
 *
 * <pre>{@code
 * MaskinportenTokenValidator validator = MaskinportenTokenValidator.builder()
 *     .environment(MaskinportenTokenValidator.Environment.TEST)
 *     .requiredScope(Scope.of("acme:orders.read"))
 *     .audience("https://api.acme.no/orders")   // only if your tokens are audience-restricted
 *     .build();
 *
 * try {
 *   MaskinportenClaims claims = validator.validate(bearerToken);
 *   OrgNumber caller = claims.consumer();
 * } catch (TokenRejectedException e) {     // 401, or 403 when e.reason() == MISSING_SCOPE
 * } catch (KeysUnavailableException e) {   // 503: the issuer's keys could not be fetched
 * }
 * }</pre>
 *
 * <p>Keys come from the {@code jwks_uri} of the issuer's metadata, cached for {@link
 * Builder#jwksMaxAge}; an unknown {@code kid} (the issuer rotated its key) refetches at once, at
 * most once per {@link Builder#jwksMinRefetchInterval}. An in-process {@link JWKSource} may be
 * given instead ({@link Builder#keySource}).
 */
public final class MaskinportenTokenValidator {
  /** Longest token accepted, in characters; real tokens are about 1 kB. */
  static final int MAX_TOKEN_LENGTH = 16_384;

  private final String issuer;
  private final Set<Scope> requiredScopes;
  private final String audience;
  private final Duration skew;
  private final Clock clock;
  private final JWKSource<SecurityContext> keys;

  private MaskinportenTokenValidator(Builder b) {
    this.issuer = b.issuer;
    this.requiredScopes = Set.copyOf(b.requiredScopes);
    this.audience = b.audience;
    this.skew = b.skew;
    this.clock = b.clock;
    this.keys =
        b.keySource != null
            ? b.keySource
            : new HttpJwksSource(
                b.issuer,
                b.httpClient != null ? b.httpClient : defaultHttpClient(b.timeout),
                b.timeout,
                b.jwksMaxAge,
                b.jwksMinRefetchInterval,
                b.clock);
  }

  /** A builder; the issuer (or environment) is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates {@code token} (the JWT, without {@code Bearer}).
   *
   * @return the token's claims
   * @throws TokenRejectedException when the token is not valid for this API
   * @throws KeysUnavailableException when the issuer's keys could not be fetched
   */
  public MaskinportenClaims validate(String token) {
    SignedJWT jwt = parse(token);
    verifySignature(jwt);
    JWTClaimsSet claims = claimsOf(jwt);
    if (!IssuerUrls.same(issuer, claims.getIssuer())) {
      throw new TokenRejectedException(
          WRONG_ISSUER,
          "the access token was not issued by "
              + issuer
              + "; get one from that Maskinporten environment");
    }
    checkExpiry(claims);
    MaskinportenClaims typed = ClaimsReader.read(claims);
    checkScopes(typed);
    checkAudience(typed);
    return typed;
  }

  /** The issuer tokens must come from. */
  public String issuer() {
    return issuer;
  }

  private static SignedJWT parse(String token) {
    if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
      throw new TokenRejectedException(
          MALFORMED, "no access token, or one too large; send a Maskinporten access token");
    }
    try {
      return SignedJWT.parse(token.strip());
    } catch (ParseException e) {
      throw new TokenRejectedException(MALFORMED, "the access token is not a signed JWT");
    }
  }

  private void verifySignature(SignedJWT jwt) {
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new TokenRejectedException(
          UNSUPPORTED_ALGORITHM,
          "the access token is signed with "
              + jwt.getHeader().getAlgorithm()
              + "; Maskinporten signs with RS256");
    }
    RSAKey key = publishedKey(jwt.getHeader().getKeyID());
    try {
      if (jwt.verify(new RSASSAVerifier(key))) {
        return;
      }
    } catch (JOSEException e) {
      // reported below
    }
    throw new TokenRejectedException(BAD_SIGNATURE, "the access token's signature is invalid");
  }

  private RSAKey publishedKey(String kid) {
    if (kid == null) {
      throw new TokenRejectedException(UNKNOWN_KEY, "the access token has no kid");
    }
    JWKMatcher matcher = new JWKMatcher.Builder().keyID(kid).keyType(KeyType.RSA).build();
    List<JWK> found;
    try {
      found = keys.get(new JWKSelector(matcher), null);
    } catch (KeySourceException e) {
      throw new KeysUnavailableException(
          "cannot check the access token: " + e.getMessage() + "; try again later", e);
    }
    if (found.isEmpty() || !(found.get(0) instanceof RSAKey key)) {
      throw new TokenRejectedException(
          UNKNOWN_KEY,
          "the access token is signed with a key not published by "
              + issuer
              + "; get a token from that issuer");
    }
    return key;
  }

  private static JWTClaimsSet claimsOf(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new TokenRejectedException(MALFORMED, "the access token's claims are malformed");
    }
  }

  private void checkExpiry(JWTClaimsSet claims) {
    if (claims.getExpirationTime() == null) {
      return; // ClaimsReader reports the missing exp
    }
    Instant exp = claims.getExpirationTime().toInstant();
    Instant now = clock.instant();
    if (now.isAfter(exp.plus(skew))) {
      throw new TokenRejectedException(
          EXPIRED,
          "the access token expired "
              + Duration.between(exp, now).toSeconds()
              + " s ago at "
              + exp
              + "; get a new token");
    }
  }

  private void checkScopes(MaskinportenClaims claims) {
    Set<Scope> missing = new LinkedHashSet<>(requiredScopes);
    missing.removeAll(claims.scopes());
    if (!missing.isEmpty()) {
      throw new TokenRejectedException(
          MISSING_SCOPE,
          "the access token lacks scope "
              + Scope.join(missing)
              + "; ask Maskinporten for a token with it (the client must have the scope)");
    }
  }

  private void checkAudience(MaskinportenClaims claims) {
    if (audience != null && !claims.audience().contains(audience)) {
      throw new TokenRejectedException(
          WRONG_AUDIENCE,
          "the access token is not for "
              + audience
              + "; ask Maskinporten for a token with resource="
              + audience);
    }
  }

  private static HttpClient defaultHttpClient(Duration timeout) {
    return HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Digdir's Maskinporten environments. */
  public enum Environment {
    /** {@code https://test.maskinporten.no/}. */
    TEST("https://test.maskinporten.no/"),
    /** {@code https://maskinporten.no/}. */
    PRODUCTION("https://maskinporten.no/");

    private final String issuer;

    Environment(String issuer) {
      this.issuer = issuer;
    }

    /** The issuer, with its trailing slash. */
    public String issuer() {
      return issuer;
    }
  }

  /** Configures a {@link MaskinportenTokenValidator}. Not thread-safe. */
  public static final class Builder {
    private String issuer;
    private final Set<Scope> requiredScopes = new LinkedHashSet<>();
    private String audience;
    private Duration skew = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();
    private JWKSource<SecurityContext> keySource;
    private HttpClient httpClient;
    private Duration timeout = Duration.ofSeconds(10);
    private Duration jwksMaxAge = Duration.ofMinutes(15);
    private Duration jwksMinRefetchInterval = Duration.ofSeconds(30);

    private Builder() {}

    /** Accept tokens of this Digdir environment. */
    public Builder environment(Environment environment) {
      return issuer(Objects.requireNonNull(environment, "environment == null").issuer());
    }

    /**
     * Accept tokens of this issuer, e.g. krr-local's {@code http://localhost:7070/maskinporten/}. A
     * trailing slash is added when missing, and tokens whose {@code iss} differs from it only in
     * that slash are accepted, as maskinporten-client accepts such metadata ({@link
     * IssuerUrls#same}): RFC 8414 servers such as mock-oauth2-server name theirs without it.
     */
    public Builder issuer(String issuer) {
      Objects.requireNonNull(issuer, "issuer == null");
      URI uri = URI.create(issuer);
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new IllegalArgumentException("issuer must be an absolute URL, was " + issuer);
      }
      this.issuer = issuer.endsWith("/") ? issuer : issuer + "/";
      return this;
    }

    /** A scope every token must carry; call once per scope. Default: none. */
    public Builder requiredScope(Scope scope) {
      requiredScopes.add(Objects.requireNonNull(scope, "scope == null"));
      return this;
    }

    /** Tokens must be audience-restricted to {@code audience} ({@code aud}). Default: any. */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience == null");
      return this;
    }

    /** Clock difference tolerated on {@code exp}, 0..60 s. Default 5 s. */
    public Builder clockSkew(Duration skew) {
      Objects.requireNonNull(skew, "skew == null");
      if (skew.isNegative() || skew.compareTo(Duration.ofSeconds(60)) > 0) {
        throw new IllegalArgumentException("clockSkew must be 0..60 s, was " + skew);
      }
      this.skew = skew;
      return this;
    }

    /** The clock {@code exp} and the JWKS cache are read from. Default: system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Where the keys come from, instead of the issuer's {@code jwks_uri} (e.g. in-process, or a
     * Nimbus {@code JWKSourceBuilder} source).
     */
    public Builder keySource(JWKSource<SecurityContext> source) {
      this.keySource = Objects.requireNonNull(source, "source == null");
      return this;
    }

    /** HTTP client for the metadata and JWKS (proxy, TLS). Default: a new one. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    /** Timeout of each metadata or JWKS request. Default 10 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** How long fetched keys are used before they are fetched again. Default 15 min. */
    public Builder jwksMaxAge(Duration maxAge) {
      this.jwksMaxAge = positive(maxAge, "jwksMaxAge");
      return this;
    }

    /** Least time between two fetches caused by unknown key ids. Default 30 s. */
    public Builder jwksMinRefetchInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval == null");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("jwksMinRefetchInterval must be >= 0");
      }
      this.jwksMinRefetchInterval = interval;
      return this;
    }

    /**
     * Builds the validator.
     *
     * @throws IllegalStateException when no issuer (or environment) was given
     */
    public MaskinportenTokenValidator build() {
      if (issuer == null) {
        throw new IllegalStateException(
            "issuer is required: environment(Environment.TEST) or issuer(\"https://...\")");
      }
      return new MaskinportenTokenValidator(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
