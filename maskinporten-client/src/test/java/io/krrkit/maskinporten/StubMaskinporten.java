package io.krrkit.maskinporten;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tiny Maskinporten look-alike on a JDK server, for faults the emulator cannot be made to show
 * (metadata going away, metadata naming another issuer, 5xx on the token endpoint). Its tokens are
 * opaque strings.
 */
final class StubMaskinporten implements AutoCloseable {
  /** What the metadata endpoint answers. */
  enum Metadata {
    GOOD,
    SERVER_ERROR,
    WRONG_ISSUER
  }

  private final HttpServer server;
  private final AtomicReference<Metadata> metadata = new AtomicReference<>(Metadata.GOOD);
  private final AtomicInteger metadataRequests = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final Queue<Answer> tokenFailures = new ConcurrentLinkedQueue<>();

  /** A scripted answer of the token endpoint. */
  record Answer(int status, String contentType, String body) {
    /** A JSON answer. */
    Answer(int status, String body) {
      this(status, "application/json", body);
    }
  }

  /** Where Maskinporten serves its metadata, for the issuer {@code /mp/}. */
  static final String MASKINPORTEN_METADATA = "/mp/.well-known/oauth-authorization-server";

  StubMaskinporten() throws IOException {
    this(MASKINPORTEN_METADATA);
  }

  /**
   * A stub serving its metadata at {@code metadataPath} only (other paths answer 404), e.g. the RFC
   * 8414 location {@code /.well-known/oauth-authorization-server/mp}.
   */
  StubMaskinporten(String metadataPath) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(metadataPath, this::metadata);
    server.createContext("/mp/token", this::token);
    server.start();
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/mp/";
  }

  void answerMetadata(Metadata answer) {
    metadata.set(answer);
  }

  int metadataRequests() {
    return metadataRequests.get();
  }

  /** The next {@code times} token requests get {@code answer} instead of a token. */
  void failTokenRequests(Answer answer, int times) {
    for (int i = 0; i < times; i++) {
      tokenFailures.add(answer);
    }
  }

  int tokenRequests() {
    return tokenRequests.get();
  }

  private void metadata(HttpExchange exchange) throws IOException {
    metadataRequests.incrementAndGet();
    switch (metadata.get()) {
      case GOOD -> send(exchange, 200, metadataJson(issuer()));
      case WRONG_ISSUER -> send(exchange, 200, metadataJson("https://maskinporten.no/"));
      case SERVER_ERROR -> send(exchange, 500, "{\"error\":\"server_error\"}");
    }
  }

  private String metadataJson(String claimedIssuer) {
    return "{\"issuer\":\""
        + claimedIssuer
        + "\",\"token_endpoint\":\""
        + issuer()
        + "token\",\"jwks_uri\":\""
        + issuer()
        + "jwk\"}";
  }

  private void token(HttpExchange exchange) throws IOException {
    int n = tokenRequests.incrementAndGet();
    Answer failure = tokenFailures.poll();
    if (failure != null) {
      send(exchange, failure.status(), failure.contentType(), failure.body());
      return;
    }
    send(
        exchange,
        200,
        "{\"access_token\":\"stub-token-"
            + n
            + "\",\"token_type\":\"Bearer\",\"expires_in\":120,"
            + "\"scope\":\"krr:global/kontaktinformasjon.read\"}");
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, "application/json", json);
  }

  private static void send(HttpExchange exchange, int status, String contentType, String text)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
