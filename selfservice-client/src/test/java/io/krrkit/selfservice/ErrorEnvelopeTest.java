package io.krrkit.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.Scope;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Error bodies as the real API sends them (spec.md#self-service-errors), and bodies that are not
 * the envelope.
 */
class ErrorEnvelopeTest {
  private static final Call UPLOAD =
      new Call(
          "POST",
          "/clients/abc/jwks",
          URI.create("https://api.test.samarbeid.digdir.no/api/v1/clients/abc/jwks"),
          Scope.DCR_MODIFY,
          null);

  private final ObjectMapper json = Json.newMapper();

  @Test
  void carriesStatusCorrelationIdAndFieldErrors() {
    String body =
        """
        {"status": 400, "timestamp": "2024-05-02T08:01:02.123Z",
         "correlation_id": "0f6c2a3b4d5e6f708192a3b4c5d6e7f8",
         "errors": [
           {"errorMessage": "Maks 5 nøkler", "isFieldError": true, "objectName": "Client",
            "fieldIdentifier": "keys"},
           {"errorMessage": "kid er i bruk", "isFieldError": true, "objectName": "Client",
            "fieldIdentifier": "keys[0].kid"}],
         "error": ", Maks 5 nøkler, kid er i bruk",
         "error_description": ", Maks 5 nøkler, kid er i bruk"}
        """;

    SelfServiceErrorException e = ErrorEnvelope.toException(UPLOAD, 400, body, json);

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.correlationId()).contains("0f6c2a3b4d5e6f708192a3b4c5d6e7f8");
    assertThat(e.errors())
        .containsExactly(
            new FieldError("keys", "Maks 5 nøkler"),
            new FieldError("keys[0].kid", "kid er i bruk"));
    assertThat(e.getMessage())
        .isEqualTo(
            "POST /clients/abc/jwks was refused with 400: Maks 5 nøkler; kid er i bruk"
                + " (correlation_id 0f6c2a3b4d5e6f708192a3b4c5d6e7f8)");
  }

  @Test
  void fallsBackToErrorDescriptionWithoutItsLeadingComma() {
    String body =
        "{\"status\":403,\"correlation_id\":\"c0ffee\",\"error\":\", Mangler scope\","
            + "\"error_description\":\", Mangler scope\"}";

    SelfServiceErrorException e = ErrorEnvelope.toException(UPLOAD, 403, body, json);

    assertThat(e.errors()).containsExactly(new FieldError(null, "Mangler scope"));
    assertThat(e.getMessage())
        .startsWith(
            "POST /clients/abc/jwks was refused with 403: Mangler scope (correlation_id c0ffee)")
        .contains("needs scope idporten:dcr.modify");
  }

  @Test
  void saysSoWhenTheBodyIsNotTheApisErrorJson() {
    SelfServiceErrorException html =
        ErrorEnvelope.toException(UPLOAD, 502, "<html>Bad gateway</html>", json);
    SelfServiceErrorException otherJson =
        ErrorEnvelope.toException(UPLOAD, 404, "{\"title\":\"Not found\"}", json);
    SelfServiceErrorException empty = ErrorEnvelope.toException(UPLOAD, 401, "", json);

    assertThat(html.getMessage())
        .startsWith("POST /clients/abc/jwks was refused with 502 without the API's error JSON")
        .contains("try again later");
    assertThat(html.errors()).isEmpty();
    assertThat(html.correlationId()).isEmpty();
    assertThat(otherJson.getMessage()).contains("without the API's error JSON", "base URL");
    assertThat(empty.getMessage()).contains("Maskinporten environment");
  }

  @Test
  void cutsLongServerMessagesButKeepsThemWholeInErrors() {
    String longMessage = "x".repeat(1000);
    String body = "{\"errors\":[{\"errorMessage\":\"" + longMessage + "\"}]}";

    SelfServiceErrorException e = ErrorEnvelope.toException(UPLOAD, 400, body, json);

    assertThat(e.getMessage()).hasSizeLessThan(400);
    assertThat(e.errors().get(0).message()).isEqualTo(longMessage);
  }
}
