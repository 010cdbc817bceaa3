package io.krrkit.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The one error path over HTTP: every error of every service, including those no route sees
 * (unknown paths, 405, 413, 431), comes back in that service's own shape with a trace id, never
 * with a stack trace or a class name, and is logged once.
 */
class ErrorPathTest {
  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(10).adminApi(true));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void jettysRefusalWhileARouteReadsTheBodyKeepsItsStatus() {
    Failure failure =
        ErrorPath.classify(
            new org.eclipse.jetty.http.BadMessageException(408, "Request content data rate"), "t");

    assertThat(failure.status()).isEqualTo(408);
    assertThat(failure.error()).isEqualTo("invalid_request");
  }

  @Test
  void unknownMaskinportenPathIsOauthJson() {
    Answer a = fx.get(fx.issuer() + "finnes-ikke");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.json().get("error").asText()).isEqualTo("not_found");
    assertThat(a.json().get("error_description").asText())
        .matches(".*\\(trace_id: [0-9a-f]{32}\\)");
    assertNoInternals(a);
  }

  @Test
  void unknownSelfServicePathIsTheEnvelope() {
    Answer a = fx.get(fx.krrLocal().selfServiceUrl() + "/api/v1/finnes-ikke");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.json().get("status").asInt()).isEqualTo(404);
    assertThat(a.json().get("correlation_id").asText()).matches("[0-9a-f]{32}");
    assertThat(a.json().get("errors").get(0).get("errorMessage").asText()).isNotBlank();
    assertThat(a.json().get("error_description").asText()).startsWith(", ");
    assertNoInternals(a);
  }

  @Test
  void unknownKrrPathIsKrrsErrorBody() {
    Answer a = fx.get(fx.krrLocal().kontaktregisteretUrl() + "/rest/v9/finnes-ikke");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.json().get("status").asInt()).isEqualTo(404);
    assertThat(a.json().get("error").asText()).isEqualTo("not_found");
    assertThat(a.json().get("timestamp").asText()).isNotBlank();
    assertNoInternals(a);
  }

  @Test
  void unknownIdportenPathIsOidcJson() {
    Answer a = fx.get(fx.krrLocal().idportenIssuer() + "/finnes-ikke");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.json().get("error").asText()).isEqualTo("not_found");
    assertNoInternals(a);
  }

  @Test
  void unknownOperatorPathIsItsJson() {
    Answer a = fx.get(fx.krrLocal().baseUrl() + "/admin/finnes-ikke");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.json().get("error").asText()).isEqualTo("not_found");
    assertNoInternals(a);
  }

  @Test
  void unknownPageIsTheWebPagesErrorPage() {
    Answer a = fx.get(fx.krrLocal().baseUrl() + "/finnes-ikke");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.response().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(a.body()).contains("id=\"error-heading\"");
    assertNoInternals(a);
  }

  @Test
  void wrongMethodIs405InTheServicesShape() {
    Answer a = fx.get(fx.issuer() + "token");
    assertThat(a.status()).isEqualTo(405);
    assertThat(a.json().get("error").asText()).isEqualTo("method_not_allowed");
    Answer k = fx.get(fx.krrLocal().kontaktregisteretUrl() + "/rest/v1/personer");
    assertThat(k.status()).isEqualTo(405);
    assertThat(k.json().get("status").asInt()).isEqualTo(405);
  }

  @Test
  void tooLargeBodyIs413InTheServicesShape() {
    String body = "{\"personidentifikatorer\": [\"" + "1".repeat(1_100_000) + "\"]}";
    Answer a =
        fx.send(
            HttpRequest.newBuilder(
                    URI.create(fx.krrLocal().kontaktregisteretUrl() + "/rest/v1/personer"))
                .header(
                    "Authorization",
                    "Bearer " + fx.accessToken(io.krrkit.core.Scope.KRR_KONTAKTINFORMASJON_READ))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.json().get("status").asInt()).isEqualTo(413);
    assertThat(a.json().get("error").asText()).isEqualTo("invalid_request");
    assertNoInternals(a);
  }

  @Test
  void tooLargeTokenRequestIsMaskinportensInvalidRequest() {
    String body = "grant_type=x&assertion=" + "a".repeat(100_000);
    Answer a = fx.postForm(fx.issuer() + "token", body);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(a.json().get("error_uri").asText()).endsWith("/MP-011");
    assertNoInternals(a);
  }

  @Test
  void tooLargeHeadersAre431InTheServicesShapeFromJetty() throws Exception {
    String answer =
        rawRequest(
            "GET /kontaktregisteret/rest/v1/personer HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 431");
    assertThat(answer).contains("\"status\":431").contains("\"error\":\"invalid_request\"");
    assertThat(answer).doesNotContain("<html").doesNotContain("org.eclipse");
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "[]", "\"x\"", "{\"client_name\": {\"a\": [1,2"})
  void unreadableSelfServiceBodiesAre400(String body) {
    Answer a =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.krrLocal().selfServiceUrl() + "/api/v1/clients"))
                .header("Authorization", "Bearer " + fx.accessToken(io.krrkit.core.Scope.DCR_WRITE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().get("status").asInt()).isEqualTo(400);
    assertNoInternals(a);
  }

  @Test
  void deeplyNestedJsonIsRefusedByTheParser() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    Answer a =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + "/admin/persons/seed"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(deep)));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().get("error").asText()).isEqualTo("invalid_request");
    assertNoInternals(a);
  }

  @Test
  void eachErrorIsLoggedOnceWithTheTraceIdOfTheAnswer() {
    Logger logger = (Logger) LoggerFactory.getLogger(ErrorPath.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      Answer a = fx.get(fx.issuer() + "finnes-ikke-heller");
      String description = a.json().get("error_description").asText();
      String traceId = description.substring(description.length() - 33, description.length() - 1);
      List<String> lines =
          appender.list.stream()
              .map(ILoggingEvent::getFormattedMessage)
              .filter(m -> m.contains(traceId))
              .toList();
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0)).contains("404").contains("/maskinporten/finnes-ikke-heller");
    } finally {
      logger.detachAppender(appender);
    }
  }

  @Test
  void identityNumbersInAPathAreMaskedInTheLog() {
    Logger logger = (Logger) LoggerFactory.getLogger(ErrorPath.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      fx.get(fx.krrLocal().kontaktregisteretUrl() + "/finnes/20914695016");
      assertThat(appender.list).isNotEmpty();
      assertThat(appender.list)
          .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("20914695016"));
    } finally {
      logger.detachAppender(appender);
    }
  }

  @Test
  void unexpectedExceptionsAreA500WithoutDetails() {
    Failure f = ErrorPath.classify(new IllegalStateException("secret detail"), "t".repeat(32));
    assertThat(f.status()).isEqualTo(500);
    assertThat(f.error()).isEqualTo("server_error");
    assertThat(f.description()).doesNotContain("secret").doesNotContain("IllegalState");
  }

  private static void assertNoInternals(Answer a) {
    assertThat(a.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("java.")
        .doesNotContain("io.javalin")
        .doesNotContain("org.eclipse.jetty");
  }

  private static String rawRequest(String request) throws Exception {
    URI base = URI.create(fx.krrLocal().baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
