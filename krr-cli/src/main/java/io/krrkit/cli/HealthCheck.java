package io.krrkit.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The container image's health check: exits 0 when the emulator on this host answers its
 * Maskinporten metadata with 200, else 1. A plain {@code main} on the JDK's HTTP client, so the
 * image needs no curl and the check starts in a fraction of a second:
 *
 * <pre>{@code
 * java -cp krr.jar io.krrkit.cli.HealthCheck [URL]
 * }</pre>
 *
 * <p>Without a URL it asks {@code http://127.0.0.1:$KRR_LOCAL_PORT} (default 7070).
 */
public final class HealthCheck {
  static final String PATH = "/maskinporten/.well-known/oauth-authorization-server";

  private HealthCheck() {}

  /** Runs the check; the exit code is the answer. */
  public static void main(String[] args) {
    String base = args.length > 0 ? args[0] : defaultBase(System.getenv());
    boolean healthy = check(URI.create(base + PATH), Duration.ofSeconds(3));
    System.out.println(healthy ? "healthy" : "unhealthy: " + base + PATH + " did not answer 200");
    System.exit(healthy ? 0 : 1);
  }

  static String defaultBase(Map<String, String> env) {
    return "http://127.0.0.1:" + env.getOrDefault("KRR_LOCAL_PORT", "7070");
  }

  /** True when {@code uri} answers 200 within {@code timeout}. */
  static boolean check(URI uri, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
