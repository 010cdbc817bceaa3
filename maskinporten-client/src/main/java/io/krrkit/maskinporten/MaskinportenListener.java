package io.krrkit.maskinporten;

/**
 * Hears what a {@link MaskinportenClient} does, for metrics and tests. Every method has an empty
 * default; override those you need. Calls come from caller threads and the HTTP client's threads,
 * so implementations must be thread-safe and quick. An exception thrown here is logged and
 * otherwise ignored.
 */
public interface MaskinportenListener {

  /** A cached token was fresh and returned without any request. */
  default void cacheHit(TokenRequest request) {}

  /** A cached token was returned, but it is near expiry, so one background refresh runs. */
  default void cacheStale(TokenRequest request) {}

  /** No usable token was cached; the caller waits for a token request. */
  default void cacheMiss(TokenRequest request) {}

  /** Maskinporten issued a token. */
  default void tokenFetched(TokenRequest request, AccessToken token) {}

  /** A token request failed (in the background or not). */
  default void tokenFetchFailed(TokenRequest request, MaskinportenException error) {}

  /** Fetching the metadata failed; an earlier good document, if any, stays in use. */
  default void metadataRefreshFailed(MaskinportenException error) {}
}
