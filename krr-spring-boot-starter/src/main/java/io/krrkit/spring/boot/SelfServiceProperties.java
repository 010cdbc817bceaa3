package io.krrkit.spring.boot;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code krr.selfservice.*}: the {@code SelfServiceClient} bean, made only when {@code enabled}. It
 * signs in as the client given by {@code client-id} and {@code key}, which needs the {@code
 * idporten:dcr.*} scopes (a KRR client is not given them, MP-201); without them, as the {@code
 * krr.maskinporten} client.
 */
@ConfigurationProperties("krr.selfservice")
public class SelfServiceProperties {
  /** Whether to make a SelfServiceClient bean (managing clients, keys and scopes). */
  private boolean enabled;

  /** Digdir's self-service API to use, when no base URL is given. */
  private DigdirEnvironment environment = DigdirEnvironment.TEST;

  /**
   * Another self-service API's base URL, e.g. krr-local's http://localhost:7070/selfservice;
   * overrides the environment.
   */
  private String baseUrl;

  /**
   * Integration id of the client that manages clients (idporten:dcr.* scopes); by default the
   * krr.maskinporten client.
   */
  private String clientId;

  /** Private key file of that client: a JWK, a PEM (PKCS#8 or PKCS#1) or a PKCS#12 keystore. */
  private Path key;

  /** Key id the key is registered under; needed for PEM, a JWK carries its own. */
  private String kid;

  /** Password of a PKCS#12 key file (and of its key). */
  private String keyPassword;

  /** The self-service client's id, or null for the krr.maskinporten client. */
  public String getClientId() {
    return clientId;
  }

  /** Sets the self-service client's id. */
  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  /** Its key file, or null. */
  public Path getKey() {
    return key;
  }

  /** Sets its key file. */
  public void setKey(Path key) {
    this.key = key;
  }

  /** Its kid, or null. */
  public String getKid() {
    return kid;
  }

  /** Sets its kid. */
  public void setKid(String kid) {
    this.kid = kid;
  }

  /** Its PKCS#12 key file's password, or null. */
  public String getKeyPassword() {
    return keyPassword;
  }

  /** Sets its PKCS#12 key file's password. */
  public void setKeyPassword(String keyPassword) {
    this.keyPassword = keyPassword;
  }

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
