package io.krrkit.local.internal.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /admin/clock} over HTTP: shows and moves the emulator's clock. */
class ClockAdminRoutesTest {
  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @AfterEach
  void resetClock() {
    fx.krrLocal().clock().setOffset(Duration.ZERO);
  }

  @Test
  void showsTheTimeAndTheOffset() {
    Answer answer = fx.get(fx.krrLocal().baseUrl() + "/admin/clock");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("offset").asText()).isEqualTo("PT0S");
    assertThat(Instant.parse(answer.json().get("now").asText()))
        .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
  }

  @Test
  void putMovesTheEmulatorClockByTheOffset() {
    Instant before = fx.krrLocal().clock().instant();

    Answer answer = put("{\"offset\":\"P30D\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("offset").asText()).isEqualTo("PT720H");
    assertThat(fx.krrLocal().clock().offset()).isEqualTo(Duration.ofDays(30));
    assertThat(fx.krrLocal().clock().instant()).isAfter(before.plus(Duration.ofDays(30)));
  }

  @Test
  void aNegativeOffsetMovesTheClockBack() {
    Answer answer = put("{\"offset\":\"-PT2H\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(fx.krrLocal().clock().offset()).isEqualTo(Duration.ofHours(-2));
  }

  @Test
  void refusesABodyWithoutAnIsoDuration() {
    for (String body : new String[] {"", "{}", "{\"offset\":\"30 days\"}", "not json"}) {
      Answer answer = put(body);

      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
      assertThat(answer.json().get("error_description").asText()).contains("P30D");
    }
    assertThat(fx.krrLocal().clock().offset()).isEqualTo(Duration.ZERO);
  }

  private static Answer put(String body) {
    return fx.send(
        HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + "/admin/clock"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }
}
