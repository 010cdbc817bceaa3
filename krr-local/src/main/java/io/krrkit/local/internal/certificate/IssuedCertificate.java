package io.krrkit.local.internal.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A newly issued enterprise certificate with its private key.
 *
 * @param privateKey the RSA private key of the certificate
 * @param chain the certificate first, then the CA that issued it
 */
public record IssuedCertificate(PrivateKey privateKey, List<X509Certificate> chain) {
  /** Alias of the key entry in the PKCS#12 files the emulator hands out. */
  public static final String ALIAS = "virksomhetssertifikat";

  /** Copies the chain; it must not be empty. */
  public IssuedCertificate {
    Objects.requireNonNull(privateKey, "privateKey == null");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("chain must hold at least the certificate");
    }
  }

  /** The enterprise certificate itself. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /**
   * A PKCS#12 file: one key entry under {@link #ALIAS} with the key and the full chain, protected
   * by {@code password} (also the key's password).
   */
  public byte[] toPkcs12(char[] password) {
    Objects.requireNonNull(password, "password == null");
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, privateKey, password, chain.toArray(X509Certificate[]::new));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot write the PKCS#12 file", e);
    }
  }

  /** Names the certificate, never the key. */
  @Override
  public String toString() {
    return "IssuedCertificate[" + certificate().getSubjectX500Principal().getName() + "]";
  }
}
