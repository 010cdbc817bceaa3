package io.krrkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * An ID-porten login as native apps do it (RFC 8252): a one-shot HTTP server on {@code
 * 127.0.0.1:<free port>} receives the redirect, the browser shows ID-porten's login page, and the
 * code is redeemed with PKCE (S256). {@code state} and {@code nonce} are checked here, on the
 * client side.
 */
final class LoopbackLogin {
  static final String CALLBACK_PATH = "/callback";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpClient http;
  private final String issuer;
  private final String clientId;
  private final String scope;
  private final Duration timeout;

  LoopbackLogin(HttpClient http, String issuer, String clientId, String scope, Duration timeout) {
    this.http = http;
    this.issuer = issuer;
    this.clientId = clientId;
    this.scope = scope;
    this.timeout = timeout;
  }

  /** Logs in, handing the authorize URL to {@code browser}; returns the access token. */
  String accessToken(Consumer<URI> browser) throws IOException, InterruptedException {
    JsonNode metadata = getJson(URI.create(issuer + "/.well-known/openid-configuration"));
    String state = random();
    String nonce = random();
    String verifier = random();
    CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(CALLBACK_PATH, exchange -> receive(exchange, answer));
    server.start();
    try {
      String redirectUri = "http://127.0.0.1:" + server.getAddress().getPort() + CALLBACK_PATH;
      browser.accept(authorizeUri(metadata, redirectUri, state, nonce, verifier));
      String code = code(await(answer), state);
      JsonNode tokens = redeem(metadata, code, redirectUri, verifier);
      checkNonce(tokens, nonce);
      return tokens.get("access_token").asText();
    } finally {
      server.stop(0);
    }
  }

  private URI authorizeUri(
      JsonNode metadata, String redirectUri, String state, String nonce, String verifier) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clientId);
    p.put("redirect_uri", redirectUri);
    p.put("scope", scope);
    p.put("state", state);
    p.put("nonce", nonce);
    p.put("code_challenge", challenge(verifier));
    p.put("code_challenge_method", "S256");
    return URI.create(metadata.get("authorization_endpoint").asText() + "?" + form(p));
  }

  private static void receive(HttpExchange exchange, CompletableFuture<Map<String, String>> answer)
      throws IOException {
    Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
    boolean ok = params.containsKey("code");
    byte[] page =
        ("<!DOCTYPE html><html><body><h1>"
                + (ok ? "Logged in" : "Login failed")
                + "</h1><p>You can close this window and return to krr.</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(ok ? 200 : 400, page.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(page);
    }
    answer.complete(params);
  }

  private Map<String, String> await(CompletableFuture<Map<String, String>> answer)
      throws InterruptedException {
    try {
      return answer.get(timeout.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new CliErrors.Failure(
          ExitCode.SERVICE_ERROR,
          "no login within " + timeout.toSeconds() + " s; run the command again (--timeout)");
    } catch (ExecutionException e) {
      throw new IllegalStateException("the login callback failed", e.getCause());
    }
  }

  private static String code(Map<String, String> params, String state) {
    if (!state.equals(params.get("state"))) {
      throw new CliErrors.Failure(
          ExitCode.SERVICE_ERROR,
          "the login answer's state does not match the request (a forged or stale redirect);"
              + " log in again");
    }
    if (params.containsKey("error")) {
      throw new CliErrors.Failure(
          ExitCode.SERVICE_ERROR,
          "ID-porten refused the login: "
              + params.get("error")
              + " "
              + params.getOrDefault("error_description", ""));
    }
    String code = params.get("code");
    if (code == null) {
      throw new CliErrors.Failure(ExitCode.SERVICE_ERROR, "the login answer holds no code");
    }
    return code;
  }

  private JsonNode redeem(JsonNode metadata, String code, String redirectUri, String verifier)
      throws IOException, InterruptedException {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("grant_type", "authorization_code");
    p.put("code", code);
    p.put("redirect_uri", redirectUri);
    p.put("client_id", clientId);
    p.put("code_verifier", verifier);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(metadata.get("token_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(p)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = parse(response.body());
    if (response.statusCode() != 200 || !body.has("access_token")) {
      throw new CliErrors.Failure(
          ExitCode.SERVICE_ERROR,
          "ID-porten refused the code: "
              + body.path("error").asText("HTTP " + response.statusCode())
              + " "
              + body.path("error_description").asText(""));
    }
    return body;
  }

  private static void checkNonce(JsonNode tokens, String nonce) {
    if (!tokens.has("id_token")) {
      return;
    }
    try {
      Object claim =
          SignedJWT.parse(tokens.get("id_token").asText()).getJWTClaimsSet().getClaim("nonce");
      if (!nonce.equals(claim)) {
        throw new CliErrors.Failure(
            ExitCode.SERVICE_ERROR,
            "the ID token's nonce does not match the request; log in again");
      }
    } catch (ParseException e) {
      throw new CliErrors.Failure(
          ExitCode.SERVICE_ERROR, "ID-porten sent an ID token that is not a JWT");
    }
  }

  private JsonNode getJson(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new CliErrors.Failure(
          ExitCode.SERVICE_ERROR,
          "no OpenID metadata at " + uri + " (HTTP " + response.statusCode() + ")");
    }
    return parse(response.body());
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new CliErrors.Failure(ExitCode.SERVICE_ERROR, "ID-porten answered something not JSON");
    }
  }

  static String challenge(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String form(Map<String, String> params) {
    StringJoiner joined = new StringJoiner("&");
    params.forEach(
        (k, v) ->
            joined.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return joined.toString();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      try {
        if (eq > 0) {
          params.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      } catch (IllegalArgumentException e) {
        // A broken pair is left out: a callback without a good state and code is refused.
      }
    }
    return params;
  }
}
