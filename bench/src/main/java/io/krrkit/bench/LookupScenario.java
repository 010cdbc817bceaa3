package io.krrkit.bench;

import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.TokenRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POST /rest/v2/personer with a batch of identifiers drawn from the seeded register, both KRR
 * scopes in the token. The answer is read whole (as bytes) but not parsed, so the figure is the
 * server's.
 */
final class LookupScenario implements Scenario {
  private final HttpClient http;
  private final List<URI> personer;
  private final AtomicLong sent = new AtomicLong();
  private final MaskinportenClient maskinporten;
  private final TokenRequest scopes;
  private final List<String> bodies;
  private final int batch;

  LookupScenario(
      HttpClient http,
      String krrBaseUrl,
      MaskinportenClient maskinporten,
      TokenRequest scopes,
      List<String> ids,
      int batch) {
    this(http, List.of(krrBaseUrl), maskinporten, scopes, ids, batch);
  }

  /** As above, each request to the next of {@code krrBaseUrls} in turn (nodes on one store). */
  LookupScenario(
      HttpClient http,
      List<String> krrBaseUrls,
      MaskinportenClient maskinporten,
      TokenRequest scopes,
      List<String> ids,
      int batch) {
    this.http = http;
    this.personer = krrBaseUrls.stream().map(u -> URI.create(u + "/rest/v2/personer")).toList();
    this.maskinporten = maskinporten;
    this.scopes = scopes;
    this.batch = batch;
    this.bodies = bodies(ids, batch);
  }

  /** Pre-built request bodies, so the load generator spends its time on requests. */
  private static List<String> bodies(List<String> ids, int batch) {
    List<String> result = new java.util.ArrayList<>();
    for (int from = 0; from + batch <= ids.size(); from += batch) {
      StringBuilder body = new StringBuilder("{\"personidentifikatorer\":[");
      for (int i = from; i < from + batch; i++) {
        body.append(i > from ? ",\"" : "\"").append(ids.get(i)).append('"');
      }
      result.add(body.append("]}").toString());
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException("need at least " + batch + " identifiers");
    }
    return result;
  }

  @Override
  public int call() throws Exception {
    String body = bodies.get(ThreadLocalRandom.current().nextInt(bodies.size()));
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(personer.get((int) (sent.getAndIncrement() % personer.size())))
                .header("Content-Type", "application/json")
                .header("Authorization", maskinporten.getToken(scopes).authorizationHeader())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("lookup answered " + response.statusCode());
    }
    return batch;
  }

  @Override
  public String name() {
    return "lookup x" + batch;
  }
}
