package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.krrkit.core.Scope;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reading Maskinporten's answers, from the examples in Digdir's documentation and
 * spec.md#token-errors.
 */
class TokenEndpointTest {
  private static final URI ENDPOINT = URI.create("https://test.maskinporten.no/token");
  private static final Instant SENT = Instant.parse("2025-03-01T10:00:00Z");
  private static final Set<Scope> ASKED = Set.of(Scope.of("difitest:test1"));
  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";

  // Maskinporten/maskinporten_protocol_token.md, "Example response"
  private static final String DOCUMENTED_TOKEN =
      """
      {"access_token" : "IxC0B76vlWl3fiQhAwZUmD0hr_PPwC9hSIXRdoUslPU=",
       "token_type" : "Bearer", "expires_in" : 599, "scope" : "difitest:test1"}""";

  // spec.md#token-errors, an answer seen from test.maskinporten.no
  private static final String DOCUMENTED_ERROR =
      """
      {"error":"invalid_scope",
       "error_description":"Token request contains invalid scopes for client, difitest:test2 \
      (trace_id: 5f1c0a4e9b7d4c2e8f3a6b1d0c9e7a21)",
       "error_uri":"https://test.maskinporten.no/errors/MP-200"}""";

  @Test
  void readsTheDocumentedTokenResponse() {
    AccessToken token = TokenEndpoint.read(200, JSON, DOCUMENTED_TOKEN, ENDPOINT, SENT, ASKED);

    assertThat(token.value()).isEqualTo("IxC0B76vlWl3fiQhAwZUmD0hr_PPwC9hSIXRdoUslPU=");
    assertThat(token.expiresAt()).isEqualTo(SENT.plusSeconds(599));
    assertThat(token.scopes()).containsExactly(Scope.of("difitest:test1"));
    assertThat(token.authorizationHeader())
        .isEqualTo("Bearer IxC0B76vlWl3fiQhAwZUmD0hr_PPwC9hSIXRdoUslPU=");
  }

  @Test
  void neverPrintsTheToken() {
    AccessToken token = TokenEndpoint.read(200, JSON, DOCUMENTED_TOKEN, ENDPOINT, SENT, ASKED);

    assertThat(token.toString()).contains("IxC0…(44 chars)").doesNotContain("B76vlWl3");
  }

  @Test
  void readsCodeTraceIdAndAdviceFromTheDocumentedError() {
    MaskinportenErrorException e = refusal(400, DOCUMENTED_ERROR);

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.error()).isEqualTo("invalid_scope");
    assertThat(e.code()).contains("MP-200");
    assertThat(e.traceId()).contains("5f1c0a4e9b7d4c2e8f3a6b1d0c9e7a21");
    assertThat(e.description())
        .contains("Token request contains invalid scopes for client, difitest:test2");
    assertThat(e.errorUri()).contains(URI.create("https://test.maskinporten.no/errors/MP-200"));
    assertThat(e.getMessage())
        .isEqualTo(
            "Maskinporten refused the token request with MP-200 (HTTP 400 invalid_scope): Token"
                + " request contains invalid scopes for client, difitest:test2. Register the scope"
                + " on the client (self-service) or fix its spelling. Help:"
                + " https://test.maskinporten.no/errors/MP-200"
                + " (trace_id: 5f1c0a4e9b7d4c2e8f3a6b1d0c9e7a21)");
  }

  @Test
  void advisesByErrorWhenThereIsNoCode() {
    MaskinportenErrorException e = refusal(400, "{\"error\":\"unsupported_grant_type\"}");

    assertThat(e.code()).isEmpty();
    assertThat(e.traceId()).isEmpty();
    assertThat(e.getMessage())
        .isEqualTo(
            "Maskinporten refused the token request (HTTP 400 unsupported_grant_type): Send"
                + " grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer.");
  }

  @Test
  void keepsServerTextOnOneLine() {
    MaskinportenErrorException e =
        refusal(400, "{\"error\":\"invalid_request\",\"error_description\":\"a\\nFAKE LOG LINE\"}");

    assertThat(e.getMessage()).doesNotContain("\n").contains("a FAKE LOG LINE");
  }

  @Test
  void treatsAnErrorPageWithoutOAuthErrorAsAnUnexpectedResponse() {
    MaskinportenResponseException e =
        catchThrowableOfType(
            MaskinportenResponseException.class,
            () ->
                TokenEndpoint.read(
                    502, "text/html", "<html>Bad gateway</html>", ENDPOINT, SENT, ASKED));

    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.getMessage()).contains("HTTP 502 without an OAuth2 error").doesNotContain("html");
  }

  @Test
  void saysMayBeDownOnlyForA5xxWithoutAnError() {
    assertThat(unexpected(503, "text/plain", "").getMessage())
        .contains("HTTP 503 without an OAuth2 error")
        .contains("may be down");
    assertThat(unexpected(404, "text/html", "<html>Not found</html>").getMessage())
        .contains("HTTP 404 without an OAuth2 error")
        .contains("Check the issuer URL")
        .doesNotContain("may be down");
  }

  @Test
  void carriesTitleDetailAndStatusOfAProblemReport() {
    MaskinportenResponseException e =
        unexpected(
            415,
            PROBLEM + ";charset=UTF-8",
            """
            {"type":"about:blank","title":"Unsupported Media Type",
             "detail":"Content-Type 'text/plain' is not supported","status":415,
             "instance":"/token"}""");

    assertThat(e.statusCode()).isEqualTo(415);
    assertThat(e.getMessage())
        .isEqualTo(
            ENDPOINT
                + " answered HTTP 415 with a problem report, not an OAuth2 error: Unsupported"
                + " Media Type: Content-Type 'text/plain' is not supported (status 415). The"
                + " server is not Maskinporten, or a gateway in front of it refused the request;"
                + " check the issuer URL");
  }

  @Test
  void neverQuotesAGrantOrIdentityNumberEchoedInAProblemReport() {
    String grant = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJjbGllbnQifQ.c2lnbmF0dXJl";
    MaskinportenResponseException e =
        unexpected(
            400,
            PROBLEM,
            "{\"title\":\"Bad Request\",\"detail\":\"cannot read "
                + grant
                + " for 20914695016\\nFAKE LOG LINE\"}");

    assertThat(e.getMessage())
        .contains("Bad Request: cannot read [JWT] for [identity number] FAKE LOG LINE")
        .doesNotContain(grant.substring(0, 20))
        .doesNotContain("20914695016")
        .doesNotContain("\n");
  }

  @Test
  void saysTryAgainForA5xxProblemReport() {
    assertThat(unexpected(503, PROBLEM, "{\"title\":\"Service Unavailable\"}").getMessage())
        .contains("problem report, not an OAuth2 error: Service Unavailable.")
        .contains("try again later")
        .doesNotContain("may be down");
  }

  @Test
  void refusesATokenResponseWithoutToken() {
    MaskinportenResponseException e =
        catchThrowableOfType(
            MaskinportenResponseException.class,
            () -> TokenEndpoint.read(200, JSON, "{\"expires_in\":120}", ENDPOINT, SENT, ASKED));

    assertThat(e.getMessage()).contains("has no access_token");
  }

  private static MaskinportenResponseException unexpected(
      int status, String contentType, String body) {
    return catchThrowableOfType(
        MaskinportenResponseException.class,
        () -> TokenEndpoint.read(status, contentType, body, ENDPOINT, SENT, ASKED));
  }

  private static MaskinportenErrorException refusal(int status, String body) {
    return catchThrowableOfType(
        MaskinportenErrorException.class,
        () -> TokenEndpoint.read(status, JSON, body, ENDPOINT, SENT, ASKED));
  }
}
