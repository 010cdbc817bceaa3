package io.krrkit.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.idporten.LoginFlow;
import io.krrkit.local.internal.web.http.WebVisitor;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every HTML page the emulator serves carries a Content-Security-Policy without inline script that
 * no site may frame, {@code X-Frame-Options}, {@code nosniff} and a Referrer-Policy, and holds no
 * inline script or style the policy would block; pages with keys or secrets are not cached.
 */
class SecurityHeadersTest {
  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
  private static final Pattern EVENT_HANDLER =
      Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
  private static LocalFixture fx;
  private static LoginFlow flow;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(20);
    flow = new LoginFlow(fx);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void everyHtmlPageSendsTheHeadersAndNoInlineScript() {
    String base = fx.krrLocal().baseUrl();
    WebVisitor web = WebVisitor.logIn(fx);
    String cookie = web.cookie();
    LoginFlow.Client app = flow.registerNative("http://127.0.0.1/callback");
    Map<String, Answer> pages = new LinkedHashMap<>();
    pages.put("web: log-in", fx.get(base + "/logg-inn"));
    pages.put("web: integrations", web.get("/integrasjoner"));
    pages.put("web: 404", html(base + "/finnes-ikke"));
    pages.put("ID-porten: log-in", fx.get(flow.authorizeUrl(app, "s", "n", LoginFlow.verifier())));
    pages.put("ID-porten: error", fx.get(base + "/idporten/authorize?client_id=nobody"));
    pages.put("Maskinporten: MP-011", fx.get(fx.issuer() + "errors/MP-011"));
    pages.put("Swagger UI", fx.get(base + "/selvbetjening/swagger-ui/index.html"));

    pages.forEach(
        (name, page) -> {
          HttpHeaders h = page.response().headers();
          assertThat(h.firstValue("Content-Type").orElse("")).as(name).startsWith("text/html");
          String csp = h.firstValue("Content-Security-Policy").orElse("");
          assertThat(csp)
              .as(name + " CSP")
              .contains("default-src 'self'", "frame-ancestors 'none'");
          assertThat(scriptSources(csp)).as(name + " script-src").doesNotContain("unsafe");
          assertThat(h.firstValue("X-Frame-Options")).as(name).hasValue("DENY");
          assertThat(h.firstValue("X-Content-Type-Options")).as(name).hasValue("nosniff");
          assertThat(h.firstValue("Referrer-Policy")).as(name).isPresent();
          assertThat(INLINE_SCRIPT.matcher(page.body()).find())
              .as(name + " inline script")
              .isFalse();
          assertThat(EVENT_HANDLER.matcher(page.body()).find()).as(name + " on* handler").isFalse();
          if (!csp.contains("style-src")) {
            assertThat(page.body()).as(name + " inline style").doesNotContain("<style", "style=\"");
          }
        });
  }

  @Test
  void pagesWithKeysOrALoginAreNotCached() {
    WebVisitor web = WebVisitor.logIn(fx);
    String cookie = web.cookie();
    LoginFlow.Client app = flow.registerNative("http://127.0.0.1/callback");

    assertThat(cacheControl(web.get("/integrasjoner"))).isEqualTo("no-store");
    assertThat(cacheControl(fx.get(flow.authorizeUrl(app, "s", "n", LoginFlow.verifier()))))
        .isEqualTo("no-store");
  }

  @Test
  void everyAnswerSaysNosniffIncludingJsonAndStaticFiles() {
    String base = fx.krrLocal().baseUrl();

    for (String url :
        new String[] {
          base + "/kontaktregisteret/v3/api-docs",
          base + "/selvbetjening/v3/api-docs",
          base + "/static/krr-web.css",
          base + "/static/idporten.css",
          fx.issuer() + ".well-known/oauth-authorization-server",
          base + "/selvbetjening/api/v1/clients"
        }) {
      Answer answer = fx.get(url);
      assertThat(answer.response().headers().firstValue("X-Content-Type-Options"))
          .as(url)
          .hasValue("nosniff");
      assertThat(answer.response().headers().firstValue("Content-Security-Policy"))
          .as(url)
          .isPresent();
    }
  }

  private static Answer html(String url) {
    return fx.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
  }

  private static String cacheControl(Answer answer) {
    return answer.response().headers().firstValue("Cache-Control").orElse("");
  }

  /** The script-src directive, or default-src when there is none. */
  private static String scriptSources(String csp) {
    for (String directive : csp.split(";")) {
      if (directive.trim().startsWith("script-src")) {
        return directive;
      }
    }
    for (String directive : csp.split(";")) {
      if (directive.trim().startsWith("default-src")) {
        return directive;
      }
    }
    return "";
  }
}
