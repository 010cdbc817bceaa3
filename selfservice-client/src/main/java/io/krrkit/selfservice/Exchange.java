package io.krrkit.selfservice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.Scope;
import io.krrkit.maskinporten.AccessToken;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.TokenRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link Call}s: gets a token for the call's scope (none for open endpoints), sends the
 * request, retries once with a new token after a 401, tries again after a busy or dropped answer as
 * {@link RetryRule} says, and turns the answer into a value or a {@link SelfServiceException}.
 */
final class Exchange {
  private static final Logger LOG = LoggerFactory.getLogger(SelfServiceClient.class);

  private final HttpClient http;
  private final MaskinportenClient maskinporten;
  private final Duration timeout;
  private final ObjectMapper json;
  private final SelfServiceEnvironment environment;
  private final RetryRule retry;
  private final Clock clock; // reads Retry-After dates

  Exchange(
      HttpClient http,
      MaskinportenClient maskinporten,
      Duration timeout,
      ObjectMapper json,
      SelfServiceEnvironment environment,
      RetryRule retry,
      Clock clock) {
    this.http = http;
    this.maskinporten = maskinporten;
    this.timeout = timeout;
    this.json = json;
    this.environment = environment;
    this.retry = retry;
    this.clock = clock;
  }

  /**
   * Sends {@code method path} (under {@code /api/v1}) with a token for {@code scope} and reads the
   * answer as {@code answer}, or nothing when {@code answer} is {@code null}.
   */
  <T> CompletableFuture<T> send(
      String method, String path, Scope scope, Object body, Class<T> answer) {
    JavaType type = answer == null ? null : json.getTypeFactory().constructType(answer);
    return send(new Call(method, path, environment.api(path), scope, body), type);
  }

  /**
   * Sends {@code method path} with a token for {@code scope}, or without a token for an open
   * endpoint when {@code scope} is {@code null}, and reads the answer as a JSON array of {@code
   * element}.
   */
  <T> CompletableFuture<List<T>> sendForList(
      String method, String path, Scope scope, Class<T> element) {
    JavaType list = json.getTypeFactory().constructCollectionType(List.class, element);
    return send(new Call(method, path, environment.api(path), scope, null), list);
  }

  /** Sends {@code call} and reads the answer as {@code answer}, or {@code null} for none. */
  <T> CompletableFuture<T> send(Call call, JavaType answer) {
    byte[] body = serialize(call);
    return tried(call, body, 1).thenApply(response -> read(call, response, answer));
  }

  /** Attempt {@code n} of {@code call}, and the next ones while {@link RetryRule} says so. */
  private CompletableFuture<HttpResponse<String>> tried(Call call, byte[] body, int n) {
    return attempt(call, body, true)
        .handle(
            (response, error) -> {
              Throwable cause = error == null ? null : unwrap(error);
              Optional<Duration> wait = retry.next(n, call.method(), response, cause, clock);
              if (wait.isEmpty()) {
                return cause == null
                    ? CompletableFuture.completedFuture(response)
                    : CompletableFuture.<HttpResponse<String>>failedFuture(cause);
              }
              LOG.debug(
                  "{} {}; trying again in {} ms, attempt {} of {}",
                  call,
                  response == null ? "failed" : "answered " + response.statusCode(),
                  wait.get().toMillis(),
                  n + 1,
                  retry.maxAttempts());
              Executor later =
                  CompletableFuture.delayedExecutor(wait.get().toMillis(), TimeUnit.MILLISECONDS);
              return CompletableFuture.runAsync(() -> {}, later)
                  .thenCompose(x -> tried(call, body, n + 1));
            })
        .thenCompose(Function.identity());
  }

  /**
   * The value of {@code future}, for the synchronous twins: its {@link SelfServiceException} is
   * thrown again with the caller's stack trace.
   */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SelfServiceTransportException(
          "interrupted while waiting for the self-service API", e);
    }
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof SelfServiceException e) {
      return e.rethrownInCaller();
    }
    if (cause instanceof RuntimeException e) {
      return e;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new SelfServiceTransportException("self-service call failed: " + cause, cause);
  }

  private CompletableFuture<HttpResponse<String>> attempt(
      Call call, byte[] body, boolean mayRetry) {
    if (call.scope() == null) {
      return transmit(call, request(call, body, null));
    }
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
            .method(call.method(), publisher);
    if (token != null) {
      request.header("Authorization", token.authorizationHeader());
    }
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
