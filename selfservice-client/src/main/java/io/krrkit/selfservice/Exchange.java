package io.krrkit.selfservice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.maskinporten.AccessToken;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.TokenRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link Call}s: gets a token for the call's scope, sends the request, retries once with a
 * new token after a 401, and turns the answer into a value or a {@link SelfServiceException}.
 */
final class Exchange {
  private static final Logger LOG = LoggerFactory.getLogger(SelfServiceClient.class);

  private final HttpClient http;
  private final MaskinportenClient maskinporten;
  private final Duration timeout;
  private final ObjectMapper json;

  Exchange(HttpClient http, MaskinportenClient maskinporten, Duration timeout, ObjectMapper json) {
    this.http = http;
    this.maskinporten = maskinporten;
    this.timeout = timeout;
    this.json = json;
  }

  /** Sends {@code call} and reads the answer as {@code answer}, or {@code null} for none. */
  <T> CompletableFuture<T> send(Call call, JavaType answer) {
    byte[] body = serialize(call);
    return attempt(call, body, true).thenApply(response -> read(call, response, answer));
  }

  private CompletableFuture<HttpResponse<String>> attempt(
      Call call, byte[] body, boolean mayRetry) {
    TokenRequest tokenRequest = TokenRequest.of(call.scope());
    return token(call, tokenRequest)
        .thenCompose(token -> transmit(call, request(call, body, token)))
        .thenCompose(
            response -> {
              if (response.statusCode() == 401 && mayRetry) {
                // A token revoked or expired on its way: one more try with a new one.
                maskinporten.invalidate(tokenRequest);
                return attempt(call, body, false);
              }
              return CompletableFuture.completedFuture(response);
            });
  }

  private CompletableFuture<AccessToken> token(Call call, TokenRequest tokenRequest) {
    return maskinporten
        .getTokenAsync(tokenRequest)
        .exceptionallyCompose(
            e ->
                CompletableFuture.failedFuture(
                    new SelfServiceTokenException(
                        "no Maskinporten token with scope "
                            + call.scope()
                            + " for "
                            + call
                            + ": "
                            + unwrap(e).getMessage(),
                        unwrap(e))));
  }

  private HttpRequest request(Call call, byte[] body, AccessToken token) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(call.uri())
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("Authorization", token.authorizationHeader())
            .method(call.method(), publisher);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return request.build();
  }

  private CompletableFuture<HttpResponse<String>> transmit(Call call, HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(transportError(call, unwrap(e))));
  }

  private <T> T read(Call call, HttpResponse<String> response, JavaType answer) {
    int status = response.statusCode();
    LOG.debug("{} answered {}", call, status);
    if (status < 200 || status > 299) {
      throw ErrorEnvelope.toException(call, status, response.body(), json);
    }
    if (answer == null) {
      return null;
    }
    try {
      return json.readValue(response.body(), answer);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // No cause: a parser's message may quote the body, and bodies can hold a client_secret.
      throw new SelfServiceResponseException(
          call
              + " answered "
              + status
              + " with a body that is not the API's JSON"
              + where(e)
              + "; check that the base URL points at the self-service API");
    }
  }

  private byte[] serialize(Call call) {
    if (call.body() == null) {
      return null;
    }
    try {
      return json.writeValueAsBytes(call.body());
    } catch (JsonProcessingException e) {
      throw new SelfServiceConfigException("cannot write the body of " + call + " as JSON", e);
    }
  }

  private static SelfServiceException transportError(Call call, Throwable e) {
    if (e instanceof SelfServiceException known) {
      return known;
    }
    String what =
        e instanceof HttpTimeoutException
            ? "got no answer in time"
            : "could not be sent (" + e.getClass().getSimpleName() + ")";
    return new SelfServiceTransportException(
        call + " " + what + "; check the base URL and the network, then try again", e);
  }

  private static String where(Exception e) {
    return e instanceof JsonMappingException m && !m.getPath().isEmpty()
        ? " (at " + m.getPathReference() + ")"
        : "";
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
