package io.krrkit.maskinporten;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes events on to a user's listener; its exceptions are logged, never thrown at callers. */
final class SafeListener implements MaskinportenListener {
  private static final Logger log = LoggerFactory.getLogger(SafeListener.class);

  private final MaskinportenListener delegate;

  SafeListener(MaskinportenListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void cacheHit(TokenRequest request) {
    run(() -> delegate.cacheHit(request));
  }

  @Override
  public void cacheStale(TokenRequest request) {
    run(() -> delegate.cacheStale(request));
  }

  @Override
  public void cacheMiss(TokenRequest request) {
    run(() -> delegate.cacheMiss(request));
  }

  @Override
  public void tokenFetched(TokenRequest request, AccessToken token) {
    run(() -> delegate.tokenFetched(request, token));
  }

  @Override
  public void tokenFetchFailed(TokenRequest request, MaskinportenException error) {
    run(() -> delegate.tokenFetchFailed(request, error));
  }

  @Override
  public void metadataRefreshFailed(MaskinportenException error) {
    run(() -> delegate.metadataRefreshFailed(error));
  }

  private static void run(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      log.warn("MaskinportenListener threw; the client carries on", e);
    }
  }
}
