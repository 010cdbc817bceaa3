package io.krrkit.spring.boot;

import java.nio.file.Path;

/**
 * A Maskinporten client and the key it signs its grants with: the {@code client-id}, {@code key},
 * {@code kid} and {@code key-password} shared by {@code krr.maskinporten.*} and {@code
 * krr.selfservice.*}.
 */
public abstract class ClientKeyProperties {
  /** The integration id (client_id) of the client, as Samarbeidsportalen shows it. */
  private String clientId;

  /**
   * Private key file the client's grants are signed with: a JWK, a PEM (PKCS#8 or PKCS#1) or a
   * PKCS#12 keystore; its key id must be registered on the client.
   */
  private Path key;

  /** Key id the key is registered under; needed for PEM, a JWK carries its own. */
  private String kid;

  /** Password of a PKCS#12 key file (and of its key). */
  private String keyPassword;

  /** The client id, or null. */
  public String getClientId() {
    return clientId;
  }

  /** Sets the client id. */
  public void setClientId(String clientId) {
    this.clientId = clientId;
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
}
