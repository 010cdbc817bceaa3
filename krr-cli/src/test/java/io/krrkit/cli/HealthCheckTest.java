package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.junit.KrrLocalExtension;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The image's health check says healthy only when the emulator answers its metadata. */
class HealthCheckTest {
  @RegisterExtension
  static final KrrLocalExtension emulator = KrrLocalExtension.builder().seedPersons(0).build();

  @Test
  void healthyWhenTheMetadataAnswers() {
    URI uri = URI.create(emulator.krrLocal().baseUrl() + HealthCheck.PATH);

    assertThat(HealthCheck.check(uri, Duration.ofSeconds(3))).isTrue();
  }

  @Test
  void unhealthyWhenThePathIsNotTheMetadata() {
    URI uri = URI.create(emulator.krrLocal().baseUrl() + "/maskinporten/no-such-document");

    assertThat(HealthCheck.check(uri, Duration.ofSeconds(3))).isFalse();
  }

  @Test
  void unhealthyWhenNothingListens() {
    URI uri = URI.create("http://127.0.0.1:" + EmulatorProcess.freePort() + HealthCheck.PATH);

    assertThat(HealthCheck.check(uri, Duration.ofSeconds(3))).isFalse();
  }

  @Test
  void asksThePortOfTheEnvironment() {
    assertThat(HealthCheck.defaultBase(Map.of("KRR_LOCAL_PORT", "8080")))
        .isEqualTo("http://127.0.0.1:8080");
    assertThat(HealthCheck.defaultBase(Map.of())).isEqualTo("http://127.0.0.1:7070");
  }
}
