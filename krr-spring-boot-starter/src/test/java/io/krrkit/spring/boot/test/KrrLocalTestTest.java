package io.krrkit.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.junit.TestClient;
import io.krrkit.krr.KrrClient;
import io.krrkit.local.KrrLocal;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.selfservice.SelfServiceClient;
import io.krrkit.spring.boot.KrrAutoConfiguration;
import io.krrkit.spring.boot.KrrHealthConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @KrrLocalTest} on a {@code @SpringBootTest}: the starter's beans, made from the properties
 * it sets, look up a person in the emulator it started, over HTTP.
 */
@SpringBootTest(classes = KrrLocalTestTest.App.class)
@KrrLocalTest
class KrrLocalTestTest {
  @Autowired KrrClient krr;
  @Autowired MaskinportenClient maskinporten;
  @Autowired KrrLocal krrLocal;
  @Autowired TestClient client;
  @Autowired ApplicationContext context;

  @Test
  void theBeansLookUpAPersonInTheEmulator() {
    String id = "01817090148"; // a synthetic person with fresh contact information

    assertThat(krr.lookup(List.of(id)).person(id))
        .hasValueSatisfying(p -> assertThat(p.kontaktinformasjon()).isNotNull());
  }

  @Test
  void thePropertiesPointAtTheEmulatorAndItsClient() {
    assertThat(maskinporten.environment().issuer()).isEqualTo(krrLocal.maskinportenIssuer());
    assertThat(maskinporten.clientId()).isEqualTo(client.clientId());
    assertThat(context.getEnvironment().getProperty("krr.maskinporten.key")).endsWith(".jwk");
    assertThat(context.getBeanNamesForType(SelfServiceClient.class)).isEmpty();
  }

  // The starter's auto-configuration only: this module's test class path mixes Boot 3 with Boot 4's
  // spring-boot-health, whose own auto-configuration needs Boot 4. The samples run the full set.
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({KrrAutoConfiguration.class, KrrHealthConfiguration.class})
  static class App {}
}
