package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaskinportenEnvironmentTest {

  @Test
  void namesDigdirsIssuers() {
    assertThat(MaskinportenEnvironment.TEST.issuer()).isEqualTo("https://test.maskinporten.no/");
    assertThat(MaskinportenEnvironment.PRODUCTION.issuer()).isEqualTo("https://maskinporten.no/");
  }

  @Test
  void findsMetadataUnderTheIssuer() {
    assertThat(MaskinportenEnvironment.TEST.metadataUri())
        .isEqualTo(
            URI.create("https://test.maskinporten.no/.well-known/oauth-authorization-server"));
    assertThat(MaskinportenEnvironment.custom("http://localhost:7070/maskinporten/").metadataUri())
        .isEqualTo(
            URI.create(
                "http://localhost:7070/maskinporten/.well-known/oauth-authorization-server"));
  }

  @Test
  void addsTheTrailingSlashTheIssuerHas() {
    assertThat(MaskinportenEnvironment.custom("http://localhost:7070/maskinporten").issuer())
        .isEqualTo("http://localhost:7070/maskinporten/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"test.maskinporten.no", "ftp://x/", "https://x/?a=b", "https:// x/"})
  void refusesWhatIsNotAnIssuer(String issuer) {
    assertThatThrownBy(() -> MaskinportenEnvironment.custom(issuer))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining(issuer);
  }
}
