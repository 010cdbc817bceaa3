package io.krrkit.maskinporten;

import com.nimbusds.jose.util.Base64;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An enterprise certificate (virksomhetssertifikat) with its private key: grants signed with it
 * carry the full chain in {@code x5c} (base64 DER, the certificate first) and no {@code kid}, for
 * clients that have no registered keys. Immutable and thread-safe.
 *
 * <pre>{@code
 * EnterpriseCertificate cert =
 *     EnterpriseCertificate.fromKeyStore(Path.of("org.p12"), "virksomhetssertifikat", password);
 * String assertion = JwtGrant.builder().audience(issuer).issuer(clientId).scope(scope).sign(cert);
 * }</pre>
 */
public final class EnterpriseCertificate {
  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private final List<Base64> x5c;

  private EnterpriseCertificate(PrivateKey privateKey, List<X509Certificate> chain) {
    this.privateKey = privateKey;
    this.chain = chain;
    this.x5c = chain.stream().map(EnterpriseCertificate::encode).toList();
  }

  /**
   * The certificate of {@code privateKey} with its chain.
   *
   * @param chain the certificate first, then each issuing CA (the root may be left out)
   * @throws MaskinportenConfigException when the key is not RSA, the chain is empty, or the key
   *     does not belong to the first certificate
   */
  public static EnterpriseCertificate of(PrivateKey privateKey, List<X509Certificate> chain) {
    Objects.requireNonNull(privateKey, "privateKey == null");
    Objects.requireNonNull(chain, "chain == null");
    List<X509Certificate> copy = List.copyOf(chain);
    if (copy.isEmpty()) {
      throw new MaskinportenConfigException(
          "the certificate chain is empty; give the enterprise certificate first, then its CA");
    }
    if (!"RSA".equals(privateKey.getAlgorithm())) {
      throw new MaskinportenConfigException(
          "the certificate's key is "
              + privateKey.getAlgorithm()
              + "; Maskinporten accepts RS256, RS384 or RS512 signatures, so use an RSA key");
    }
    requireSameKey(privateKey, copy.get(0));
    return new EnterpriseCertificate(privateKey, copy);
  }

  /**
   * Loads the entry {@code alias} of a PKCS#12 ({@code .p12}, {@code .pfx}) or JKS keystore file;
   * the keystore and the key share {@code password}.
   *
   * @param alias the entry's alias, or {@code null} for the keystore's only private key entry
   * @throws MaskinportenConfigException when the file is missing or not a keystore, the password is
   *     wrong, or the alias is missing or holds no private key
   */
  public static EnterpriseCertificate fromKeyStore(Path file, String alias, char[] password) {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(password, "password == null");
    if (!Files.isReadable(file)) {
      throw new MaskinportenConfigException(
          "keystore " + file + " does not exist or cannot be read");
    }
    KeyStore store;
    try {
      store = KeyStore.getInstance(file.toFile(), password);
    } catch (IOException e) {
      throw new MaskinportenConfigException(
          "cannot open keystore " + file + ": wrong password, or the file is damaged");
    } catch (GeneralSecurityException e) {
      throw new MaskinportenConfigException(
          file + " is not a PKCS#12 or JKS keystore; give the .p12 file of the certificate");
    }
    return fromKeyStore(store, alias, password);
  }

  /**
   * Loads the entry {@code alias} of a loaded {@code keyStore}.
   *
   * @param alias the entry's alias, or {@code null} for the keystore's only private key entry
   * @param keyPassword the password of the key entry
   * @throws MaskinportenConfigException when the alias is missing or holds no private key, or the
   *     key password is wrong
   */
  public static EnterpriseCertificate fromKeyStore(
      KeyStore keyStore, String alias, char[] keyPassword) {
    Objects.requireNonNull(keyStore, "keyStore == null");
    Objects.requireNonNull(keyPassword, "keyPassword == null");
    try {
      String entry = alias != null ? alias : onlyKeyEntry(keyStore);
      if (!keyStore.containsAlias(entry)) {
        throw new MaskinportenConfigException(
            "the keystore has no entry '" + entry + "'; its entries: " + aliases(keyStore));
      }
      return of(privateKey(keyStore, entry, keyPassword), x509Chain(keyStore, entry));
    } catch (KeyStoreException e) {
      throw new MaskinportenConfigException(
          "the keystore is not loaded or cannot be read; load it before passing it");
    }
  }

  /** The enterprise certificate itself. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The certificate first, then each issuing CA, as sent in {@code x5c}. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** The private key grants are signed with. */
  PrivateKey privateKey() {
    return privateKey;
  }

  /** The {@code x5c} header value: base64 (not base64url) DER of each certificate. */
  List<Base64> x5c() {
    return x5c;
  }

  /** Names the certificate, never the key. */
  @Override
  public String toString() {
    return "EnterpriseCertificate[" + certificate().getSubjectX500Principal().getName() + "]";
  }

  private static String onlyKeyEntry(KeyStore store) throws KeyStoreException {
    List<String> keys = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        keys.add(alias);
      }
    }
    if (keys.size() != 1) {
      throw new MaskinportenConfigException(
          "the keystore holds "
              + keys.size()
              + " private key entries "
              + keys
              + "; say which one with its alias");
    }
    return keys.get(0);
  }

  private static List<String> aliases(KeyStore store) throws KeyStoreException {
    return Collections.list(store.aliases());
  }

  private static PrivateKey privateKey(KeyStore store, String alias, char[] password) {
    Key key;
    try {
      key = store.getKey(alias, password);
    } catch (UnrecoverableKeyException e) {
      throw new MaskinportenConfigException(
          "wrong password for the key in keystore entry '" + alias + "'");
    } catch (GeneralSecurityException e) {
      throw new MaskinportenConfigException(
          "cannot read the key of keystore entry '" + alias + "': " + e.getMessage());
    }
    if (!(key instanceof PrivateKey privateKey)) {
      throw new MaskinportenConfigException(
          "the keystore entry '"
              + alias
              + "' holds no private key (a trusted certificate only); give the alias of the"
              + " entry with the certificate's key");
    }
    return privateKey;
  }

  private static List<X509Certificate> x509Chain(KeyStore store, String alias)
      throws KeyStoreException {
    Certificate[] chain = store.getCertificateChain(alias);
    if (chain == null || chain.length == 0) {
      throw new MaskinportenConfigException(
          "the keystore entry '" + alias + "' has a key but no certificate chain");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate certificate : chain) {
      if (!(certificate instanceof X509Certificate x509)) {
        throw new MaskinportenConfigException(
            "the keystore entry '" + alias + "' holds a certificate that is not X.509");
      }
      certificates.add(x509);
    }
    return certificates;
  }

  private static void requireSameKey(PrivateKey privateKey, X509Certificate certificate) {
    if (!(certificate.getPublicKey() instanceof RSAKey publicKey)) {
      throw new MaskinportenConfigException(
          "the certificate's public key is not RSA; Maskinporten needs an RSA certificate");
    }
    if (privateKey instanceof RSAKey rsa && !rsa.getModulus().equals(publicKey.getModulus())) {
      throw new MaskinportenConfigException(
          "the private key does not belong to the first certificate of the chain ("
              + certificate.getSubjectX500Principal().getName()
              + "); put the enterprise certificate first");
    }
  }

  private static Base64 encode(X509Certificate certificate) {
    try {
      return Base64.encode(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new MaskinportenConfigException("the certificate cannot be DER-encoded");
    }
  }
}
