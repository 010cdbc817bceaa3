package io.krrkit.local.internal.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/** PEM text of certificates and PKCS#8 private keys: how the CA is stored and served. */
public final class Pem {
  private static final Base64.Encoder MIME =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private Pem() {}

  /**
   * Every certificate in a PEM file (a CA bundle may hold several).
   *
   * @throws IllegalArgumentException when the file cannot be read or holds no certificate
   */
  public static List<X509Certificate> readCertificates(Path file) {
    Objects.requireNonNull(file, "file == null");
    try {
      return certificates(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read certificate file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every certificate in PEM {@code text}.
   *
   * @throws IllegalArgumentException when the text holds no certificate
   */
  public static List<X509Certificate> certificates(String text) {
    try {
      List<X509Certificate> certificates =
          factory()
              .generateCertificates(
                  new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))
              .stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no PEM certificate (-----BEGIN CERTIFICATE-----)");
      }
      return certificates;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a PEM X.509 certificate", e);
    }
  }

  /** {@code -----BEGIN CERTIFICATE-----} text of {@code certificate}. */
  public static String encode(X509Certificate certificate) {
    try {
      return armor("CERTIFICATE", certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode certificate", e);
    }
  }

  /** {@code -----BEGIN PRIVATE KEY-----} (PKCS#8) text of {@code key}. */
  public static String encode(PrivateKey key) {
    return armor("PRIVATE KEY", key.getEncoded());
  }

  /** The RSA private key in PKCS#8 PEM {@code text}. */
  public static PrivateKey rsaPrivateKey(String text) throws GeneralSecurityException {
    String base64 =
        text.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(base64);
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  /** An X.509 certificate factory. */
  static CertificateFactory factory() {
    try {
      return CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
    }
  }

  private static String armor(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + MIME.encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
