package io.krrkit.spring.boot;

import io.krrkit.maskinporten.MaskinportenClient;

/**
 * Changes the {@code MaskinportenClient} bean's builder after the properties are applied: timeouts,
 * retries, a proxy, a listener. Declare it as a bean; customizers run in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * MaskinportenClientCustomizer slowNetwork() {
 *   return builder -> builder.requestTimeout(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface MaskinportenClientCustomizer {

  /** Changes {@code builder} before {@code build()}. */
  void customize(MaskinportenClient.Builder builder);
}
