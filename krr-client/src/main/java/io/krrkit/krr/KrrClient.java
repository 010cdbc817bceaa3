package io.krrkit.krr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.KrrJson;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.PersonerRequest;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.TokenRequest;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up persons in KRR (Kontakt- og reservasjonsregisteret) through {@code POST
 * /rest/v2/personer} (or v1). Any number of identity numbers may be given: the client validates
 * them all before sending anything, asks for each distinct number once, in batches of at most 1000
 * sent in parallel (a bounded number at a time), retries 429, 5xx and connection failures with
 * backoff, and answers in request order.
 *
 * <p>A client is immutable and thread-safe; build one and share it.
 *
 * <pre>{@code
 * MaskinportenClient maskinporten = MaskinportenClient.builder()
 *     .environment(MaskinportenEnvironment.TEST)
 *     .clientId(integrationId)
 *     .signingKey(RSAKey.parse(privateJwkJson))
 *     .build();
 * KrrClient krr = KrrClient.builder()
 *     .environment(KrrEnvironment.TEST)
 *     .maskinporten(maskinporten, Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ)
 *     .build();
 *
 * LookupResult result = krr.lookup(List.of("20914695016", "01818010083"));
 * for (Person p : result.persons()) {
 *   String epost = p.usableEpostadresse(result.retrievedAt()); // null unless §32 allows it
 *   if (epost != null) {
 *     notify(epost);
 *   }
 * }
 * }</pre>
 *
 * <p>Any other token supplier plugs in as an {@link AccessTokenSource}. Failures are {@link
 * KrrException}s; nothing partial is returned.
 *
 * <p>For files of any size, with bounded memory and rows streamed in order, use {@link
 * BulkLookup#builder(KrrClient)}.
 *
 * <p>Against krr-local use {@code KrrEnvironment.custom(krrLocal.kontaktregisteretUrl())} and
 * {@code MaskinportenEnvironment.custom(krrLocal.maskinportenIssuer())}.
 */
public final class KrrClient {
  private static final Logger log = LoggerFactory.getLogger(KrrClient.class);

  private final KrrEnvironment environment;
  private final ApiVersion apiVersion;
  private final Boolean inkluderIkkeRegistrerte;
  private final int batchSize;
  private final int maxParallelBatches;
  private final Clock clock;
  private final IdentifierCheck check;
  private final BatchAnswer answers;
  private final PersonerCall call;

  private KrrClient(Builder b) {
    this.environment = b.call.environment();
    this.apiVersion = b.apiVersion;
    this.inkluderIkkeRegistrerte = b.apiVersion == ApiVersion.V2 ? b.inkluderIkkeRegistrerte : null;
    this.batchSize = b.batchSize;
    this.maxParallelBatches = b.maxParallelBatches;
    this.clock = b.call.clock();
    this.check = new IdentifierCheck(environment.isProduction() && !b.allowSyntheticInProduction);
    this.answers = new BatchAnswer(b.apiVersion == ApiVersion.V2 && !b.inkluderIkkeRegistrerte);
    ObjectMapper mapper = KrrJson.newObjectMapper();
    this.call =
        new PersonerCall(
            b.call.httpCall(
                environment.personerUri(apiVersion),
                mapper,
                () -> defaultHttpClient(b.call.requestTimeout()),
                log,
                "KRR lookup"),
            mapper);
  }

  /** A builder; {@link Builder#environment} and an access token source are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Looks up {@code ids} and waits for the answer.
   *
   * @return one person per identifier, in the order given
   * @throws KrrException when the lookup fails; nothing partial is returned
   */
  public LookupResult lookup(Collection<Personidentifikator> ids) {
    return await(lookupAsync(ids));
  }

  /**
   * Looks up identity numbers given as strings and waits for the answer. Every string is checked
   * first; if any is invalid, nothing is sent and a {@link KrrInvalidInputException} names the
   * positions.
   *
   * @return one person per identifier, in the order given
   * @throws KrrException when the lookup fails; nothing partial is returned
   */
  public LookupResult lookup(List<String> ids) {
    return await(lookupAsync(ids));
  }

  /**
   * Looks up {@code ids} without waiting. Every failure, invalid input included, completes the
   * future exceptionally with a {@link KrrException}. The first token may be fetched on the calling
   * thread.
   */
  public CompletableFuture<LookupResult> lookupAsync(Collection<Personidentifikator> ids) {
    Objects.requireNonNull(ids, "ids == null");
    List<String> values = new ArrayList<>(ids.size());
    for (Personidentifikator id : ids) {
      values.add(id == null ? null : id.value());
    }
    return lookupAsync(values);
  }

  /**
   * Looks up identity numbers given as strings without waiting; see {@link #lookup(List)} and
   * {@link #lookupAsync(Collection)}.
   */
  public CompletableFuture<LookupResult> lookupAsync(List<String> ids) {
    Objects.requireNonNull(ids, "ids == null");
    LookupPlan plan;
    try {
      plan = LookupPlan.of(check.check(new ArrayList<>(ids)), batchSize);
    } catch (KrrInvalidInputException e) {
      return CompletableFuture.failedFuture(e);
    }
    log.debug(
        "KRR lookup of {} identifiers ({} distinct) in {} batches at {}",
        plan.requested().size(),
        plan.distinct(),
        plan.batches().size(),
        environment.baseUri());
    List<Integer> batchIndexes = IntStream.range(0, plan.batches().size()).boxed().toList();
    return BoundedParallel.map(batchIndexes, maxParallelBatches, i -> lookupBatch(plan, i))
        .thenApply(answered -> result(plan, answered));
  }

  /** Where this client sends lookups. */
  public KrrEnvironment environment() {
    return environment;
  }

  /** The lookup API version this client uses. */
  public ApiVersion apiVersion() {
    return apiVersion;
  }

  private CompletableFuture<Map<String, Person>> lookupBatch(LookupPlan plan, int index) {
    String label = "batch " + (index + 1) + " of " + plan.batches().size();
    return lookupBatch(plan.batches().get(index), label);
  }

  /** One request for {@code ids} (distinct, valid, at most the batch size), with retries. */
  CompletableFuture<Map<String, Person>> lookupBatch(List<String> ids, String label) {
    return call.send(new PersonerRequest(ids, inkluderIkkeRegistrerte), label)
        .thenApply(answer -> answers.match(ids, answer));
  }

  int batchSize() {
    return batchSize;
  }

  int maxParallelBatches() {
    return maxParallelBatches;
  }

  IdentifierCheck identifierCheck() {
    return check;
  }

  private LookupResult result(LookupPlan plan, List<Map<String, Person>> answered) {
    Map<String, Person> byId = new HashMap<>(plan.distinct() * 2);
    answered.forEach(byId::putAll);
    List<Person> persons = plan.requested().stream().map(byId::get).toList();
    return new LookupResult(persons, clock.instant());
  }

  private static LookupResult await(CompletableFuture<LookupResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new KrrTransportException("Interrupted while waiting for KRR; lookup abandoned", e);
    } catch (ExecutionException e) {
      throw unchecked(e.getCause());
    }
  }

  static RuntimeException unchecked(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof KrrException e) {
      return e.rethrownInCaller();
    }
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new KrrTransportException("KRR lookup failed", t);
  }

  private static HttpClient defaultHttpClient(Duration requestTimeout) {
    Duration tenSeconds = Duration.ofSeconds(10);
    return HttpClient.newBuilder()
        .connectTimeout(requestTimeout.compareTo(tenSeconds) < 0 ? requestTimeout : tenSeconds)
        .build();
  }

  /**
   * Configures a {@link KrrClient}. Required: {@link #environment} and {@link #accessTokenSource}.
   * Everything else has a default.
   */
  public static final class Builder {
    /** The most batches one client sends at once. */
    public static final int MAX_PARALLEL_BATCHES = 16;

    private final KrrCallSettings call = new KrrCallSettings(Duration.ofSeconds(30));
    private ApiVersion apiVersion = ApiVersion.V2;
    private boolean inkluderIkkeRegistrerte;
    private int maxParallelBatches = 4;
    private int batchSize = PersonerRequest.MAX_IDENTIFIERS;
    private boolean allowSyntheticInProduction;

    private Builder() {}

    /** Where KRR is: {@link KrrEnvironment#TEST}, {@link KrrEnvironment#PRODUCTION} or custom. */
    public Builder environment(KrrEnvironment environment) {
      call.environment(environment);
      return this;
    }

    /**
     * Where bearer tokens come from (or use {@link #maskinporten}): Maskinporten tokens of the
     * matching environment with {@code krr:global/kontaktinformasjon.read} and/or {@code
     * krr:global/digitalpost.read}. The scopes decide which fields KRR returns.
     */
    public Builder accessTokenSource(AccessTokenSource tokens) {
      call.tokens(tokens);
      return this;
    }

    /**
     * Takes tokens from {@code maskinporten} (cached and refreshed by it) for these scopes, e.g.
     * {@code Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ}. The scopes decide
     * which fields KRR returns. A 401 from KRR drops the cached token and tries once more.
     */
    public Builder maskinporten(MaskinportenClient maskinporten, Scope scope, Scope... more) {
      return maskinporten(maskinporten, TokenRequest.of(scope, more));
    }

    /**
     * Takes tokens from {@code maskinporten} for {@code request}: use this form for a supplier's
     * {@code consumer_org} or an on-behalf-of client.
     */
    public Builder maskinporten(MaskinportenClient maskinporten, TokenRequest request) {
      call.tokens(new MaskinportenTokenSource(maskinporten, request));
      return this;
    }

    /** {@link ApiVersion#V2} (default) or {@link ApiVersion#V1}. */
    public Builder apiVersion(ApiVersion apiVersion) {
      this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion == null");
      return this;
    }

    /**
     * v2 only: ask KRR to answer unknown persons as {@code IKKE_REGISTRERT} itself instead of
     * leaving them out. Results look the same either way; with {@code true} the client can also
     * notice an answer that lacks a person. Default false, as in the API; v1 always includes them.
     */
    public Builder inkluderIkkeRegistrerte(boolean include) {
      this.inkluderIkkeRegistrerte = include;
      return this;
    }

    /** Batches in flight at once, 1 to {@value #MAX_PARALLEL_BATCHES}. Default 4. */
    public Builder maxParallelBatches(int max) {
      if (max < 1 || max > MAX_PARALLEL_BATCHES) {
        throw new IllegalArgumentException(
            "maxParallelBatches must be 1.." + MAX_PARALLEL_BATCHES + ", was " + max);
      }
      this.maxParallelBatches = max;
      return this;
    }

    /** Identifiers per request, 1 to 1000 (KRR's limit, the default and the fastest). */
    public Builder batchSize(int size) {
      if (size < 1 || size > PersonerRequest.MAX_IDENTIFIERS) {
        throw new IllegalArgumentException(
            "batchSize must be 1.." + PersonerRequest.MAX_IDENTIFIERS + ", was " + size);
      }
      this.batchSize = size;
      return this;
    }

    /** Retries of 429, 5xx and connection failures. Default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy policy) {
      call.retryPolicy(policy);
      return this;
    }

    /** How long one request may take before it counts as failed (and is retried). Default 30 s. */
    public Builder requestTimeout(Duration timeout) {
      call.requestTimeout(timeout);
      return this;
    }

    /** The clock that stamps results and reads {@code Retry-After} dates. Default system UTC. */
    public Builder clock(Clock clock) {
      call.clock(clock);
      return this;
    }

    /**
     * The JDK HTTP client to send with (proxy, TLS, executor). Default: a new one with a connect
     * timeout of at most 10 s.
     */
    public Builder httpClient(HttpClient httpClient) {
      call.httpClient(httpClient);
      return this;
    }

    /**
     * Lets synthetic test numbers (month + 80) through to {@link KrrEnvironment#PRODUCTION}, which
     * otherwise refuses them before sending. Default false.
     */
    public Builder allowSyntheticInProduction(boolean allow) {
      this.allowSyntheticInProduction = allow;
      return this;
    }

    /** Replaces real waiting before retries (tests). */
    Builder delayer(Delayer delayer) {
      call.delayer(delayer);
      return this;
    }

    /** Replaces the source of backoff jitter (tests). */
    Builder random(RandomGenerator random) {
      call.random(random);
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException when the environment or the access token source is missing, or
     *     the Maskinporten client belongs to the other Digdir environment
     */
    public KrrClient build() {
      call.requireComplete(
          "an access token source is required: accessTokenSource(...) with Maskinporten tokens");
      return new KrrClient(this);
    }
  }
}
