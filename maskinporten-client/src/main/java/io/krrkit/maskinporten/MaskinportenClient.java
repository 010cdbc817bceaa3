package io.krrkit.maskinporten;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Gets and caches Maskinporten access tokens for one client. Thread-safe: share one instance.
 *
 * <p>Endpoints come from the issuer's metadata. Tokens are cached per {@link TokenRequest}: a fresh
 * token is returned without a request; near expiry (the refresh margin) the cached token is still
 * returned while one background request replaces it; when expired, callers wait, and concurrent
 * callers share a single request.
 *
 * <pre>{@code
 * MaskinportenClient maskinporten = MaskinportenClient.builder()
 *     .environment(MaskinportenEnvironment.TEST)
 *     .clientId("0b7f8e3c-…")                 // the integration id
 *     .signingKey(RSAKey.parse(privateJwkJson)) // its kid is registered on the client
 *     .build();
 *
 * AccessToken token = maskinporten.getToken(TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ));
 * request.header("Authorization", token.authorizationHeader());
 * }</pre>
 *
 * <p>Against krr-local use {@code MaskinportenEnvironment.custom(krr.maskinportenIssuer())}.
 */
public final class MaskinportenClient {
  private final MaskinportenEnvironment environment;
  private final String clientId;
  private final TokenCache cache;

  private MaskinportenClient(Builder b) {
    this.environment = b.environment;
    this.clientId = b.clientId;
    MaskinportenListener listener = new SafeListener(b.listener);
    HttpClient http =
        b.httpClient != null
            ? b.httpClient
            : HttpClient.newBuilder().connectTimeout(b.requestTimeout).build();
    Transport transport = new Transport(http, b.requestTimeout);
    MetadataSource metadata =
        new MetadataSource(b.environment, transport, b.clock, b.metadataMaxAge, listener);
    TokenEndpoint.Signer signer =
        new TokenEndpoint.Signer(
            b.environment.issuer(),
            b.clientId,
            b.signingKey,
            b.algorithm(),
            b.grantLifetime,
            b.clock);
    TokenEndpoint endpoint = new TokenEndpoint(metadata, transport, signer);
    this.cache =
        new TokenCache(endpoint::fetch, b.clock, b.refreshMargin, b.expiryMargin, listener);
  }

  /** A builder; environment, client id and signing key are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A token for {@code request}, from the cache when it is usable, else from Maskinporten.
   *
   * @throws MaskinportenErrorException Maskinporten refused (carries the {@code MP-xxx} code)
   * @throws MaskinportenTransportException Maskinporten could not be reached in time
   * @throws MaskinportenResponseException an answer Maskinporten does not give
   */
  public AccessToken getToken(TokenRequest request) {
    try {
      return getTokenAsync(request).get();
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MaskinportenTransportException("interrupted while waiting for a token", e);
    }
  }

  /** A token for these scopes only; see {@link #getToken(TokenRequest)}. */
  public AccessToken getToken(Scope scope, Scope... more) {
    return getToken(TokenRequest.of(scope, more));
  }

  /**
   * The asynchronous twin of {@link #getToken(TokenRequest)}: completes at once on a cache hit,
   * else when the token request does, exceptionally with a {@link MaskinportenException}.
   * Cancelling the returned future does not cancel the shared request.
   */
  public CompletableFuture<AccessToken> getTokenAsync(TokenRequest request) {
    Objects.requireNonNull(request, "request == null");
    return cache.get(request).copy();
  }

  /** Forgets the cached token for {@code request}, e.g. after an API answered 401 with it. */
  public void invalidate(TokenRequest request) {
    cache.invalidate(Objects.requireNonNull(request, "request == null"));
  }

  /** Forgets every cached token. */
  public void invalidateAll() {
    cache.invalidateAll();
  }

  /** The environment this client talks to. */
  public MaskinportenEnvironment environment() {
    return environment;
  }

  /** The client id ({@code iss} of the grants). */
  public String clientId() {
    return clientId;
  }

  @Override
  public String toString() {
    return "MaskinportenClient[issuer=" + environment.issuer() + ", clientId=" + clientId + "]";
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof MaskinportenException e) {
      return e.rethrownInCaller();
    }
    if (cause instanceof RuntimeException e) {
      return e;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new MaskinportenTransportException("token request failed: " + cause, cause);
  }

  /** Configures a {@link MaskinportenClient}; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    /** Default {@link #refreshMargin(Duration)}: 30 s. */
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(30);

    /** Default {@link #expiryMargin(Duration)}: 10 s. */
    public static final Duration DEFAULT_EXPIRY_MARGIN = Duration.ofSeconds(10);

    /** Default {@link #requestTimeout(Duration)}: 10 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Default {@link #metadataMaxAge(Duration)}: 1 h. */
    public static final Duration DEFAULT_METADATA_MAX_AGE = Duration.ofHours(1);

    private MaskinportenEnvironment environment;
    private String clientId;
    private RSAKey signingKey;
    private JWSAlgorithm algorithm;
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Duration grantLifetime = Duration.ofSeconds(JwtGrant.MAX_LIFETIME_SECONDS);
    private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
    private Duration expiryMargin = DEFAULT_EXPIRY_MARGIN;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration metadataMaxAge = DEFAULT_METADATA_MAX_AGE;
    private MaskinportenListener listener = new MaskinportenListener() {};

    private Builder() {}

    /** Which Maskinporten: {@code TEST}, {@code PRODUCTION} or a custom issuer. Required. */
    public Builder environment(MaskinportenEnvironment environment) {
      this.environment = Objects.requireNonNull(environment, "environment == null");
      return this;
    }

    /** The client id (integration id), {@code iss} of the grants. Required. */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId == null");
      return this;
    }

    /**
     * The private RSA key that signs grants; its {@code kid} must be registered on the client.
     * Required.
     */
    public Builder signingKey(RSAKey key) {
      this.signingKey = Objects.requireNonNull(key, "key == null");
      return this;
    }

    /** RS256, RS384 or RS512. Default: the key's {@code alg} when one of those, else RS256. */
    public Builder signingAlgorithm(JWSAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm == null");
      return this;
    }

    /** The HTTP client to use (proxy, TLS, executor). Default: a new one per client. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    /** The clock grants and token expiry are read from. Default: system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** {@code exp - iat} of each grant, 1..120 s. Default 120 s. */
    public Builder grantLifetime(Duration lifetime) {
      this.grantLifetime = Objects.requireNonNull(lifetime, "lifetime == null");
      return this;
    }

    /**
     * How long before expiry a cached token turns stale: still returned, while one background
     * request replaces it. Default 30 s; capped at half a token's lifetime.
     */
    public Builder refreshMargin(Duration margin) {
      this.refreshMargin = Objects.requireNonNull(margin, "margin == null");
      return this;
    }

    /**
     * How long before expiry a cached token is no longer handed out, so a caller never gets one
     * that expires on its way to the API. Default 10 s; at most the refresh margin.
     */
    public Builder expiryMargin(Duration margin) {
      this.expiryMargin = Objects.requireNonNull(margin, "margin == null");
      return this;
    }

    /** Timeout of each HTTP request (and of connecting, for the default client). Default 10 s. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /** After this the metadata is refreshed in the background. Default 1 h. */
    public Builder metadataMaxAge(Duration maxAge) {
      this.metadataMaxAge = Objects.requireNonNull(maxAge, "maxAge == null");
      return this;
    }

    /** Hears cache hits, token requests and failures. Default: none. */
    public Builder listener(MaskinportenListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws MaskinportenConfigException naming the setting that is missing or wrong
     */
    public MaskinportenClient build() {
      require(environment != null, "environment is required, e.g. MaskinportenEnvironment.TEST");
      require(clientId != null && !clientId.isBlank(), "clientId (the integration id) is required");
      require(signingKey != null, "signingKey is required: the private RSA JWK of the client");
      JwtGrant.requireSigningKey(signingKey, algorithm());
      requireLifetime();
      requirePositive(requestTimeout, "requestTimeout");
      requirePositive(metadataMaxAge, "metadataMaxAge");
      require(
          !expiryMargin.isNegative() && expiryMargin.compareTo(refreshMargin) <= 0,
          "expiryMargin must be between 0 and refreshMargin ("
              + refreshMargin.toSeconds()
              + " s), was "
              + expiryMargin.toSeconds()
              + " s");
      return new MaskinportenClient(this);
    }

    private JWSAlgorithm algorithm() {
      return algorithm != null ? algorithm : JwtGrant.defaultAlgorithm(signingKey);
    }

    private void requireLifetime() {
      require(
          grantLifetime.compareTo(Duration.ofSeconds(1)) >= 0
              && grantLifetime.compareTo(Duration.ofSeconds(JwtGrant.MAX_LIFETIME_SECONDS)) <= 0,
          "grantLifetime must be 1..120 s (Maskinporten answers MP-130 otherwise), was "
              + grantLifetime.toSeconds()
              + " s");
    }

    private static void requirePositive(Duration d, String name) {
      require(!d.isNegative() && !d.isZero(), name + " must be positive, was " + d);
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new MaskinportenConfigException(message);
      }
    }
  }
}
