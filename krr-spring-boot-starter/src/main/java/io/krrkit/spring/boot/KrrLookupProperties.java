package io.krrkit.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code krr.lookup.*}: where the {@code KrrClient} bean looks persons up. */
@ConfigurationProperties("krr.lookup")
public class KrrLookupProperties {
  /** Digdir's KRR to look up in, when no base URL is given. */
  private DigdirEnvironment environment = DigdirEnvironment.TEST;

  /**
   * Another KRR's base URL, e.g. krr-local's http://localhost:7070/kontaktregisteret; overrides the
   * environment.
   */
  private String baseUrl;

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
