package io.krrkit.krr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.EndringerResponse;
import io.krrkit.core.krr.KrrJson;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.TokenRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KRR's change feed ({@code POST /rest/v2/krr/hentEndringer}) for holders of a local copy, with
 * scope {@code krr:global/hentendring.read}. {@link #sync} brings a {@link LocalCopy} up to date:
 * it asks from the copy's last change id, applies each page, and asks again from the page's {@code
 * tilEndringsId} until that reaches {@code sisteEndringsId}. Digdir requires holders to sync at
 * least daily.
 *
 * <pre>{@code
 * ChangeFeed feed = ChangeFeed.builder()
 *     .environment(KrrEnvironment.custom(krrLocal.kontaktregisteretUrl()))
 *     .maskinporten(maskinporten)
 *     .build();
 * try (JsonLinesCopy copy = JsonLinesCopy.open(Path.of("krr-copy"))) {
 *   SyncResult result = feed.sync(copy);
 * }
 * }</pre>
 *
 * <p>Thread-safe; failures are {@link KrrException}s.
 */
public final class ChangeFeed {
  /** The scope the change feed needs; KRR grants it only to holders of a local copy. */
  public static final Scope SCOPE = Scope.of("krr:global/hentendring.read");

  private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

  private final KrrEnvironment environment;
  private final ChangeFeedCall call;

  private ChangeFeed(Builder b) {
    this.environment = b.call.environment();
    ObjectMapper mapper = KrrJson.newObjectMapper();
    this.call =
        new ChangeFeedCall(
            b.call.httpCall(
                changesUri(environment), mapper, HttpClient::newHttpClient, log, "KRR change feed"),
            mapper);
  }

  /** A builder; {@link Builder#environment} and a token source are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** One page: the current state of up to 1000 persons changed after {@code fraEndringsId}. */
  public EndringerResponse fetch(long fraEndringsId) {
    return call.send(fraEndringsId);
  }

  /**
   * Applies every change after {@code copy}'s last change id to it, page by page, until it is up to
   * date.
   *
   * @throws KrrException when a page cannot be had; pages applied before stay applied
   */
  public SyncResult sync(LocalCopy copy) {
    long from = copy.lastChangeId();
    long fra = from;
    int pages = 0;
    long persons = 0;
    while (true) {
      EndringerResponse page = fetch(fra);
      pages++;
      persons += page.list().size();
      copy.apply(page.list(), page.tilEndringsId());
      if (page.isLast()) {
        log.info(
            "KRR copy synced: {} persons in {} pages, change id {} -> {}",
            persons,
            pages,
            from,
            page.tilEndringsId());
        return new SyncResult(from, page.tilEndringsId(), pages, persons);
      }
      if (page.tilEndringsId() <= fra) {
        throw new KrrResponseException(
            "The KRR change feed did not advance past change id "
                + fra
                + " though more changes remain (sisteEndringsId "
                + page.sisteEndringsId()
                + "); report it with the time of the sync",
            null);
      }
      fra = page.tilEndringsId();
    }
  }

  /** Where this feed reads. */
  public KrrEnvironment environment() {
    return environment;
  }

  private static URI changesUri(KrrEnvironment environment) {
    return URI.create(environment.baseUri() + "/rest/v2/krr/hentEndringer");
  }

  /** Configures a {@link ChangeFeed}; environment and token source are required. */
  public static final class Builder {
    private final KrrCallSettings call = new KrrCallSettings(Duration.ofSeconds(60));

    private Builder() {}

    /** Where KRR is. */
    public Builder environment(KrrEnvironment environment) {
      call.environment(environment);
      return this;
    }

    /** Bearer tokens carrying {@link ChangeFeed#SCOPE}. */
    public Builder accessTokenSource(AccessTokenSource tokens) {
      call.tokens(tokens);
      return this;
    }

    /** Takes tokens for {@link ChangeFeed#SCOPE} from {@code maskinporten}. */
    public Builder maskinporten(MaskinportenClient maskinporten) {
      call.tokens(new MaskinportenTokenSource(maskinporten, TokenRequest.of(SCOPE)));
      return this;
    }

    /** The JDK HTTP client to send with. Default: a new one. */
    public Builder httpClient(HttpClient httpClient) {
      call.httpClient(httpClient);
      return this;
    }

    /** Retries of 429, 5xx and connection failures. Default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy policy) {
      call.retryPolicy(policy);
      return this;
    }

    /** How long one page may take. Default 60 s. */
    public Builder requestTimeout(Duration timeout) {
      call.requestTimeout(timeout);
      return this;
    }

    /** The clock that reads {@code Retry-After} dates. Default system UTC. */
    public Builder clock(Clock clock) {
      call.clock(clock);
      return this;
    }

    /** Builds the feed; throws {@link IllegalStateException} when a required part is missing. */
    public ChangeFeed build() {
      call.requireComplete(
          "a token source is required: maskinporten(...) or accessTokenSource(...) with " + SCOPE);
      return new ChangeFeed(this);
    }
  }
}
