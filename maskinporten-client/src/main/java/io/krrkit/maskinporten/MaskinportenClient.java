package io.krrkit.maskinporten;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

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
 * <p>Against krr-local use {@code MaskinportenEnvironment.custom(krr.maskinportenIssuer())}. A
 * client without registered keys signs with its enterprise certificate instead of {@code
 * signingKey}: {@code .keystore(Path.of("org.p12"), "virksomhetssertifikat", password)}.
 */
public final class MaskinportenClient {
  private final MaskinportenEnvironment environment;
  private final String clientId;
  private final TokenCache cache;

  private MaskinportenClient(Builder b) {
    this.environment = b.environment;
    this.clientId = b.clientId;
    MaskinportenListener listener = new SafeListener(b.listener);
    HttpClient http = b.httpClient != null ? b.httpClient : b.defaultHttpClient();
    Transport transport = new Transport(http, b.requestTimeout);
    MetadataSource metadata =
        new MetadataSource(b.environment, transport, b.clock, b.metadataMaxAge, listener);
    TokenEndpoint.Signer signer =
        new TokenEndpoint.Signer(
            b.clientId, b.sendSubject, b.credential(), b.grantLifetime, b.clock);
    Retrier retrier =
        new Retrier(b.maxAttempts, b.initialBackoff, b.maxBackoff, b.delayer, b.jitter);
    TokenEndpoint endpoint = new TokenEndpoint(metadata, transport, signer, retrier);
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

  /** The asynchronous twin of {@link #getToken(Scope, Scope...)}. */
  public CompletableFuture<AccessToken> getTokenAsync(Scope scope, Scope... more) {
    return getTokenAsync(TokenRequest.of(scope, more));
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
      return e.rethrownInCaller().retryAfter(e.retryAfter().orElse(null));
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

    /** Default {@link #connectTimeout(Duration)}: 5 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Default {@link #maxAttempts(int)}: 3 (the first try and two retries). */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** Default first wait of {@link #retryBackoff(Duration, Duration)}: 200 ms. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);

    /** Default longest wait of {@link #retryBackoff(Duration, Duration)}: 5 s. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

    private MaskinportenEnvironment environment;
    private String clientId;
    private boolean sendSubject;
    private RSAKey signingKey;
    private EnterpriseCertificate certificate;
    private JWSAlgorithm algorithm;
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Duration grantLifetime = Duration.ofSeconds(JwtGrant.MAX_LIFETIME_SECONDS);
    private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
    private Duration expiryMargin = DEFAULT_EXPIRY_MARGIN;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration metadataMaxAge = DEFAULT_METADATA_MAX_AGE;
    private MaskinportenListener listener = new MaskinportenListener() {};
    private Duration connectTimeout;
    private ProxySelector proxy;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Retrier.Delayer delayer = Retrier.Delayer.REAL;
    private LongUnaryOperator jitter = bound -> ThreadLocalRandom.current().nextLong(bound);

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
     * Whether each grant also carries {@code sub} = the client id. RFC 7523 §3 requires {@code
     * sub}; Maskinporten's grant table does not list it, so the default is {@code false}. Turn it
     * on for an authorization server that refuses grants without it.
     */
    public Builder sendSubject(boolean send) {
      this.sendSubject = send;
      return this;
    }

    /**
     * The private RSA key that signs grants; its {@code kid} must be registered on the client.
     * Required, unless the client signs with an enterprise certificate ({@link #keystore}, {@link
     * #certificate}).
     */
    public Builder signingKey(RSAKey key) {
      this.signingKey = Objects.requireNonNull(key, "key == null");
      return this;
    }

    /**
     * Signs grants with the enterprise certificate (virksomhetssertifikat) in entry {@code alias}
     * of a PKCS#12 or JKS keystore file, sending its chain as {@code x5c}: for clients without
     * registered keys. The keystore and the key share {@code password}.
     *
     * @param alias the entry, or {@code null} for the keystore's only private key entry
     * @throws MaskinportenConfigException when the file, password or alias is wrong
     */
    public Builder keystore(Path file, String alias, char[] password) {
      return certificate(EnterpriseCertificate.fromKeyStore(file, alias, password));
    }

    /**
     * Signs grants with the enterprise certificate in entry {@code alias} of a loaded {@code
     * keyStore}; see {@link #keystore(Path, String, char[])}.
     */
    public Builder keystore(KeyStore keyStore, String alias, char[] keyPassword) {
      return certificate(EnterpriseCertificate.fromKeyStore(keyStore, alias, keyPassword));
    }

    /**
     * Signs grants with {@code privateKey}, sending {@code chain} (the certificate first, then each
     * issuing CA) as {@code x5c}; see {@link #keystore(Path, String, char[])}.
     */
    public Builder certificate(PrivateKey privateKey, List<X509Certificate> chain) {
      return certificate(EnterpriseCertificate.of(privateKey, chain));
    }

    /** Signs grants with {@code certificate}; see {@link #keystore(Path, String, char[])}. */
    public Builder certificate(EnterpriseCertificate certificate) {
      this.certificate = Objects.requireNonNull(certificate, "certificate == null");
      return this;
    }

    /** RS256, RS384 or RS512. Default: the key's {@code alg} when one of those, else RS256. */
    public Builder signingAlgorithm(JWSAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm == null");
      return this;
    }

    /**
     * The HTTP client to use (TLS, executor, proxy). Default: a new one per client, with {@link
     * #connectTimeout} and {@link #proxy}; those two cannot be combined with this.
     */
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

    /** Timeout of each HTTP request, from sending to the whole answer. Default 10 s. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /** Timeout of opening a connection, for the default HTTP client. Default 5 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /** Reach Maskinporten through an HTTP proxy, for the default HTTP client. Default: none. */
    public Builder proxy(ProxySelector proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy == null");
      return this;
    }

    /** Reach Maskinporten through the HTTP proxy {@code host:port}. */
    public Builder proxy(String host, int port) {
      Objects.requireNonNull(host, "host == null");
      if (port < 1 || port > 65535) {
        throw new MaskinportenConfigException("proxy port must be 1..65535, was " + port);
      }
      return proxy(ProxySelector.of(InetSocketAddress.createUnresolved(host, port)));
    }

    /**
     * How often a token request is tried in all when Maskinporten cannot be reached or answers 5xx
     * or 429 (any other 4xx answer is never retried), 1..10. Default 3; 1 turns retries off.
     */
    public Builder maxAttempts(int attempts) {
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Waits between tries: {@code initial}, doubling up to {@code max}, each with random jitter of
     * up to half; a {@code Retry-After} the answer carries is waited instead, and one longer than
     * {@code max} ends the tries at once ({@link MaskinportenException#retryAfter()}). Default 200
     * ms and 5 s.
     */
    public Builder retryBackoff(Duration initial, Duration max) {
      this.initialBackoff = Objects.requireNonNull(initial, "initial == null");
      this.maxBackoff = Objects.requireNonNull(max, "max == null");
      return this;
    }

    /** For tests: waits between retries without sleeping, and a fixed jitter. */
    Builder retryTiming(Retrier.Delayer delayer, LongUnaryOperator jitter) {
      this.delayer = Objects.requireNonNull(delayer, "delayer == null");
      this.jitter = Objects.requireNonNull(jitter, "jitter == null");
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
      require(
          signingKey != null || certificate != null,
          "a signing key is required: signingKey(RSAKey) for a key registered on the client, or"
              + " keystore(...) for an enterprise certificate");
      require(
          signingKey == null || certificate == null,
          "give either signingKey (sent as kid) or an enterprise certificate (sent as x5c), not"
              + " both");
      credential();
      requireLifetime();
      requirePositive(requestTimeout, "requestTimeout");
      requirePositive(metadataMaxAge, "metadataMaxAge");
      requireTransport();
      require(
          !expiryMargin.isNegative() && expiryMargin.compareTo(refreshMargin) <= 0,
          "expiryMargin must be between 0 and refreshMargin ("
              + refreshMargin.toSeconds()
              + " s), was "
              + expiryMargin.toSeconds()
              + " s");
      return new MaskinportenClient(this);
    }

    private void requireTransport() {
      require(
          httpClient == null || (connectTimeout == null && proxy == null),
          "connectTimeout and proxy apply to the default HTTP client; set them on the HttpClient"
              + " you pass to httpClient(...) instead");
      if (connectTimeout != null) {
        requirePositive(connectTimeout, "connectTimeout");
      }
      require(
          maxAttempts >= 1 && maxAttempts <= 10, "maxAttempts must be 1..10, was " + maxAttempts);
      requirePositive(initialBackoff, "retryBackoff initial");
      require(
          maxBackoff.compareTo(initialBackoff) >= 0,
          "retryBackoff max must be at least the initial backoff, was " + maxBackoff);
    }

    private HttpClient defaultHttpClient() {
      HttpClient.Builder http =
          HttpClient.newBuilder()
              .connectTimeout(connectTimeout != null ? connectTimeout : DEFAULT_CONNECT_TIMEOUT);
      if (proxy != null) {
        http.proxy(proxy);
      }
      return http.build();
    }

    /** What signs the grants; checks that it can. */
    private GrantCredential credential() {
      if (certificate != null) {
        JWSAlgorithm alg = algorithm != null ? algorithm : JWSAlgorithm.RS256;
        return new GrantCredential.Certificate(certificate, alg);
      }
      JWSAlgorithm alg = algorithm != null ? algorithm : JwtGrant.defaultAlgorithm(signingKey);
      JwtGrant.requireSigningKey(signingKey, alg);
      return new GrantCredential.RegisteredKey(signingKey, alg);
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
