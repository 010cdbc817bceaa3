package io.krrkit.spring.boot;

import io.krrkit.krr.KrrClient;

/**
 * Changes the {@code KrrClient} bean's builder after the properties are applied: API version, batch
 * size, retries. Declare it as a bean; customizers run in {@code @Order}.
 */
@FunctionalInterface
public interface KrrClientCustomizer {

  /** Changes {@code builder} before {@code build()}. */
  void customize(KrrClient.Builder builder);
}
