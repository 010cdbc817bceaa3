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
public class MaskinportenProperties {
  /** The integration id (client_id) of the client, as Samarbeidsportalen shows it. */
  private String clientId;

  /** Digdir's environment to get tokens from, when no issuer is given. */
  private DigdirEnvironment environment = DigdirEnvironment.TEST;

  /**
   * Another Maskinporten's issuer, e.g. krr-local's http://localhost:7070/maskinporten/; overrides
   * the environment.
   */
  private String issuer;

  /**
   * Private key file the client's grants are signed with: a JWK, a PEM (PKCS#8 or PKCS#1) or a
   * PKCS#12 keystore; its key id must be registered on the client.
   */
  private Path key;

  /** Key id the key is registered under; needed for PEM, a JWK carries its own. */
  private String kid;

  /** Password of a PKCS#12 key file (and of its key). */
  private String keyPassword;

  /** Scopes of the tokens the KRR client and the health check ask for. */
  private List<Scope> scopes = new ArrayList<>(List.of(Scope.KRR_KONTAKTINFORMASJON_READ));

  /** An enterprise certificate to sign with instead of a registered key (sent as x5c). */
  private final Certificate certificate = new Certificate();

  /** The client id. */
  public String getClientId() {
    return clientId;
  }

  /** Sets the client id. */
  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

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

  /** The key file, or null. */
  public Path getKey() {
    return key;
  }

  /** Sets the key file. */
  public void setKey(Path key) {
    this.key = key;
  }

  /** The kid, or null. */
  public String getKid() {
    return kid;
  }

  /** Sets the kid. */
  public void setKid(String kid) {
    this.kid = kid;
  }

  /** The PKCS#12 key file's password, or null. */
  public String getKeyPassword() {
    return keyPassword;
  }

  /** Sets the PKCS#12 key file's password. */
  public void setKeyPassword(String keyPassword) {
    this.keyPassword = keyPassword;
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
