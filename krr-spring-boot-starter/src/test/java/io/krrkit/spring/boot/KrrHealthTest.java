package io.krrkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.junit.KrrLocalExtension;
import io.krrkit.junit.TestClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;

/**
 * The {@code krr} health indicator, on Boot 4's health API (spring-boot-health) and, without it, on
 * Boot 3's: up with a token for the scopes, down with the MP code when Maskinporten refuses; never
 * the token itself.
 */
class KrrHealthTest {
  @RegisterExtension
  static final KrrLocalExtension krr = KrrLocalExtension.builder().shared().build();

  @TempDir Path dir;

  @Test
  void upOnBoot4sApiWhenATokenIsIssued() throws Exception {
    TestClient client = krr.registerKrrClient();

    StarterFixture.runnerFor(krr, client, dir)
        .run(
            context -> {
              var health =
                  context
                      .getBean(
                          "krrHealthIndicator",
                          org.springframework.boot.health.contributor.HealthIndicator.class)
                      .health();
              assertThat(health.getStatus().getCode()).isEqualTo("UP");
              assertThat(health.getDetails())
                  .containsEntry("clientId", client.clientId())
                  .containsEntry("scopes", "krr:global/kontaktinformasjon.read")
                  .containsKey("tokenExpiresAt");
            });
  }

  @Test
  void upOnBoot3sApiWhenBoot4sIsMissing() throws Exception {
    TestClient client = krr.registerKrrClient();

    StarterFixture.runnerFor(krr, client, dir)
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.health."))
        .run(
            context -> {
              var health =
                  context
                      .getBean(
                          "krrHealthIndicator",
                          org.springframework.boot.actuate.health.HealthIndicator.class)
                      .health();
              assertThat(health.getStatus().getCode()).isEqualTo("UP");
              assertThat(health.getDetails()).containsEntry("clientId", client.clientId());
            });
  }

  @Test
  void downWithTheMpCodeWhenTheKeyIsNotRegistered() throws Exception {
    TestClient client = krr.registerKrrClient();
    krr.replaceKeys(client, List.of());

    StarterFixture.runnerFor(krr, client, dir)
        .run(
            context -> {
              var health =
                  context
                      .getBean(
                          "krrHealthIndicator",
                          org.springframework.boot.health.contributor.HealthIndicator.class)
                      .health();
              assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
              assertThat(health.getDetails())
                  .containsEntry("error", "MaskinportenErrorException")
                  .hasEntrySatisfying(
                      "code", code -> assertThat(code).asString().startsWith("MP-"));
              assertThat(health.getDetails().toString()).doesNotContain("eyJ");
            });
  }

  @Test
  void offWithManagementHealthKrrEnabledFalse() throws Exception {
    TestClient client = krr.registerKrrClient();

    StarterFixture.runnerFor(krr, client, dir)
        .withPropertyValues("management.health.krr.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("krrHealthIndicator"));
  }
}
