package io.krrkit.spring.boot;

import io.krrkit.krr.KrrClient;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.micrometer.MicrometerMaskinportenListener;
import io.krrkit.selfservice.SelfServiceClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Makes a {@link MaskinportenClient}, a {@link KrrClient} on it and, with {@code
 * krr.selfservice.enabled=true}, a {@link SelfServiceClient}, from the {@code krr.*} properties.
 * Each bean backs off when the application declares its own. {@code krr.enabled=false} turns it all
 * off. With Micrometer on the class path and a {@code MeterRegistry} bean, token requests are
 * counted ({@link MicrometerMaskinportenListener}); with Actuator, {@link KrrHealthConfiguration}
 * adds the {@code krr} health indicator.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "krr", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({
  MaskinportenProperties.class,
  KrrLookupProperties.class,
  SelfServiceProperties.class
})
public class KrrAutoConfiguration {

  /** The Maskinporten client of {@code krr.maskinporten.*}, customized by the customizers. */
  @Bean
  @ConditionalOnMissingBean
  public MaskinportenClient maskinportenClient(
      MaskinportenProperties properties, ObjectProvider<MaskinportenClientCustomizer> customizers) {
    MaskinportenClient.Builder builder = ClientFactory.maskinporten(properties);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /** The KRR client of {@code krr.lookup.*}, with tokens for {@code krr.maskinporten.scopes}. */
  @Bean
  @ConditionalOnMissingBean
  public KrrClient krrClient(
      KrrLookupProperties lookup,
      MaskinportenProperties maskinportenProperties,
      MaskinportenClient maskinporten,
      ObjectProvider<KrrClientCustomizer> customizers) {
    KrrClient.Builder builder =
        ClientFactory.krr(lookup, maskinporten, ClientFactory.tokenRequest(maskinportenProperties));
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /**
   * The self-service API client of {@code krr.selfservice.*}, when enabled: signed in as {@code
   * krr.selfservice.client-id}, or else as the {@code krr.maskinporten} client.
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "krr.selfservice", name = "enabled", havingValue = "true")
  public SelfServiceClient selfServiceClient(
      SelfServiceProperties properties,
      MaskinportenProperties maskinportenProperties,
      MaskinportenClient maskinporten,
      ObjectProvider<MaskinportenClientCustomizer> customizers) {
    MaskinportenClient signIn =
        ClientFactory.selfServiceMaskinporten(properties, maskinportenProperties)
            .map(
                builder -> {
                  customizers.orderedStream().forEach(c -> c.customize(builder));
                  return builder.build();
                })
            .orElse(maskinporten);
    return ClientFactory.selfService(properties, signIn).build();
  }

  /** Counts token requests in the application's {@code MeterRegistry}, when it has one. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class Metrics {

    // First, so an application's own customizer may set another listener.
    @Bean
    @Order(0)
    MaskinportenClientCustomizer krrMicrometerCustomizer(ObjectProvider<MeterRegistry> registry) {
      return builder ->
          registry.ifAvailable(r -> builder.listener(new MicrometerMaskinportenListener(r)));
    }
  }
}
