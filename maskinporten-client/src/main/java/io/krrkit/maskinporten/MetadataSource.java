package io.krrkit.maskinporten;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers the token endpoint from the issuer's metadata and caches the document. The locations of
 * {@link MaskinportenEnvironment#metadataLocations()} are tried in order, moving on only when one
 * holds no document (4xx, or not JSON); a 5xx, a connection failure or a document naming another
 * issuer stops the search. After {@code maxAge} it is refreshed in the background; a failed refresh
 * keeps the last good document, so a metadata outage never stops token requests.
 */
final class MetadataSource {
  private static final Logger log = LoggerFactory.getLogger(MetadataSource.class);

  private final MaskinportenEnvironment environment;
  private final Transport transport;
  private final Clock clock;
  private final Duration maxAge;
  private final MaskinportenListener listener;
  private final RefreshingValue<ServerMetadata> cached;

  MetadataSource(
      MaskinportenEnvironment environment,
      Transport transport,
      Clock clock,
      Duration maxAge,
      MaskinportenListener listener) {
    this.environment = environment;
    this.transport = transport;
    this.clock = clock;
    this.maxAge = maxAge;
    this.listener = listener;
    this.cached =
        new RefreshingValue<>(
            clock,
            this::fetch,
            (metadata, error) -> {
              if (error != null) {
                reportFailure(error);
              }
            });
  }

  /** The current document; waits only when none has been fetched yet. */
  CompletableFuture<ServerMetadata> current() {
    return cached.read().value();
  }

  private CompletableFuture<RefreshingValue.Entry<ServerMetadata>> fetch() {
    return discover(environment.metadataLocations(), 0, new ArrayList<>()).thenApply(this::entry);
  }

  private CompletableFuture<ServerMetadata> discover(
      List<URI> locations, int i, List<String> tried) {
    URI uri = locations.get(i);
    return transport
        .get(uri)
        .thenCompose(
            r -> {
              Optional<String> miss = ServerMetadata.notHere(r.statusCode(), r.body());
              if (miss.isEmpty()) {
                return CompletableFuture.completedFuture(
                    ServerMetadata.parse(r.statusCode(), r.body(), uri, environment.issuer()));
              }
              tried.add(uri + " (" + miss.get() + ")");
              if (i + 1 < locations.size()) {
                return discover(locations, i + 1, tried);
              }
              throw new MaskinportenResponseException(
                  r.statusCode(),
                  "found no authorization server metadata for issuer "
                      + environment.issuer()
                      + "; tried "
                      + String.join(", ", tried)
                      + ". Check the issuer URL");
            });
  }

  /** Stale after maxAge; never expired, so the last good document outlives failed refreshes. */
  private RefreshingValue.Entry<ServerMetadata> entry(ServerMetadata metadata) {
    return new RefreshingValue.Entry<>(metadata, clock.instant().plus(maxAge), Instant.MAX);
  }

  private void reportFailure(Throwable error) {
    if (error instanceof MaskinportenException e) {
      log.warn("Maskinporten metadata refresh failed: {}", e.getMessage());
      listener.metadataRefreshFailed(e);
    }
  }
}
