package io.krrkit.maskinporten;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what a client reports, and lets a test wait (bounded) for background work to land. */
final class RecordingListener implements MaskinportenListener {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final BlockingQueue<AccessToken> fetched = new LinkedBlockingQueue<>();
  private final BlockingQueue<MaskinportenException> metadataFailures = new LinkedBlockingQueue<>();

  List<String> events() {
    return List.copyOf(events);
  }

  long count(String event) {
    return events.stream().filter(event::equals).count();
  }

  /** The next token fetched (in order), waiting at most ten seconds. */
  AccessToken nextFetchedToken() throws InterruptedException {
    return await(fetched, "token request");
  }

  /** The next metadata failure, waiting at most ten seconds. */
  MaskinportenException nextMetadataFailure() throws InterruptedException {
    return await(metadataFailures, "metadata failure");
  }

  private <T> T await(BlockingQueue<T> queue, String what) throws InterruptedException {
    T next = queue.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("no " + what + " within 10 s; events: " + events);
    }
    return next;
  }

  @Override
  public void cacheHit(TokenRequest request) {
    events.add("hit");
  }

  @Override
  public void cacheStale(TokenRequest request) {
    events.add("stale");
  }

  @Override
  public void cacheMiss(TokenRequest request) {
    events.add("miss");
  }

  @Override
  public void tokenFetched(TokenRequest request, AccessToken token) {
    events.add("fetched");
    fetched.add(token);
  }

  @Override
  public void tokenFetchFailed(TokenRequest request, MaskinportenException error) {
    events.add("failed");
  }

  @Override
  public void metadataRefreshFailed(MaskinportenException error) {
    events.add("metadata-failed");
    metadataFailures.add(error);
  }
}
