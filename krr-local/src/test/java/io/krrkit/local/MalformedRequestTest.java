package io.krrkit.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests the HTTP fuzzer (bench HttpFuzz) found answered 500, each now refused in its service's
 * shape: a Content-Type naming a charset the JVM lacks (Jetty throws reading it), one with no media
 * type, the JSON literal {@code null} as a client, a multipart body to the ID-porten token
 * endpoint.
 */
class MalformedRequestTest {
  static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void refusesAClientOfNullWith400() {
    Answer answer = selfService("/clients", "application/json", "null");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("must be a JSON object").doesNotContain("Exception");
  }

  @Test
  void readsSelfServiceJsonWhateverCharsetTheHeaderNames() {
    Answer unknownCharset = selfService("/clients", "application/json; charset=nope", "null");
    Answer noMediaType = selfService("/clients", ";;;", "{}");

    assertThat(unknownCharset.status()).isEqualTo(400);
    assertThat(noMediaType.status()).isEqualTo(415);
    assertThat(noMediaType.body()).contains("Content-Type must be application/json");
  }

  @Test
  void refusesAMultipartTokenRequestAsInvalidRequest() {
    Answer answer =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.krrLocal().idportenIssuer() + "/token"))
                .header("Content-Type", "multipart/form-data; boundary=\"unterminated")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\n\r\n")));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
  }

  @Test
  void readsAMaskinportenTokenFormWithAnUnknownCharset() {
    Answer answer =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.issuer() + "token"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=nope")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=x")));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void readsAnOperatorBodyWithAnUnknownCharset() {
    Answer answer =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + "/admin/access"))
                .header("Content-Type", "application/json; charset=nope")
                .PUT(HttpRequest.BodyPublishers.ofString("[]")));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
  }

  @Test
  void refusesAPersonTheRegisterCannotStore() {
    String person =
        "{\"reservasjon\":\"NEI\",\"kontaktinformasjon\":{\"epostadresse\":\"kari@example.com\","
            + "\"epostadresse_oppdatert\":\"+999999999-12-31T23:59:59+18:00\"}}";
    Answer farFuture = operator("PUT", "/admin/persons/01817090148", person);
    Answer longMail =
        operator(
            "PUT",
            "/admin/persons/01817090148",
            "{\"kontaktinformasjon\":{\"epostadresse\":\"" + "a".repeat(400) + "@example.com\"}}");

    assertThat(farFuture.status()).as(farFuture.body()).isEqualTo(400);
    assertThat(farFuture.body()).contains("epostadresse_oppdatert must be a time in the years");
    assertThat(longMail.status()).isEqualTo(400);
    assertThat(longMail.body()).contains("320");
  }

  @Test
  void refusesACertificatePasswordPkcs12CannotTake() {
    Answer answer =
        operator(
            "POST",
            "/admin/certificates",
            "{\"orgno\":\"991825827\",\"password\":\"p\u00e6ss\",\"name\":\"Fuzz AS\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("printable ASCII");
  }

  @Test
  void refusesAClockOffsetNoClockReadSurvives() {
    Answer answer = operator("PUT", "/admin/clock", "{\"offset\":\"P999999999999D\"}");
    Answer now =
        fx.send(HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + "/admin/clock")));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("within 100 years");
    assertThat(now.status()).isEqualTo(200);
  }

  private static Answer operator(String method, String path, String body) {
    return fx.send(
        HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  private static Answer selfService(String path, String contentType, String body) {
    return fx.send(
        HttpRequest.newBuilder(URI.create(fx.krrLocal().selfServiceUrl() + "/api/v1" + path))
            .header("Authorization", "Bearer " + fx.accessToken(Scope.DCR_WRITE))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
