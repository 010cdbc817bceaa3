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
    AccessToken token = TokenEndpoint.read(200, DOCUMENTED_TOKEN, ENDPOINT, SENT, ASKED);

    assertThat(token.value()).isEqualTo("IxC0B76vlWl3fiQhAwZUmD0hr_PPwC9hSIXRdoUslPU=");
    assertThat(token.expiresAt()).isEqualTo(SENT.plusSeconds(599));
    assertThat(token.scopes()).containsExactly(Scope.of("difitest:test1"));
    assertThat(token.authorizationHeader())
        .isEqualTo("Bearer IxC0B76vlWl3fiQhAwZUmD0hr_PPwC9hSIXRdoUslPU=");
  }

  @Test
  void neverPrintsTheToken() {
    AccessToken token = TokenEndpoint.read(200, DOCUMENTED_TOKEN, ENDPOINT, SENT, ASKED);

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
            () -> TokenEndpoint.read(502, "<html>Bad gateway</html>", ENDPOINT, SENT, ASKED));

    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.getMessage()).contains("HTTP 502 without an OAuth2 error").doesNotContain("html");
  }

  @Test
  void refusesATokenResponseWithoutToken() {
    MaskinportenResponseException e =
        catchThrowableOfType(
            MaskinportenResponseException.class,
            () -> TokenEndpoint.read(200, "{\"expires_in\":120}", ENDPOINT, SENT, ASKED));

    assertThat(e.getMessage()).contains("has no access_token");
  }

  private static MaskinportenErrorException refusal(int status, String body) {
    return catchThrowableOfType(
        MaskinportenErrorException.class,
        () -> TokenEndpoint.read(status, body, ENDPOINT, SENT, ASKED));
  }
}
