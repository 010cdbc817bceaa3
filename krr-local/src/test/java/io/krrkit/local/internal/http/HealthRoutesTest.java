package io.krrkit.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /health} and {@code /ready} over HTTP, without the operator API and without a token. */
class HealthRoutesTest {
  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void healthSaysTheProcessIsUp() {
    Answer answer = fx.get(fx.krrLocal().baseUrl() + "/health");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("status").asText()).isEqualTo("UP");
    assertThat(answer.response().headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void readySaysTheStoreTakesWrites() {
    Answer answer = fx.get(fx.krrLocal().baseUrl() + "/ready");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("status").asText()).isEqualTo("READY");
    assertThat(answer.response().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
  }
}
