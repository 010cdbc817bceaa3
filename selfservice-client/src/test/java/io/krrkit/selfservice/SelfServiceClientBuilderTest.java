package io.krrkit.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelfServiceClientBuilderTest {

  @Test
  void namesTheApisOfTestAndProduction() {
    assertThat(SelfServiceEnvironment.TEST.api("/clients"))
        .hasToString("https://api.test.samarbeid.digdir.no/api/v1/clients");
    assertThat(SelfServiceEnvironment.PRODUCTION.api("/clients"))
        .hasToString("https://api.samarbeid.digdir.no/api/v1/clients");
    assertThat(
            SelfServiceEnvironment.custom("http://localhost:7070/selvbetjening/").api("/clients"))
        .hasToString("http://localhost:7070/selvbetjening/api/v1/clients");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://api.test.samarbeid.digdir.no",
        "localhost:7070",
        "http://h/x?y=1",
        "http://h/ x"
      })
  void refusesABaseUrlThatIsNotAPlainHttpUrl(String url) {
    assertThatThrownBy(() -> SelfServiceEnvironment.custom(url))
        .isInstanceOf(SelfServiceConfigException.class)
        .hasMessageContaining("baseUrl");
  }

  @Test
  void requiresEnvironmentAndMaskinporten() {
    assertThatThrownBy(() -> SelfServiceClient.builder().build())
        .isInstanceOf(SelfServiceConfigException.class)
        .hasMessageContaining("environment is required");
    assertThatThrownBy(
            () -> SelfServiceClient.builder().environment(SelfServiceEnvironment.TEST).build())
        .isInstanceOf(SelfServiceConfigException.class)
        .hasMessageContaining("maskinporten is required");
  }

  @Test
  void refusesProductionTokensForTheTestApi() {
    MaskinportenClient production = maskinporten(MaskinportenEnvironment.PRODUCTION);

    assertThatThrownBy(
            () ->
                SelfServiceClient.builder()
                    .environment(SelfServiceEnvironment.TEST)
                    .maskinporten(production)
                    .build())
        .isInstanceOf(SelfServiceConfigException.class)
        .hasMessageContaining("https://maskinporten.no/");
  }

  @Test
  void refusesANonPositiveTimeout() {
    SelfServiceClient.Builder builder =
        SelfServiceClient.builder()
            .environment(SelfServiceEnvironment.TEST)
            .maskinporten(maskinporten(MaskinportenEnvironment.TEST))
            .timeout(Duration.ZERO);

    assertThatThrownBy(builder::build)
        .isInstanceOf(SelfServiceConfigException.class)
        .hasMessageContaining("timeout");
  }

  @Test
  void refusesRetrySettingsThatCannotWork() {
    SelfServiceClient.Builder builder =
        SelfServiceClient.builder()
            .environment(SelfServiceEnvironment.TEST)
            .maskinporten(maskinporten(MaskinportenEnvironment.TEST));

    assertThatThrownBy(() -> builder.maxAttempts(0).build())
        .isInstanceOf(SelfServiceConfigException.class)
        .hasMessageContaining("maxAttempts must be 1..10, was 0");
    assertThatThrownBy(
            () ->
                builder
                    .maxAttempts(3)
                    .retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(SelfServiceConfigException.class)
        .hasMessageContaining("retryBackoff");
  }

  @Test
  void requiresAnIntegrationTypeOnEveryRequest() {
    assertThatThrownBy(
            () ->
                new ClientRequest(
                    null, "x", null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null))
        .isInstanceOf(SelfServiceConfigException.class)
        .hasMessageContaining("integrationType is required");
  }

  private static MaskinportenClient maskinporten(MaskinportenEnvironment environment) {
    return MaskinportenClient.builder()
        .environment(environment)
        .clientId("0b7f8e3c-5a4e-4c1e-9f7e-3f1c2b0a9d8e")
        .signingKey(Keys.rsa("builder"))
        .build();
  }
}
