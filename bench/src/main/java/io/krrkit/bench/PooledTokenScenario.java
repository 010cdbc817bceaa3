package io.krrkit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** POST a token endpoint with the next pre-signed grant of a {@link GrantPool}. */
final class PooledTokenScenario implements Scenario {
  private final HttpClient http;
  private final URI tokenUri;
  private final String name;
  private volatile GrantPool pool;

  PooledTokenScenario(HttpClient http, URI tokenUri, String name) {
    this.http = http;
    this.tokenUri = tokenUri;
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
            HttpRequest.newBuilder(tokenUri)
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
