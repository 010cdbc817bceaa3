package io.krrkit.maskinporten.micrometer;

import io.krrkit.maskinporten.AccessToken;
import io.krrkit.maskinporten.MaskinportenErrorException;
import io.krrkit.maskinporten.MaskinportenException;
import io.krrkit.maskinporten.MaskinportenListener;
import io.krrkit.maskinporten.TokenRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;

/**
 * Counts what a {@link io.krrkit.maskinporten.MaskinportenClient} does in a Micrometer registry.
 * Micrometer is an optional dependency of maskinporten-client: add {@code
 * io.micrometer:micrometer-core} to use this class; nothing else needs it.
 *
 * <ul>
 *   <li>{@code maskinporten.tokens.fetched}: tokens Maskinporten issued
 *   <li>{@code maskinporten.token.cache} with {@code result=hit|stale|miss}: cache lookups
 *   <li>{@code maskinporten.token.failures} with {@code code} ({@code MP-xxx}, {@code transport},
 *       {@code response} or {@code config}): failed token requests, background refreshes included
 *   <li>{@code maskinporten.metadata.failures}: failed metadata refreshes
 * </ul>
 *
 * <pre>{@code
 * MaskinportenClient.builder()...listener(new MicrometerMaskinportenListener(registry)).build();
 * }</pre>
 *
 * Scopes are not tags: they are chosen by the caller and could make many time series.
 */
public final class MicrometerMaskinportenListener implements MaskinportenListener {
  private final MeterRegistry registry;
  private final Counter fetched;
  private final Counter hits;
  private final Counter stale;
  private final Counter misses;
  private final Counter metadataFailures;

  /** Registers the meters in {@code registry}. */
  public MicrometerMaskinportenListener(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry == null");
    this.fetched =
        Counter.builder("maskinporten.tokens.fetched")
            .description("Access tokens issued by Maskinporten")
            .register(registry);
    this.hits = cache("hit");
    this.stale = cache("stale");
    this.misses = cache("miss");
    this.metadataFailures =
        Counter.builder("maskinporten.metadata.failures")
            .description("Failed refreshes of Maskinporten's metadata")
            .register(registry);
  }

  @Override
  public void cacheHit(TokenRequest request) {
    hits.increment();
  }

  @Override
  public void cacheStale(TokenRequest request) {
    stale.increment();
  }

  @Override
  public void cacheMiss(TokenRequest request) {
    misses.increment();
  }

  @Override
  public void tokenFetched(TokenRequest request, AccessToken token) {
    fetched.increment();
  }

  @Override
  public void tokenFetchFailed(TokenRequest request, MaskinportenException error) {
    Counter.builder("maskinporten.token.failures")
        .description("Failed token requests, background refreshes included")
        .tag("code", code(error))
        .register(registry)
        .increment();
  }

  @Override
  public void metadataRefreshFailed(MaskinportenException error) {
    metadataFailures.increment();
  }

  private Counter cache(String result) {
    return Counter.builder("maskinporten.token.cache")
        .description("Token cache lookups")
        .tag("result", result)
        .register(registry);
  }

  private static String code(MaskinportenException error) {
    if (error instanceof MaskinportenErrorException e) {
      return e.code().orElse(e.error());
    }
    String type = error.getClass().getSimpleName();
    return type.substring("Maskinporten".length(), type.length() - "Exception".length())
        .toLowerCase(Locale.ROOT);
  }
}
