package io.krrkit.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code krr.selfservice.*}: the {@code SelfServiceClient} bean, made only when {@code enabled}. It
 * signs in as the client given by {@code client-id} and {@code key}, which needs the {@code
 * idporten:dcr.*} scopes (a KRR client is not given them, MP-201); without them, as the {@code
 * krr.maskinporten} client (then {@code client-id} and {@code key} stay unset here).
 */
@ConfigurationProperties("krr.selfservice")
public class SelfServiceProperties extends ClientKeyProperties {
  /** Whether to make a SelfServiceClient bean (managing clients, keys and scopes). */
  private boolean enabled;

  /** Digdir's self-service API to use, when no base URL is given. */
  private DigdirEnvironment environment = DigdirEnvironment.TEST;

  /**
   * Another self-service API's base URL, e.g. krr-local's http://localhost:7070/selfservice;
   * overrides the environment.
   */
  private String baseUrl;

  /** Whether the bean is made. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether the bean is made. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** The environment. */
  public DigdirEnvironment getEnvironment() {
    return environment;
  }

  /** Sets the environment. */
  public void setEnvironment(DigdirEnvironment environment) {
    this.environment = environment;
  }

  /** The custom base URL, or null. */
  public String getBaseUrl() {
    return baseUrl;
  }

  /** Sets a custom base URL. */
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }
}
