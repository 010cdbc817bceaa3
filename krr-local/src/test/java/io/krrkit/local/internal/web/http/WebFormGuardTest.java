package io.krrkit.local.internal.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.http.RawHttp;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web page's forms, over HTTP: besides the session's CSRF token, a post must come from this
 * site (its {@code Origin}) through a name this server answers for (its {@code Host}); and the
 * integration form refuses a redirect URI a browser must not be sent to.
 */
class WebFormGuardTest {
  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(0));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void refusesAFormPostFromAnotherSiteEvenWithTheCsrfToken() {
    WebVisitor web = WebVisitor.logIn(fx);
    String cookie = web.cookie();
    String csrf = web.csrf();

    Answer foreign = post("/logg-ut", cookie, "csrf=" + csrf, "https://evil.example");
    Answer stillIn = WebSessionTest.get(fx, "/integrasjoner", cookie);
    Answer own = post("/logg-ut", cookie, "csrf=" + csrf, fx.krrLocal().baseUrl());

    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.body()).contains("Origin");
    assertThat(stillIn.status()).isEqualTo(200);
    assertThat(own.status()).isEqualTo(303);
  }

  @Test
  void refusesAFormPostThroughAForeignHostName() {
    int port = URI.create(fx.krrLocal().baseUrl()).getPort();
    WebVisitor web = WebVisitor.logIn(fx);
    String cookie = web.cookie();
    String csrf = web.csrf();

    RawHttp rebound =
        RawHttp.send(
            InetAddress.getLoopbackAddress(),
            port,
            "POST /logg-ut",
            Map.of(
                "Host", "rebound.example:" + port,
                "Cookie", SessionCookie.NAME + "=" + cookie,
                "Content-Type", "application/x-www-form-urlencoded"),
            "csrf=" + csrf);

    assertThat(rebound.status()).isEqualTo(403);
    assertThat(WebSessionTest.get(fx, "/integrasjoner", cookie).status()).isEqualTo(200);
  }

  @Test
  void theIntegrationFormRefusesAJavascriptRedirectUri() {
    WebVisitor web = WebVisitor.logIn(fx);
    String cookie = web.cookie();
    String csrf = web.csrf();
    int before = Internals.of(fx.krrLocal()).clients().findByOwner(KrrLocal.DEFAULT_ORG).size();

    Answer page =
        post(
            "/integrasjoner",
            cookie,
            "csrf="
                + csrf
                + "&integration_type=api_klient&client_name=app"
                + "&scopes=krr%3Auser%2Fkontaktinformasjon.read"
                + "&redirect_uris="
                + LocalFixture.encode("javascript:alert(document.cookie)"),
            fx.krrLocal().baseUrl());

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("javascript: scheme").doesNotContain("Exception");
    assertThat(Internals.of(fx.krrLocal()).clients().findByOwner(KrrLocal.DEFAULT_ORG))
        .hasSize(before);
  }

  private static Answer post(String path, String cookie, String form, String origin) {
    return fx.send(
        HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + path))
            .header("Cookie", SessionCookie.NAME + "=" + cookie)
            .header("Origin", origin)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }
}
