package io.krrkit.local.internal.client;

import com.nimbusds.jose.util.Base64;
import io.krrkit.local.internal.client.KeyImportException.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Public keys out of PEM text ({@code PUBLIC KEY}, {@code RSA PUBLIC KEY}, {@code CERTIFICATE}) and
 * DER bytes (a certificate, SPKI or PKCS#1), read with BouncyCastle. Anything private is refused
 * before it is parsed further.
 */
final class PemKeys {
  private static final AlgorithmIdentifier RSA =
      new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
  private static final Pattern LABEL = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,40})-----");

  private PemKeys() {}

  /**
   * A public key with the certificate chain it came from.
   *
   * @param chain base64 DER certificates, leaf first; empty for a bare public key
   */
  record Found(PublicKey key, List<Base64> chain) {
    Found {
      chain = List.copyOf(chain);
    }
  }

  /** The key in PEM {@code text}; certificates win over a bare public key. */
  static Found fromPem(String text) {
    Matcher labels = LABEL.matcher(text);
    while (labels.find()) {
      if (labels.group(1).contains("PRIVATE")) {
        throw new KeyImportException(Problem.PRIVATE_KEY);
      }
    }
    List<X509CertificateHolder> certificates = new ArrayList<>();
    List<SubjectPublicKeyInfo> keys = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof X509CertificateHolder certificate) {
          certificates.add(certificate);
        } else if (object instanceof SubjectPublicKeyInfo key) {
          keys.add(key);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new KeyImportException(Problem.MALFORMED);
    }
    if (!certificates.isEmpty()) {
      return fromCertificates(certificates);
    }
    if (keys.size() != 1) {
      throw new KeyImportException(Problem.MALFORMED);
    }
    return new Found(publicKey(keys.get(0)), List.of());
  }

  /** The key in DER {@code bytes}: a certificate, an SPKI or a PKCS#1 public key. */
  static Found fromDer(byte[] bytes) {
    ASN1Primitive der;
    try {
      der = ASN1Primitive.fromByteArray(bytes);
    } catch (IOException | RuntimeException e) {
      throw new KeyImportException(Problem.MALFORMED);
    }
    if (der == null) {
      throw new KeyImportException(Problem.MALFORMED);
    }
    Optional<Certificate> certificate = parse(() -> Certificate.getInstance(der));
    if (certificate.isPresent()) {
      return fromCertificates(List.of(new X509CertificateHolder(certificate.get())));
    }
    if (parse(() -> PrivateKeyInfo.getInstance(der)).isPresent()
        || parse(() -> RSAPrivateKey.getInstance(der)).isPresent()) {
      throw new KeyImportException(Problem.PRIVATE_KEY);
    }
    Optional<SubjectPublicKeyInfo> info =
        parse(() -> SubjectPublicKeyInfo.getInstance(der))
            .or(
                () ->
                    parse(() -> RSAPublicKey.getInstance(der))
                        .map(pkcs1 -> new SubjectPublicKeyInfo(RSA, bytes)));
    if (info.isPresent()) {
      return new Found(publicKey(info.get()), List.of());
    }
    throw new KeyImportException(Problem.MALFORMED);
  }

  private static Found fromCertificates(List<X509CertificateHolder> certificates) {
    List<Base64> chain = new ArrayList<>();
    for (X509CertificateHolder certificate : certificates) {
      try {
        chain.add(Base64.encode(certificate.getEncoded()));
      } catch (IOException e) {
        throw new KeyImportException(Problem.MALFORMED);
      }
    }
    return new Found(publicKey(certificates.get(0).getSubjectPublicKeyInfo()), chain);
  }

  private static PublicKey publicKey(SubjectPublicKeyInfo info) {
    try {
      return new JcaPEMKeyConverter().getPublicKey(info);
    } catch (IOException | RuntimeException e) {
      throw new KeyImportException(Problem.MALFORMED);
    }
  }

  /** What {@code parse} makes of the DER, or empty when it is another structure. */
  private static <T> Optional<T> parse(Supplier<T> parse) {
    try {
      return Optional.ofNullable(parse.get());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
