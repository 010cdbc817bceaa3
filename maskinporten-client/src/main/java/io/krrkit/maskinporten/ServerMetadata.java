package io.krrkit.maskinporten;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Objects;

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
    if (!sameIssuer(expectedIssuer, issuer)) {
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

  /**
   * The configured issuer always ends in {@code /} (Maskinporten's do); RFC 8414 servers such as
   * mock-oauth2-server name theirs without it, so that one slash is the only difference allowed.
   */
  private static boolean sameIssuer(String expected, String actual) {
    return expected.equals(actual) || expected.equals(actual + "/");
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
