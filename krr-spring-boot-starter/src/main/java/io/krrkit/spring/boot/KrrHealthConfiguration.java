package io.krrkit.spring.boot;

import io.krrkit.maskinporten.MaskinportenClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code krr} health indicator ({@link KrrHealth}), on the health API of the Boot that runs:
 * Boot 3's {@code org.springframework.boot.actuate.health} or Boot 4's {@code
 * org.springframework.boot.health.contributor}. Off with {@code
 * management.health.krr.enabled=false}.
 */
@AutoConfiguration(after = KrrAutoConfiguration.class)
@ConditionalOnBean(MaskinportenClient.class)
@ConditionalOnProperty(prefix = "management.health.krr", name = "enabled", matchIfMissing = true)
public class KrrHealthConfiguration {

  /** Boot 4 (spring-boot-health). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot4 {
    @Bean
    @ConditionalOnMissingBean(name = "krrHealthIndicator")
    Boot4HealthIndicator krrHealthIndicator(
        MaskinportenClient maskinporten, MaskinportenProperties properties) {
      return new Boot4HealthIndicator(
          new KrrHealth(maskinporten, ClientFactory.tokenRequest(properties)));
    }
  }

  /** Boot 3 (spring-boot-actuator), when Boot 4's API is not there. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot3 {
    @Bean
    @ConditionalOnMissingBean(name = "krrHealthIndicator")
    Boot3HealthIndicator krrHealthIndicator(
        MaskinportenClient maskinporten, MaskinportenProperties properties) {
      return new Boot3HealthIndicator(
          new KrrHealth(maskinporten, ClientFactory.tokenRequest(properties)));
    }
  }
}
