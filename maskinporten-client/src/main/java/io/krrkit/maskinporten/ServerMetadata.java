package io.krrkit.maskinporten;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.core.IssuerUrls;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of Maskinporten's authorization server metadata (RFC 8414) a client uses.
 *
 * @param issuer {@code issuer}, equal to the configured one
 * @param tokenEndpoint {@code token_endpoint}
 */
record ServerMetadata(String issuer, URI tokenEndpoint) {

  ServerMetadata {
    Objects.requireNonNull(issuer, "issuer == null");
    Objects.requireNonNull(tokenEndpoint, "tokenEndpoint == null");
  }

  /**
   * Why {@code from} holds no metadata document, so the next location should be tried: a 4xx
   * answer, or a 200 that is not a JSON object (a web page). Empty when the answer is one to read
   * (or a 5xx, which {@link #parse} reports: the server is there but failing).
   */
  static Optional<String> notHere(int status, String body) {
    if (status >= 400 && status < 500) {
      return Optional.of("HTTP " + status);
    }
    if (status == 200 && Json.object(body).isEmpty()) {
      return Optional.of("not a JSON object");
    }
    return Optional.empty();
  }

  /**
   * Reads a metadata answer, checking that it names {@code expectedIssuer}, so a client set up for
   * one environment never sends grants to another.
   */
  static ServerMetadata parse(int status, String body, URI from, String expectedIssuer) {
    if (status != 200) {
      throw new MaskinportenResponseException(
          status, "metadata at " + from + " answered HTTP " + status + "; check the issuer URL");
    }
    JsonNode json =
        Json.object(body)
            .orElseThrow(
                () ->
                    new MaskinportenResponseException(
                        status, "metadata at " + from + " is not a JSON object; check the issuer"));
    String issuer = Json.text(json, "issuer");
    // RFC 8414 servers such as mock-oauth2-server name their issuer without the trailing slash.
    if (!IssuerUrls.same(expectedIssuer, issuer)) {
      throw new MaskinportenResponseException(
          status,
          "metadata at "
              + from
              + " names issuer "
              + issuer
              + ", expected "
              + expectedIssuer
              + "; check the environment (test or production) and the trailing slash");
    }
    return new ServerMetadata(issuer, tokenEndpoint(json, status, from));
  }

  private static URI tokenEndpoint(JsonNode json, int status, URI from) {
    String raw = Json.text(json, "token_endpoint");
    try {
      URI uri = raw == null ? null : new URI(raw);
      if (uri != null && uri.isAbsolute() && uri.getHost() != null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new MaskinportenResponseException(
        status, "metadata at " + from + " has no usable token_endpoint");
  }
}
