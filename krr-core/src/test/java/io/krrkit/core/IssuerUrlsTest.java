package io.krrkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class IssuerUrlsTest {

  @Test
  void triesMaskinportensLocationThenOpenIdForAnIssuerWithoutPath() {
    assertThat(IssuerUrls.metadataLocations("https://test.maskinporten.no/"))
        .containsExactly(
            URI.create("https://test.maskinporten.no/.well-known/oauth-authorization-server"),
            URI.create("https://test.maskinporten.no/.well-known/openid-configuration"));
  }

  @Test
  void putsTheRfc8414LocationBeforeTheIssuersPathSecond() {
    assertThat(IssuerUrls.metadataLocations("http://localhost:8080/mp/"))
        .containsExactly(
            URI.create("http://localhost:8080/mp/.well-known/oauth-authorization-server"),
            URI.create("http://localhost:8080/.well-known/oauth-authorization-server/mp"),
            URI.create("http://localhost:8080/mp/.well-known/openid-configuration"));
  }

  @Test
  void findsTheSameLocationsWithOrWithoutTheTrailingSlash() {
    assertThat(IssuerUrls.metadataLocations("http://localhost:8080/a/b"))
        .isEqualTo(IssuerUrls.metadataLocations("http://localhost:8080/a/b/"))
        .contains(URI.create("http://localhost:8080/.well-known/oauth-authorization-server/a/b"));
  }

  @Test
  void treatsOneTrailingSlashAsTheOnlyAllowedDifference() {
    assertThat(IssuerUrls.same("http://h/mp/", "http://h/mp")).isTrue();
    assertThat(IssuerUrls.same("http://h/mp", "http://h/mp/")).isTrue();
    assertThat(IssuerUrls.same("http://h/mp/", "http://h/mp/")).isTrue();
    assertThat(IssuerUrls.same("http://h/mp/", "http://h/mp2")).isFalse();
    assertThat(IssuerUrls.same("http://h/mp/", "https://h/mp/")).isFalse();
    assertThat(IssuerUrls.same("http://h/mp/", "http://h/mp//")).isFalse();
    assertThat(IssuerUrls.same("http://h/mp/", null)).isFalse();
  }
}
