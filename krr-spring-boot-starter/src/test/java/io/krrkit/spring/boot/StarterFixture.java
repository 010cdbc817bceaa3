package io.krrkit.spring.boot;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.junit.KrrLocalExtension;
import io.krrkit.junit.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The module's one test fixture: krr-local (krr-junit's extension) and an {@link
 * ApplicationContextRunner} with the starter's auto-configuration, set up for a client of it.
 */
final class StarterFixture {
  /** Digdir's documented example person, AKTIV in every emulator register. */
  static final String PERSON = "20914695016";

  private StarterFixture() {}

  static ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(KrrAutoConfiguration.class, KrrHealthConfiguration.class));
  }

  /** The runner with every {@code krr.*} property set for {@code client}, its key in a JWK file. */
  static ApplicationContextRunner runnerFor(KrrLocalExtension krr, TestClient client, Path dir)
      throws Exception {
    Path key = Files.writeString(dir.resolve(client.clientId() + ".jwk"), jwk(client.key()));
    return runner()
        .withPropertyValues(
            "krr.maskinporten.issuer=" + krr.krrLocal().maskinportenIssuer(),
            "krr.maskinporten.client-id=" + client.clientId(),
            "krr.maskinporten.key=" + key,
            "krr.lookup.base-url=" + krr.krrLocal().kontaktregisteretUrl(),
            "krr.selfservice.base-url=" + krr.krrLocal().selfServiceUrl());
  }

  static String jwk(RSAKey key) {
    return key.toJSONString();
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
