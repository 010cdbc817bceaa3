package io.krrkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata IDEs complete {@code krr.*} from: every property the starter reads is
 * listed with a description, and the scopes have hints.
 */
class ConfigurationMetadataTest {

  @Test
  void everyPropertyIsDescribed() throws Exception {
    JsonNode metadata = read("META-INF/spring-configuration-metadata.json");

    List<String> names = new ArrayList<>();
    for (JsonNode property : metadata.get("properties")) {
      names.add(property.get("name").asText());
      assertThat(property.path("description").asText())
          .as(property.get("name").asText())
          .isNotBlank();
    }
    assertThat(names)
        .contains(
            "krr.enabled",
            "management.health.krr.enabled",
            "krr.maskinporten.client-id",
            "krr.maskinporten.environment",
            "krr.maskinporten.issuer",
            "krr.maskinporten.key",
            "krr.maskinporten.kid",
            "krr.maskinporten.key-password",
            "krr.maskinporten.scopes",
            "krr.maskinporten.certificate.keystore",
            "krr.maskinporten.certificate.alias",
            "krr.maskinporten.certificate.password",
            "krr.lookup.environment",
            "krr.lookup.base-url",
            "krr.selfservice.enabled",
            "krr.selfservice.environment",
            "krr.selfservice.base-url",
            "krr.selfservice.client-id",
            "krr.selfservice.key",
            "krr.selfservice.kid",
            "krr.selfservice.key-password");
    List<String> hinted = new ArrayList<>();
    metadata.get("hints").forEach(h -> hinted.add(h.get("name").asText()));
    assertThat(hinted).contains("krr.maskinporten.scopes");
  }

  private static JsonNode read(String resource) throws Exception {
    try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }
}
