package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.Internals;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client reaches the emulator through an HTTP proxy: a forwarding proxy on a JDK server stands
 * in for a corporate one (the emulator is no proxy).
 */
class ProxyTest {
  @RegisterExtension static final MaskinportenFixture fixture = new MaskinportenFixture();

  private final List<String> proxied = new CopyOnWriteArrayList<>();
  private final HttpClient upstream = HttpClient.newHttpClient();
  private HttpServer proxy;

  @BeforeEach
  void startProxy() throws IOException {
    proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    proxy.createContext("/", this::forward);
    proxy.start();
  }

  @AfterEach
  void stopProxy() {
    proxy.stop(0);
  }

  @Test
  void getsATokenThroughTheProxy() {
    TestClient registered = fixture.registerClient();
    MaskinportenClient client =
        MaskinportenClient.builder()
            .environment(fixture.environment())
            .clientId(registered.clientId())
            .signingKey(registered.key())
            .clock(fixture.clientClock())
            .proxy("127.0.0.1", proxy.getAddress().getPort())
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    AccessToken token = client.getToken(Scope.KRR_KONTAKTINFORMASJON_READ);

    assertThat(
            Internals.of(fixture.krr())
                .tokenVerifier()
                .verify(token.authorizationHeader())
                .clientId())
        .isEqualTo(registered.clientId());
    assertThat(proxied)
        .containsExactly(
            "GET " + fixture.krr().maskinportenIssuer() + ".well-known/oauth-authorization-server",
            "POST " + fixture.krr().maskinportenIssuer() + "token");
  }

  @Test
  void refusesAProxyOrConnectTimeoutTogetherWithAnOwnHttpClient() {
    TestClient registered = fixture.registerClient();
    MaskinportenClient.Builder builder =
        MaskinportenClient.builder()
            .environment(fixture.environment())
            .clientId(registered.clientId())
            .signingKey(registered.key())
            .httpClient(HttpClient.newHttpClient())
            .proxy("proxy.example.no", 3128);

    assertThatThrownBy(builder::build)
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("set them on the HttpClient");
  }

  /** Forwards the absolute-URI request a client sends to a proxy, and answers with the reply. */
  private void forward(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    proxied.add(method + " " + exchange.getRequestURI());
    byte[] body = exchange.getRequestBody().readAllBytes();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(exchange.getRequestURI())
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type != null) {
      request.header("Content-Type", type);
    }
    try {
      HttpResponse<byte[]> reply =
          upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      reply
          .headers()
          .firstValue("Content-Type")
          .ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
      exchange.sendResponseHeaders(reply.statusCode(), reply.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(502, -1);
    }
  }
}
