package io.krrkit.maskinporten;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.core.JwtGrantRules;
import io.krrkit.core.RetryAfter;
import io.krrkit.core.Scope;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Asks Maskinporten's token endpoint for a token: signs a fresh grant, posts it as {@code
 * grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=…}, and reads the answer.
 */
final class TokenEndpoint {
  static final String GRANT_TYPE = JwtGrantRules.GRANT_TYPE;

  private final MetadataSource metadata;
  private final Transport transport;
  private final Signer signer;
  private final Retrier retrier;

  /**
   * What signs grants for one client.
   *
   * @param clientId {@code iss} of every grant
   * @param sendSubject whether grants also carry {@code sub} = {@code clientId} (RFC 7523 §3)
   */
  record Signer(
      String clientId,
      boolean sendSubject,
      GrantCredential credential,
      Duration lifetime,
      Clock clock) {

    /**
     * A grant for {@code request} addressed to {@code audience}: the issuer exactly as the server's
     * metadata names it, so servers whose issuer has no trailing slash accept it too.
     */
    String assertion(TokenRequest request, String audience) {
      JwtGrant.Builder grant =
          JwtGrant.builder()
              .audience(audience)
              .issuer(clientId)
              .request(request)
              .lifetime(lifetime)
              .clock(clock);
      if (sendSubject) {
        grant.subject(clientId);
      }
      return credential.sign(grant.build());
    }
  }

  TokenEndpoint(MetadataSource metadata, Transport transport, Signer signer, Retrier retrier) {
    this.metadata = metadata;
    this.transport = transport;
    this.signer = signer;
    this.retrier = retrier;
  }

  /**
   * Fetches a token for {@code request}, trying again with a fresh grant after 5xx and 429 answers
   * and connection failures ({@link Retrier}); fails with a {@link MaskinportenException}.
   */
  CompletableFuture<AccessToken> fetch(TokenRequest request) {
    return metadata.current().thenCompose(m -> retrier.call(() -> post(m, request)));
  }

  private CompletableFuture<AccessToken> post(ServerMetadata server, TokenRequest request) {
    URI endpoint = server.tokenEndpoint();
    Instant sentAt = signer.clock().instant();
    String form =
        "grant_type="
            + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
            + "&assertion="
            + URLEncoder.encode(signer.assertion(request, server.issuer()), StandardCharsets.UTF_8);
    return transport
        .postForm(endpoint, form)
        .thenApply(
            r -> {
              try {
                return read(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(null),
                    r.body(),
                    endpoint,
                    sentAt,
                    request.scopes());
              } catch (MaskinportenException e) {
                Optional<String> header = r.headers().firstValue("Retry-After");
                throw e.retryAfter(RetryAfter.parse(header, signer.clock()).orElse(null));
              }
            });
  }

  /** Reads a token answer, or throws the error it carries. */
  static AccessToken read(
      int status, String contentType, String body, URI endpoint, Instant sentAt, Set<Scope> asked) {
    JsonNode json = Json.object(body).orElse(null);
    if (status != 200) {
      throw refusal(status, contentType, json, endpoint);
    }
    if (json == null) {
      throw new MaskinportenResponseException(
          status, "token response from " + endpoint + " is not a JSON object");
    }
    return token(json, status, endpoint, sentAt, asked);
  }

  private static MaskinportenException refusal(
      int status, String contentType, JsonNode json, URI endpoint) {
    String error = json == null ? null : Json.text(json, "error");
    if (error == null) {
      return new MaskinportenResponseException(
          status, notOAuth(status, contentType, json, endpoint));
    }
    ErrorResponse response =
        ErrorResponse.of(
            status, error, Json.text(json, "error_description"), Json.text(json, "error_uri"));
    return new MaskinportenErrorException(response, response.message());
  }

  /**
   * The message for an error answer without an OAuth2 {@code error}: an RFC 9457 problem report is
   * quoted (cleaned); "may be down" is said only of a 5xx without one.
   */
  private static String notOAuth(int status, String contentType, JsonNode json, URI endpoint) {
    String answered = endpoint + " answered HTTP " + status;
    Optional<ProblemDetails> problem = ProblemDetails.of(contentType, json);
    if (problem.isPresent()) {
      return answered
          + " with a problem report, not an OAuth2 error: "
          + problem.get().describe()
          + ". The server is not Maskinporten, or a gateway in front of it refused the request;"
          + (status >= 500 ? " try again later, or" : "")
          + " check the issuer URL";
    }
    if (status >= 500) {
      return answered
          + " without an OAuth2 error; Maskinporten, or a proxy in between, may be down."
          + " Try again later";
    }
    return answered
        + " without an OAuth2 error; the server is not Maskinporten or the issuer is wrong."
        + " Check the issuer URL";
  }

  private static AccessToken token(
      JsonNode json, int status, URI endpoint, Instant sentAt, Set<Scope> asked) {
    String value = Json.text(json, "access_token");
    JsonNode expiresIn = json.get("expires_in");
    String tokenType = Json.text(json, "token_type");
    if (value == null || value.isBlank()) {
      throw new MaskinportenResponseException(
          status, "token response from " + endpoint + " has no access_token");
    }
    if (expiresIn == null || !expiresIn.canConvertToLong() || expiresIn.asLong() <= 0) {
      throw new MaskinportenResponseException(
          status, "token response from " + endpoint + " has no positive expires_in");
    }
    if (tokenType != null && !tokenType.equalsIgnoreCase("Bearer")) {
      throw new MaskinportenResponseException(
          status, "token response from " + endpoint + " has token_type " + tokenType);
    }
    return new AccessToken(
        value, sentAt.plusSeconds(expiresIn.asLong()), granted(Json.text(json, "scope"), asked));
  }

  /** The {@code scope} of the answer; it is informative only, so an odd one falls back. */
  private static Set<Scope> granted(String scope, Set<Scope> asked) {
    try {
      Set<Scope> granted = Scope.parseList(scope);
      return granted.isEmpty() ? asked : granted;
    } catch (IllegalArgumentException e) {
      return asked;
    }
  }
}
