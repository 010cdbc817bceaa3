package io.krrkit.spring.boot;

import io.krrkit.core.Scope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code krr.maskinporten.*}: the Maskinporten client the {@code MaskinportenClient} bean acts as.
 * Give {@code client-id} and either a key file ({@code key}, with {@code kid} for PEM and PKCS#12)
 * or an enterprise certificate ({@code certificate.*}).
 */
@ConfigurationProperties("krr.maskinporten")
public class MaskinportenProperties extends ClientKeyProperties {
  /** Digdir's environment to get tokens from, when no issuer is given. */
  private DigdirEnvironment environment = DigdirEnvironment.TEST;

  /**
   * Another Maskinporten's issuer, e.g. krr-local's http://localhost:7070/maskinporten/; overrides
   * the environment.
   */
  private String issuer;

  /** Scopes of the tokens the KRR client and the health check ask for. */
  private List<Scope> scopes = new ArrayList<>(List.of(Scope.KRR_KONTAKTINFORMASJON_READ));

  /** An enterprise certificate to sign with instead of a registered key (sent as x5c). */
  private final Certificate certificate = new Certificate();

  /** The environment. */
  public DigdirEnvironment getEnvironment() {
    return environment;
  }

  /** Sets the environment. */
  public void setEnvironment(DigdirEnvironment environment) {
    this.environment = environment;
  }

  /** The custom issuer, or null. */
  public String getIssuer() {
    return issuer;
  }

  /** Sets a custom issuer. */
  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  /** The scopes. */
  public List<Scope> getScopes() {
    return scopes;
  }

  /** Sets the scopes. */
  public void setScopes(List<Scope> scopes) {
    this.scopes = scopes;
  }

  /** The enterprise certificate settings. */
  public Certificate getCertificate() {
    return certificate;
  }

  /** {@code krr.maskinporten.certificate.*}: an enterprise certificate (virksomhetssertifikat). */
  public static class Certificate {
    /** PKCS#12 or JKS keystore with the enterprise certificate and its key. */
    private Path keystore;

    /** Entry of the keystore; by default its only private key entry. */
    private String alias;

    /** Password of the keystore and its key. */
    private String password;

    /** The keystore, or null. */
    public Path getKeystore() {
      return keystore;
    }

    /** Sets the keystore. */
    public void setKeystore(Path keystore) {
      this.keystore = keystore;
    }

    /** The alias, or null. */
    public String getAlias() {
      return alias;
    }

    /** Sets the alias. */
    public void setAlias(String alias) {
      this.alias = alias;
    }

    /** The password, or null. */
    public String getPassword() {
      return password;
    }

    /** Sets the password. */
    public void setPassword(String password) {
      this.password = password;
    }
  }
}
