package io.krrkit.selfservice;

import static io.krrkit.selfservice.Exchange.await;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Digdir's self-service API: register, read, change and delete your organisation's clients
 * (integrations), their public keys and on-behalf-of registrations; through {@link #scopes()}, an
 * API owner's scopes and who may use them. Each call asks Maskinporten for a token with the one
 * scope it needs ({@code idporten:dcr.read}, {@code .write} or {@code .modify}; {@code
 * idporten:dcr.supplier} for a {@linkplain Builder#supplier supplier}), so an admin client holding
 * only some of them can still make the calls those allow. Thread-safe: share one instance.
 *
 * <pre>{@code
 * SelfServiceClient selfService = SelfServiceClient.builder()
 *     .environment(SelfServiceEnvironment.TEST)
 *     .maskinporten(adminClient) // a MaskinportenClient of your admin client, test.maskinporten.no
 *     .build();
 *
 * RegisteredClient krr = selfService.createClient(ClientRequest.krr("Varsling").build());
 * selfService.uploadKey(krr.clientId(), rsaKey); // the public part, with its kid
 * }</pre>
 *
 * <p>Every method has an asynchronous twin ({@code …Async}) whose future fails with the same {@link
 * SelfServiceException}, wrapped in a {@code CompletionException}.
 */
public final class SelfServiceClient {
  private final SelfServiceEnvironment environment;
  private final Exchange exchange;
  private final ScopeAdmin scopes;
  private final boolean supplier;

  private SelfServiceClient(Builder b) {
    this.environment = b.environment;
    this.supplier = b.supplier;
    HttpClient http =
        b.httpClient != null
            ? b.httpClient
            : HttpClient.newBuilder().connectTimeout(b.timeout).build();
    RetryRule retry = new RetryRule(b.maxAttempts, b.initialBackoff, b.maxBackoff);
    this.exchange =
        new Exchange(
            http, b.maskinporten, b.timeout, Json.newMapper(), environment, retry, b.clock);
    this.scopes = new ScopeAdmin(exchange);
  }

  /** A builder; environment and Maskinporten client are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers a new client ({@code POST /clients}): owned by your organisation (dcr.write), or,
   * when the request names a customer in {@code client_orgno}, owned by that customer with you as
   * its {@code supplier_orgno} ({@code idporten:dcr.supplier}).
   *
   * <pre>{@code
   * RegisteredClient forCustomer = selfService.createClient(
   *     ClientRequest.krr("Varsling for kunde").clientOrgno(OrgNumber.of("910753614")).build());
   * }</pre>
   */
  public RegisteredClient createClient(ClientRequest request) {
    return await(createClientAsync(request));
  }

  /** The asynchronous twin of {@link #createClient}. */
  public CompletableFuture<RegisteredClient> createClientAsync(ClientRequest request) {
    Objects.requireNonNull(request, "request == null");
    Scope scope = request.clientOrgno() == null ? Scope.DCR_WRITE : Scope.DCR_SUPPLIER;
    return send("POST", "/clients", scope, request, RegisteredClient.class);
  }

  /** Your organisation's clients ({@code GET /clients}, dcr.read). */
  public List<RegisteredClient> listClients() {
    return await(listClientsAsync());
  }

  /** The asynchronous twin of {@link #listClients}. */
  public CompletableFuture<List<RegisteredClient>> listClientsAsync() {
    return exchange.sendForList(
        "GET", "/clients", clientScope(Scope.DCR_READ), RegisteredClient.class);
  }

  /**
   * One of your clients ({@code GET /clients/{id}}, dcr.read).
   *
   * @throws SelfServiceErrorException with status 404 when your organisation has no such client
   */
  public RegisteredClient getClient(String clientId) {
    return await(getClientAsync(clientId));
  }

  /** The asynchronous twin of {@link #getClient}. */
  public CompletableFuture<RegisteredClient> getClientAsync(String clientId) {
    return send(
        "GET", clientPath(clientId), clientScope(Scope.DCR_READ), null, RegisteredClient.class);
  }

  /**
   * Replaces the writable fields of a client ({@code PUT /clients/{id}}, dcr.modify). Fields left
   * out get their defaults, so start from {@link RegisteredClient#toRequest()}; the integration
   * type cannot change.
   */
  public RegisteredClient updateClient(String clientId, ClientRequest request) {
    return await(updateClientAsync(clientId, request));
  }

  /** The asynchronous twin of {@link #updateClient}. */
  public CompletableFuture<RegisteredClient> updateClientAsync(
      String clientId, ClientRequest request) {
    Objects.requireNonNull(request, "request == null");
    return send(
        "PUT",
        clientPath(clientId),
        clientScope(Scope.DCR_MODIFY),
        request,
        RegisteredClient.class);
  }

  /** Deletes a client and its keys ({@code DELETE /clients/{id}}, dcr.modify). */
  public void deleteClient(String clientId) {
    await(deleteClientAsync(clientId));
  }

  /** The asynchronous twin of {@link #deleteClient}. */
  public CompletableFuture<Void> deleteClientAsync(String clientId) {
    return send("DELETE", clientPath(clientId), clientScope(Scope.DCR_MODIFY), null, null);
  }

  /** The keys registered on a client ({@code GET /clients/{id}/jwks}, dcr.read). */
  public ClientKeySet getKeys(String clientId) {
    return await(getKeysAsync(clientId));
  }

  /** The asynchronous twin of {@link #getKeys}. */
  public CompletableFuture<ClientKeySet> getKeysAsync(String clientId) {
    return send("GET", keysPath(clientId), clientScope(Scope.DCR_READ), null, ClientKeySet.class);
  }

  /**
   * Replaces the whole key set of a client with {@code keys}, one to {@value ClientKeySet#MAX_KEYS}
   * ({@code POST /clients/{id}/jwks}, dcr.modify). Keys left out stop working; to remove every key
   * use {@link #deleteKeys}.
   */
  public ClientKeySet uploadKeys(String clientId, List<ClientKey> keys) {
    return await(uploadKeysAsync(clientId, keys));
  }

  /** The asynchronous twin of {@link #uploadKeys}. */
  public CompletableFuture<ClientKeySet> uploadKeysAsync(String clientId, List<ClientKey> keys) {
    Map<String, List<ClientKey>> jwks = Map.of("keys", List.copyOf(keys));
    return send(
        "POST", keysPath(clientId), clientScope(Scope.DCR_MODIFY), jwks, ClientKeySet.class);
  }

  /**
   * Makes the public part of {@code key}, with its kid, the client's only key. To keep the other
   * keys (rotation), use {@link #addKey}.
   *
   * @throws SelfServiceConfigException when the key has no kid
   */
  public ClientKeySet uploadKey(String clientId, RSAKey key) {
    return await(uploadKeyAsync(clientId, key));
  }

  /** The asynchronous twin of {@link #uploadKey}. */
  public CompletableFuture<ClientKeySet> uploadKeyAsync(String clientId, RSAKey key) {
    return uploadKeysAsync(clientId, List.of(ClientKey.of(key)));
  }

  /**
   * Adds the public part of {@code key} to the client's keys, replacing a key with the same kid:
   * reads the set, then uploads it with the key added. For rotation, where old and new key work
   * side by side until the old one is removed with {@link #deleteKey}.
   */
  public ClientKeySet addKey(String clientId, RSAKey key) {
    return await(addKeyAsync(clientId, key));
  }

  /** The asynchronous twin of {@link #addKey}. */
  public CompletableFuture<ClientKeySet> addKeyAsync(String clientId, RSAKey key) {
    ClientKey added = ClientKey.of(key);
    return getKeysAsync(clientId)
        .thenCompose(
            set -> {
              List<ClientKey> keys = new ArrayList<>(set.keys());
              keys.removeIf(k -> k.kid().equals(added.kid()));
              keys.add(added);
              return uploadKeysAsync(clientId, keys);
            });
  }

  /** Removes every key of a client ({@code DELETE /clients/{id}/jwks}, dcr.modify). */
  public void deleteKeys(String clientId) {
    await(deleteKeysAsync(clientId));
  }

  /** The asynchronous twin of {@link #deleteKeys}. */
  public CompletableFuture<Void> deleteKeysAsync(String clientId) {
    return send("DELETE", keysPath(clientId), clientScope(Scope.DCR_MODIFY), null, null);
  }

  /**
   * Removes the key {@code kid} from a client: reads the set, then uploads it without the key (or
   * deletes the set when it was the last key).
   *
   * @return false when the client has no key {@code kid} (nothing changed)
   */
  public boolean deleteKey(String clientId, String kid) {
    return await(deleteKeyAsync(clientId, kid));
  }

  /** The asynchronous twin of {@link #deleteKey}. */
  public CompletableFuture<Boolean> deleteKeyAsync(String clientId, String kid) {
    Objects.requireNonNull(kid, "kid == null");
    return getKeysAsync(clientId)
        .thenCompose(
            set -> {
              if (set.find(kid).isEmpty()) {
                return CompletableFuture.completedFuture(false);
              }
              List<ClientKey> rest = set.keys().stream().filter(k -> !k.kid().equals(kid)).toList();
              CompletableFuture<?> change =
                  rest.isEmpty() ? deleteKeysAsync(clientId) : uploadKeysAsync(clientId, rest);
              return change.thenApply(done -> true);
            });
  }

  /**
   * The on-behalf-of registrations of a client ({@code GET /clients/{id}/onbehalfof}, dcr.read):
   * the customers it acts for with {@code iss_onbehalfof}.
   */
  public List<OnBehalfOf> listOnBehalfOf(String clientId) {
    return await(listOnBehalfOfAsync(clientId));
  }

  /** The asynchronous twin of {@link #listOnBehalfOf}. */
  public CompletableFuture<List<OnBehalfOf>> listOnBehalfOfAsync(String clientId) {
    return exchange.sendForList("GET", onBehalfOfPath(clientId), Scope.DCR_READ, OnBehalfOf.class);
  }

  /**
   * Registers a customer the client acts for ({@code POST /clients/{id}/onbehalfof},
   * idporten:dcr/onbehalfof:write); its {@code onbehalfof} id must be new on the client.
   */
  public OnBehalfOf addOnBehalfOf(String clientId, OnBehalfOf registration) {
    return await(addOnBehalfOfAsync(clientId, registration));
  }

  /** The asynchronous twin of {@link #addOnBehalfOf}. */
  public CompletableFuture<OnBehalfOf> addOnBehalfOfAsync(
      String clientId, OnBehalfOf registration) {
    Objects.requireNonNull(registration, "registration == null");
    return send(
        "POST",
        onBehalfOfPath(clientId),
        Scope.DCR_ONBEHALFOF_WRITE,
        registration,
        OnBehalfOf.class);
  }

  /**
   * Removes an on-behalf-of registration ({@code DELETE /clients/{id}/onbehalfof/{onbehalfof}},
   * idporten:dcr/onbehalfof:write).
   *
   * @throws SelfServiceErrorException with status 404 when the client has no such registration
   */
  public void deleteOnBehalfOf(String clientId, String onbehalfof) {
    await(deleteOnBehalfOfAsync(clientId, onbehalfof));
  }

  /** The asynchronous twin of {@link #deleteOnBehalfOf}. */
  public CompletableFuture<Void> deleteOnBehalfOfAsync(String clientId, String onbehalfof) {
    Objects.requireNonNull(onbehalfof, "onbehalfof == null");
    String path = onBehalfOfPath(clientId) + "/" + encode(onbehalfof);
    return send("DELETE", path, Scope.DCR_ONBEHALFOF_WRITE, null, null);
  }

  /**
   * The scope and access API of an API owner ({@code /scopes}, {@code idporten:scopes.write}), and
   * what scopes exist and were granted to you. Shares this client's connection and tokens.
   *
   * <pre>{@code
   * ScopeAdmin scopes = selfService.scopes();
   * scopes.create(ScopeRequest.builder("difi", "api3").description("API nummer 3").build());
   * scopes.grant(Scope.of("difi:api3"), OrgNumber.of("889640782"));
   * }</pre>
   */
  public ScopeAdmin scopes() {
    return scopes;
  }

  /** The API this client talks to. */
  public SelfServiceEnvironment environment() {
    return environment;
  }

  @Override
  public String toString() {
    return "SelfServiceClient[baseUrl=" + environment.baseUrl() + "]";
  }

  private <T> CompletableFuture<T> send(
      String method, String path, Scope scope, Object body, Class<T> answer) {
    return exchange.send(method, path, scope, body, answer);
  }

  /** The scope a call about clients needs: {@code own}, or dcr.supplier for a supplier. */
  private Scope clientScope(Scope own) {
    return supplier ? Scope.DCR_SUPPLIER : own;
  }

  private static String clientPath(String clientId) {
    Objects.requireNonNull(clientId, "clientId == null");
    if (clientId.isBlank()) {
      throw new SelfServiceConfigException("clientId is blank; listClients() shows your clients");
    }
    // Path-safe whatever the id holds; real ids are UUIDs.
    return "/clients/" + encode(clientId);
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String onBehalfOfPath(String clientId) {
    return clientPath(clientId) + "/onbehalfof";
  }

  private static String keysPath(String clientId) {
    return clientPath(clientId) + "/jwks";
  }

  /** Configures a {@link SelfServiceClient}; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    /** Default {@link #timeout(Duration)}: 30 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private SelfServiceEnvironment environment;
    private MaskinportenClient maskinporten;
    private HttpClient httpClient;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean supplier;
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Which API: {@code TEST}, {@code PRODUCTION} or a custom base URL. Required. */
    public Builder environment(SelfServiceEnvironment environment) {
      this.environment = Objects.requireNonNull(environment, "environment == null");
      return this;
    }

    /**
     * The Maskinporten client of your admin client, holding the {@code idporten:dcr.*} scopes the
     * calls need; its environment must match ({@code TEST} with {@code TEST}). Required.
     */
    public Builder maskinporten(MaskinportenClient maskinporten) {
      this.maskinporten = Objects.requireNonNull(maskinporten, "maskinporten == null");
      return this;
    }

    /** The HTTP client to use (proxy, TLS, executor). Default: a new one. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    /**
     * Act as a supplier: calls about clients and their keys ask for {@code idporten:dcr.supplier}
     * instead of {@code dcr.read}/{@code .write}/{@code .modify}, as the API wants for the clients
     * you registered for customers ({@code client_orgno}). Default false.
     */
    public Builder supplier(boolean supplier) {
      this.supplier = supplier;
      return this;
    }

    /** Timeout of each HTTP request (and of connecting, for the default client). Default 30 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * How often a call is sent in all, 1..10. Default 3; 1 turns retries off. Every call is tried
     * again after 429 and 503, which say the request was not handled; {@code GET}, {@code PUT} and
     * {@code DELETE} also after 502, 504 and a dropped connection, which leave that open. A 500,
     * any other status and a time-out are final.
     */
    public Builder maxAttempts(int attempts) {
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Waits between tries: {@code initial}, doubling up to {@code max}, each with random jitter of
     * up to half; a {@code Retry-After} the answer carries is waited instead, and one longer than
     * {@code max} ends the tries at once. Default 200 ms and 5 s.
     */
    public Builder retryBackoff(Duration initial, Duration max) {
      this.initialBackoff = Objects.requireNonNull(initial, "initial == null");
      this.maxBackoff = Objects.requireNonNull(max, "max == null");
      return this;
    }

    /**
     * The clock a {@code Retry-After} date is read against (default the system clock): give the
     * emulator's when its clock is frozen or moved, as for the {@link MaskinportenClient}.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws SelfServiceConfigException naming the setting that is missing or wrong
     */
    public SelfServiceClient build() {
      require(environment != null, "environment is required, e.g. SelfServiceEnvironment.TEST");
      require(
          maskinporten != null,
          "maskinporten is required: a MaskinportenClient of an admin client with idporten:dcr.*"
              + " scopes");
      require(
          !timeout.isNegative() && !timeout.isZero(), "timeout must be positive, was " + timeout);
      requireMatchingEnvironments();
      new RetryRule(maxAttempts, initialBackoff, maxBackoff); // refuses a bad retry setting here
      return new SelfServiceClient(this);
    }

    private void requireMatchingEnvironments() {
      MaskinportenEnvironment mp = maskinporten.environment();
      boolean mixed =
          (environment.equals(SelfServiceEnvironment.TEST)
                  && mp.equals(MaskinportenEnvironment.PRODUCTION))
              || (environment.equals(SelfServiceEnvironment.PRODUCTION)
                  && mp.equals(MaskinportenEnvironment.TEST));
      require(
          !mixed,
          "the self-service API in "
              + environment.baseUrl()
              + " accepts tokens only from its own Maskinporten, not "
              + mp.issuer());
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new SelfServiceConfigException(message);
      }
    }
  }
}
