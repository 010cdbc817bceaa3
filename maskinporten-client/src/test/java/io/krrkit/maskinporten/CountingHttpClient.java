package io.krrkit.maskinporten;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A real JDK client that counts the requests sent through it and can hold token requests at a gate,
 * so a test can keep one in flight while other callers arrive.
 */
final class CountingHttpClient extends HttpClient {
  private final HttpClient delegate = HttpClient.newHttpClient();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger metadataRequests = new AtomicInteger();
  private final AtomicReference<CompletableFuture<Void>> gate =
      new AtomicReference<>(CompletableFuture.completedFuture(null));

  int tokenRequests() {
    return tokenRequests.get();
  }

  int metadataRequests() {
    return metadataRequests.get();
  }

  /** Token requests sent from now on wait until {@link #releaseTokenRequests()}. */
  void holdTokenRequests() {
    gate.set(new CompletableFuture<>());
  }

  /** Lets held and later token requests through. */
  void releaseTokenRequests() {
    gate.get().complete(null);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    if (isTokenRequest(request)) {
      tokenRequests.incrementAndGet();
      return gate.get().thenCompose(v -> delegate.sendAsync(request, handler));
    }
    metadataRequests.incrementAndGet();
    return delegate.sendAsync(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return sendAsync(request, handler);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    throw new UnsupportedOperationException("the client under test only sends asynchronously");
  }

  private static boolean isTokenRequest(HttpRequest request) {
    return request.method().equals("POST");
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
