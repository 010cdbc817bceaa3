package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.local.KrrLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code krr admin signing-key rotate|list} against a running emulator over HTTP. */
class SigningKeyCommandTest {
  private static KrrLocal krr;

  @BeforeAll
  static void start() {
    krr = KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true).build().start();
  }

  @AfterAll
  static void stop() {
    krr.close();
  }

  @Test
  void rotatePublishesANextKeyAndListShowsIt() throws Exception {
    CliRun rotate =
        CliRun.of(
            "admin",
            "signing-key",
            "rotate",
            "--url",
            krr.baseUrl(),
            "--publication-delay",
            "PT5M");
    CliRun list = CliRun.of("admin", "signing-key", "list", "--url", krr.baseUrl(), "--json");

    assertThat(rotate.exitCode()).as(rotate.err()).isZero();
    assertThat(rotate.out()).contains("stage=next", "stage=signing");
    assertThat(list.exitCode()).as(list.err()).isZero();
    JsonNode keys = new ObjectMapper().readTree(list.out()).get("keys");
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0).get("stage").asText()).isEqualTo("next");
    assertThat(keys.get(1).get("stage").asText()).isEqualTo("signing");
    assertThat(rotate.out()).contains("kid=" + keys.get(0).get("kid").asText());
  }

  @Test
  void refusesABadDelayWithTheEmulatorsReason() {
    CliRun rotate =
        CliRun.of(
            "admin",
            "signing-key",
            "rotate",
            "--url",
            krr.baseUrl(),
            "--publication-delay",
            "soon");

    assertThat(rotate.exitCode()).isNotZero();
    assertThat(rotate.err()).contains("publication_delay");
  }
}
