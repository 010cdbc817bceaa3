package io.krrkit.maskinporten.validation;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.krrkit.core.IssuerUrls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The issuer's keys over HTTP: {@code jwks_uri} from the issuer's metadata, then the JWKS, cached
 * for {@code maxAge}. The metadata is looked for at {@link IssuerUrls#metadataLocations} in order
 * ({@code {issuer}.well-known/oauth-authorization-server}, the RFC 8414 location, OpenID's), moving
 * on only when one answers 4xx or with something that is not JSON. An unknown {@code kid} refetches
 * at once, but at most once per {@code minRefetchInterval}, so tokens with made-up key ids cannot
 * flood the issuer. A failed fetch keeps the last good keys. Thread-safe.
 */
final class HttpJwksSource implements JWKSource<SecurityContext> {
  private final String issuer;
  private final HttpClient http;
  private final Duration timeout;
  private final Duration maxAge;
  private final Duration minRefetchInterval;
  private final Clock clock;

  private JWKSet keys;
  private Instant fetchedAt;
  private Instant attemptedAt;

  HttpJwksSource(
      String issuer,
      HttpClient http,
      Duration timeout,
      Duration maxAge,
      Duration minRefetchInterval,
      Clock clock) {
    this.issuer = issuer;
    this.http = http;
    this.timeout = timeout;
    this.maxAge = maxAge;
    this.minRefetchInterval = minRefetchInterval;
    this.clock = clock;
  }

  @Override
  public synchronized List<JWK> get(JWKSelector selector, SecurityContext context)
      throws KeySourceException {
    Instant now = clock.instant();
    if (keys == null || !fetchedAt.plus(maxAge).isAfter(now)) {
      refetch(now, keys == null);
    }
    List<JWK> found = selector.select(keys);
    if (found.isEmpty() && mayRefetch(now)) {
      refetch(now, false);
      found = selector.select(keys);
    }
    return found;
  }

  private boolean mayRefetch(Instant now) {
    return attemptedAt == null || !attemptedAt.plus(minRefetchInterval).isAfter(now);
  }

  /** Fetches the keys; a failure throws only when there are none to fall back on. */
  private void refetch(Instant now, boolean mustSucceed) throws KeySourceException {
    if (!mustSucceed && !mayRefetch(now)) {
      return;
    }
    attemptedAt = now;
    try {
      keys = JWKSet.parse(fetch(jwksUri()));
      fetchedAt = now;
    } catch (IOException | ParseException | IllegalArgumentException e) {
      if (keys == null) {
        throw new KeySourceException(
            "cannot fetch the keys of " + issuer + " (" + e.getMessage() + ")", e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeySourceException("interrupted while fetching the keys of " + issuer, e);
    }
  }

  private URI jwksUri() throws IOException, InterruptedException, ParseException {
    List<String> tried = new ArrayList<>();
    for (URI metadata : IssuerUrls.metadataLocations(issuer)) {
      HttpResponse<String> response = get(metadata);
      int status = response.statusCode();
      if (status >= 400 && status < 500) {
        tried.add(metadata + " (HTTP " + status + ")");
        continue;
      }
      if (status != 200) {
        throw new IOException("GET " + metadata + " answered HTTP " + status);
      }
      Map<String, Object> doc = jsonObject(response.body());
      if (doc == null) {
        tried.add(metadata + " (not JSON)");
        continue;
      }
      return jwksUri(metadata, doc);
    }
    throw new IOException(
        "found no metadata for the issuer; tried "
            + String.join(", ", tried)
            + "; check the configured issuer");
  }

  private static Map<String, Object> jsonObject(String body) {
    try {
      return JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      return null;
    }
  }

  private URI jwksUri(URI metadata, Map<String, Object> doc) throws IOException, ParseException {
    if (!IssuerUrls.same(issuer, JSONObjectUtils.getString(doc, "issuer"))) {
      throw new IOException(metadata + " names another issuer; check the configured issuer");
    }
    URI jwks = JSONObjectUtils.getURI(doc, "jwks_uri");
    if (jwks == null || !jwks.isAbsolute()) {
      throw new IOException(metadata + " has no absolute jwks_uri");
    }
    return jwks;
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String fetch(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response = get(uri);
    if (response.statusCode() != 200) {
      throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
    }
    return response.body();
  }
}
