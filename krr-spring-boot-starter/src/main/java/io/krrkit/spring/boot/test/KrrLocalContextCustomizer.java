package io.krrkit.spring.boot.test;

import io.krrkit.core.IntegrationType;
import io.krrkit.junit.TestClient;
import io.krrkit.junit.TestClients;
import io.krrkit.local.KrrLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts krr-local for one Spring context, registers a KRR client with a key, and sets the {@code
 * krr.*} properties ahead of the application's own; the self-service API signs in as the emulator's
 * bootstrap client. The keys go to private temporary files, as {@code krr.maskinporten.key} names a
 * file in production too; all go when the context closes.
 */
final class KrrLocalContextCustomizer implements ContextCustomizer {
  private static final String PROPERTY_SOURCE = "krrLocalTest";

  private final boolean selfService;

  KrrLocalContextCustomizer(boolean selfService) {
    this.selfService = selfService;
  }

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration config) {
    KrrLocal krr = KrrLocal.builder().port(0).ephemeral().build().start();
    try {
      TestClient client =
          TestClients.register(
              krr,
              KrrLocal.DEFAULT_ORG,
              IntegrationType.KRR,
              IntegrationType.KRR.automaticScopes());
      Path key = writeKey(client.key().toJSONString());
      // The self-service API signs in as the emulator's bootstrap client (idporten:dcr.*).
      Path bootstrapKey = writeKey(krr.bootstrap().privateJwk());
      Map<String, Object> properties = new HashMap<>();
      properties.put("krr.maskinporten.issuer", krr.maskinportenIssuer());
      properties.put("krr.maskinporten.client-id", client.clientId());
      properties.put("krr.maskinporten.key", key.toString());
      properties.put("krr.lookup.base-url", krr.kontaktregisteretUrl());
      properties.put("krr.selfservice.base-url", krr.selfServiceUrl());
      properties.put("krr.selfservice.enabled", String.valueOf(selfService));
      properties.put("krr.selfservice.client-id", krr.bootstrap().clientId());
      properties.put("krr.selfservice.key", bootstrapKey.toString());
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
      context.getBeanFactory().registerSingleton("krrLocal", krr);
      context.getBeanFactory().registerSingleton("krrLocalTestClient", client);
      context.addApplicationListener(
          new CloseWithContext(context, krr, List.of(key, bootstrapKey)));
    } catch (RuntimeException e) {
      krr.close();
      throw e;
    }
  }

  private static Path writeKey(String jwk) {
    try {
      Path file =
          Files.createTempFile(
              "krr-local-test",
              ".jwk",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      return Files.writeString(file, jwk);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the test client's key file", e);
    }
  }

  // Equal customizers give equal context keys: Spring's context cache then shares the emulator.
  @Override
  public boolean equals(Object other) {
    return other instanceof KrrLocalContextCustomizer c && c.selfService == selfService;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(selfService) + 31;
  }

  /** Closes the emulator and deletes the key file when the context it was made for closes. */
  private static final class CloseWithContext implements ApplicationListener<ContextClosedEvent> {
    private final ConfigurableApplicationContext context;
    private final KrrLocal krr;
    private final List<Path> keys;

    CloseWithContext(ConfigurableApplicationContext context, KrrLocal krr, List<Path> keys) {
      this.context = context;
      this.krr = krr;
      this.keys = keys;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
      if (event.getApplicationContext() != context) {
        return;
      }
      krr.close();
      for (Path key : keys) {
        try {
          Files.deleteIfExists(key);
        } catch (IOException e) {
          throw new UncheckedIOException("could not delete " + key, e);
        }
      }
    }
  }
}
