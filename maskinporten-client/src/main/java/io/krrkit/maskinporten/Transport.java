package io.krrkit.maskinporten;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends requests to Maskinporten with the JDK client and turns I/O failures and timeouts into
 * {@link MaskinportenTransportException}s that name the URL.
 */
final class Transport {
  private final HttpClient http;
  private final Duration timeout;

  Transport(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /** GETs {@code uri}, accepting JSON. */
  CompletableFuture<HttpResponse<String>> get(URI uri) {
    return send(request(uri).GET().build());
  }

  /** POSTs a form body (already encoded) to {@code uri}. */
  CompletableFuture<HttpResponse<String>> postForm(URI uri, String formBody) {
    return send(
        request(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8))
            .build());
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
  }

  private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
    CompletableFuture<HttpResponse<String>> result = new CompletableFuture<>();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .whenComplete(
            (response, error) -> {
              if (error == null) {
                result.complete(response);
              } else {
                result.completeExceptionally(failure(request, unwrap(error)));
              }
            });
    return result;
  }

  private MaskinportenTransportException failure(HttpRequest request, Throwable error) {
    String target = request.method() + " " + request.uri();
    if (error instanceof HttpTimeoutException) {
      return new MaskinportenTransportException(
          "no answer from "
              + target
              + " within "
              + timeout.toMillis()
              + " ms; try again later,"
              + " or raise the request timeout",
          error);
    }
    String reason =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    String hint =
        error instanceof IOException
            ? "check the network, proxy and the issuer URL"
            : "check the issuer URL and the HttpClient";
    return new MaskinportenTransportException(
        "could not reach " + target + " (" + reason + "); " + hint, error);
  }

  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
