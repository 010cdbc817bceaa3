package io.krrkit.krr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.krrkit.core.krr.KrrJson;
import io.krrkit.core.krr.PersonerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A tiny stand-in for KRR that answers from a script, for what the emulator cannot produce (429
 * with Retry-After, 503 then success, answers lacking persons, real answers' empty values). Every
 * other test runs against the real emulator.
 */
final class ScriptedKrr implements AutoCloseable {
  static final ObjectMapper JSON = KrrJson.newObjectMapper();

  /** One scripted answer. */
  record Reply(int status, Map<String, String> headers, String body) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> all = new java.util.HashMap<>(headers);
      all.put(name, value);
      return new Reply(status, all, body);
    }
  }

  /** One request as received. */
  record Received(String path, String authorization, PersonerRequest body) {}

  private final HttpServer server;
  private final Deque<Function<Received, Reply>> script = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  final List<Duration> waits = new CopyOnWriteArrayList<>();

  private ScriptedKrr() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  static ScriptedKrr start() {
    return new ScriptedKrr();
  }

  /** Queues a reply computed from the request. */
  synchronized ScriptedKrr then(Function<Received, Reply> reply) {
    script.add(reply);
    return this;
  }

  /** Queues a fixed reply. */
  ScriptedKrr then(Reply reply) {
    return then(request -> reply);
  }

  /** Queues {@code times} fixed replies. */
  ScriptedKrr then(Reply reply, int times) {
    for (int i = 0; i < times; i++) {
      then(reply);
    }
    return this;
  }

  /** Requests received so far, in order. */
  List<Received> received() {
    return List.copyOf(received);
  }

  /** A client builder aimed at this server, recording waits instead of sleeping. */
  KrrClient.Builder client() {
    return KrrClient.builder()
        .environment(KrrEnvironment.custom("http://localhost:" + server.getAddress().getPort()))
        .accessTokenSource(AccessTokenSource.fixed("scripted-token"))
        .delayer(
            wait -> {
              waits.add(wait);
              return CompletableFuture.completedFuture(null);
            });
  }

  /** A v1-style answer: every asked identifier as an active person. */
  static Reply everyoneActive(Received request) {
    return answer(request.body().personidentifikatorer());
  }

  /** An answer holding exactly {@code ids}, each an active person. */
  static Reply answer(List<String> ids) {
    ObjectNode json = JSON.createObjectNode();
    ArrayNode personer = json.putArray("personer");
    for (String id : ids) {
      personer
          .addObject()
          .put("personidentifikator", id)
          .put("reservasjon", "NEI")
          .put("status", "AKTIV");
    }
    return Reply.json(200, json.toString());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Received request =
          new Received(
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Authorization"),
              JSON.readValue(exchange.getRequestBody().readAllBytes(), PersonerRequest.class));
      received.add(request);
      Reply reply = next().apply(request);
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private synchronized Function<Received, Reply> next() {
    Function<Received, Reply> reply = script.poll();
    return reply != null ? reply : request -> Reply.json(500, "{\"error\":\"script_exhausted\"}");
  }

  /** The identifiers of every request, flattened, in arrival order. */
  List<String> askedIds() {
    List<String> all = new ArrayList<>();
    received.forEach(r -> all.addAll(r.body().personidentifikatorer()));
    return all;
  }
}
