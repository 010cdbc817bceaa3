package io.krrkit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POST a token endpoint with the next pre-signed grant of a {@link GrantPool}; with several
 * endpoints (nodes on one store), each request goes to the next in turn.
 */
final class PooledTokenScenario implements Scenario {
  private final HttpClient http;
  private final List<URI> tokenUris;
  private final AtomicLong sent = new AtomicLong();
  private final String name;
  private volatile GrantPool pool;

  PooledTokenScenario(HttpClient http, URI tokenUri, String name) {
    this(http, List.of(tokenUri), name);
  }

  PooledTokenScenario(HttpClient http, List<URI> tokenUris, String name) {
    this.http = http;
    this.tokenUris = List.copyOf(tokenUris);
    this.name = name;
  }

  /** Uses {@code next} from now on. */
  void use(GrantPool next) {
    this.pool = next;
  }

  @Override
  public int call() throws Exception {
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(tokenUris.get((int) (sent.getAndIncrement() % tokenUris.size())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(pool.next()))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(name + " answered " + response.statusCode());
    }
    return 1;
  }

  @Override
  public String name() {
    return name;
  }
}
