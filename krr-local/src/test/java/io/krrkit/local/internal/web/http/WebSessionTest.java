package io.krrkit.local.internal.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web page's session over plain HTTP: a signed cookie every node of one store accepts, that no
 * one can forge, that ends, with the cookie attributes a session needs.
 */
class WebSessionTest {
  static LocalFixture nodeA;
  static LocalFixture nodeB;

  @BeforeAll
  static void start() {
    String store = "jdbc:h2:mem:web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL";
    nodeA = LocalFixture.start(KrrLocal.builder().port(0).jdbc(store, "sa", "").seedPersons(0));
    nodeB = LocalFixture.start(KrrLocal.builder().port(0).jdbc(store, "sa", "").seedPersons(0));
  }

  @AfterAll
  static void stop() {
    nodeB.close();
    nodeA.close();
  }

  @Test
  void aSessionStartedOnOneNodeWorksOnAnother() {
    String cookie = logIn(nodeA);

    Answer page = get(nodeB, "/integrasjoner", cookie);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Logget inn som 0181****148");
  }

  @Test
  void setsAnHttpOnlySameSiteLaxCookie() {
    Answer page = get(nodeA, "/logg-inn", null);

    String setCookie = page.response().headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith(SessionCookie.NAME + "=")
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax")
        .contains("Path=/");
    assertThat(page.response().headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'");
  }

  @Test
  void ignoresAForgedCookie() {
    String cookie = logIn(nodeA);
    String[] parts = cookie.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[0]));
    String forged =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("310000027", "991825827").getBytes())
            + "."
            + parts[1];

    Answer page = get(nodeA, "/integrasjoner", forged);

    assertThat(page.status()).isEqualTo(303);
    assertThat(page.response().headers().firstValue("Location")).hasValue("/logg-inn");
  }

  @Test
  void endsTwelveHoursAfterLogIn() {
    String cookie = logIn(nodeA);
    nodeA.krrLocal().clock().advance(SessionCookie.LIFETIME.plus(Duration.ofMinutes(1)));
    try {
      assertThat(get(nodeA, "/integrasjoner", cookie).status()).isEqualTo(303);
    } finally {
      nodeA.krrLocal().clock().setOffset(Duration.ZERO);
    }
  }

  @Test
  void answersAnUnknownIntegrationIdWithoutAStackTrace() {
    Answer page = get(nodeA, "/integrasjoner/%3Cscript%3Ex/endre", logIn(nodeA));

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body())
        .contains("Fant ikke siden")
        .doesNotContain("<script>x")
        .doesNotContain("Exception");
  }

  @Test
  void answersAPageThatDoesNotExistWithThe404Page() {
    Answer page =
        nodeA.send(
            HttpRequest.newBuilder(URI.create(nodeA.krrLocal().baseUrl() + "/finnes-ikke"))
                .header("Accept", "text/html"));
    Answer api =
        nodeA.send(
            HttpRequest.newBuilder(
                    URI.create(nodeA.krrLocal().selfServiceUrl() + "/api/v1/finnes-ikke"))
                .header("Accept", "text/html"));

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).contains("Fant ikke siden");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.body()).doesNotContain("Fant ikke siden");
  }

  @Test
  void servesTheDesignSystemCss() {
    Answer css = get(nodeA, "/static/designsystemet/designsystemet.css", null);

    assertThat(css.status()).isEqualTo(200);
    assertThat(css.body()).contains(".ds-button");
  }

  /** Logs in as a known person for the emulator's org over HTTP; returns the session cookie. */
  static String logIn(LocalFixture node) {
    return WebVisitor.logIn(node).cookie();
  }

  static Answer get(LocalFixture node, String path, String cookie) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(node.krrLocal().baseUrl() + path)).GET();
    if (cookie != null) {
      request.header("Cookie", SessionCookie.NAME + "=" + cookie);
    }
    return node.send(request);
  }
}
