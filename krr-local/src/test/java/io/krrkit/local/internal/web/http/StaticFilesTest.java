package io.krrkit.local.internal.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page's static files over HTTP: the files under /web/static/ and nothing else. */
class StaticFilesTest {
  static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(0);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void servesStyleSheetsAndScriptsWithTheirTypes() {
    Answer css = get("/static/designsystemet/designsystemet.css");
    Answer js = get("/static/keygen.js");

    assertThat(css.status()).isEqualTo(200);
    assertThat(css.body()).contains(".ds-button");
    assertThat(header(css, "Content-Type")).startsWith("text/css");
    assertThat(header(css, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(js.status()).isEqualTo(200);
    assertThat(header(js, "Content-Type")).startsWith("text/javascript");
  }

  @Test
  void servesAFileWithoutExtensionAsText() {
    Answer license = get("/static/designsystemet/LICENSE-designsystemet-css");

    assertThat(license.status()).isEqualTo(200);
    assertThat(header(license, "Content-Type")).startsWith("text/plain");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/static/finnes-ikke.css",
        "/static/designsystemet",
        "/static/designsystemet/",
        "/static/%2e%2e/web/static/krr-web.css",
        "/static/designsystemet/..%2F..%2Fweb%2Fstatic%2Fkrr-web.css",
        "/static/.hidden",
        "/static//krr-web.css"
      })
  void answersAnythingElseWithTheNotFoundPage(String path) {
    Answer answer = get(path);

    assertThat(answer.status()).as(path).isEqualTo(404);
    assertThat(answer.body()).as(path).contains("Fant ikke siden");
  }

  private static Answer get(String path) {
    return fx.get(fx.krrLocal().baseUrl() + path);
  }

  private static String header(Answer answer, String name) {
    return answer.response().headers().firstValue(name).orElse("");
  }
}
