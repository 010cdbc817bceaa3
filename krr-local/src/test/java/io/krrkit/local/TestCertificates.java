package io.krrkit.local;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.certificate.IssuedCertificate;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The one shared maker of test certificates for bad and foreign chains (BouncyCastle): CAs other
 * than the emulator's, enterprise certificates they issue with chosen validity, self-signed ones,
 * and the grant header and signing key for a chain; and the key pairs and PEM text the key import
 * tests feed in. Each CA has its own key; every enterprise certificate reuses one key pair, as key
 * generation is slow and the tests are about chains.
 *
 * <pre>{@code
 * TestCertificates.Ca partner = TestCertificates.ca("Partner CA");
 * IssuedCertificate cert = partner.issue(org, now.minus(Duration.ofDays(1)), now.plus(...));
 * fx.sign(TestCertificates.header(cert.chain()), fx.claims(client), TestCertificates.key(cert));
 * }</pre>
 */
public final class TestCertificates {
  private static final KeyPair KEYS = keyPair("RSA", 2048);
  private static final AtomicLong SERIAL = new AtomicLong(1000);
  private static final java.util.Base64.Encoder PEM_LINES =
      java.util.Base64.getMimeEncoder(64, new byte[] {'\n'});

  private TestCertificates() {}

  /** A self-signed CA named {@code CN=name}, valid for ten years around now. */
  public static Ca ca(String name) {
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    KeyPair keys = keyPair("RSA", 2048);
    X509Certificate certificate =
        build(
            subject,
            subject,
            keys.getPublic(),
            keys.getPrivate(),
            now.minus(3650, ChronoUnit.DAYS),
            now.plus(3650, ChronoUnit.DAYS),
            true);
    return new Ca(certificate, keys.getPrivate());
  }

  /**
   * A self-signed enterprise certificate for {@code org}, valid from {@code from} to {@code to}.
   */
  public static IssuedCertificate selfSigned(OrgNumber org, Instant from, Instant to) {
    X500Name subject = enterprise(org);
    return new IssuedCertificate(
        KEYS.getPrivate(),
        List.of(build(subject, subject, KEYS.getPublic(), KEYS.getPrivate(), from, to, false)));
  }

  /** The grant header for {@code chain}: RS256 and {@code x5c}, no {@code kid}. */
  public static JWSHeader.Builder header(List<X509Certificate> chain) {
    List<Base64> x5c = new ArrayList<>();
    for (X509Certificate certificate : chain) {
      try {
        x5c.add(Base64.encode(certificate.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }
    return new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertChain(x5c);
  }

  /** The private key of {@code certificate} as the RSA JWK {@code LocalFixture.sign} takes. */
  public static RSAKey key(IssuedCertificate certificate) {
    return new RSAKey.Builder((RSAPublicKey) certificate.certificate().getPublicKey())
        .privateKey(certificate.privateKey())
        .build();
  }

  /** A private RSA key that belongs to no certificate, for signatures that must not verify. */
  public static RSAKey strangerKey() {
    KeyPair other = keyPair("RSA", 2048);
    return new RSAKey.Builder((RSAPublicKey) other.getPublic())
        .privateKey(other.getPrivate())
        .build();
  }

  /** {@code CN, O, SERIALNUMBER=orgno, organizationIdentifier=NTRNO-orgno, C=NO}. */
  private static X500Name enterprise(OrgNumber org) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "NO")
        .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, "NTRNO-" + org.value())
        .addRDN(BCStyle.SERIALNUMBER, org.value())
        .addRDN(BCStyle.O, "TEST " + org.value())
        .addRDN(BCStyle.CN, "TEST " + org.value())
        .build();
  }

  private static X509Certificate build(
      X500Name issuer,
      X500Name subject,
      PublicKey publicKey,
      PrivateKey issuerKey,
      Instant from,
      Instant to,
      boolean ca) {
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(from),
              Date.from(to),
              subject,
              publicKey);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot build a test certificate", e);
    }
  }

  /** A fresh key pair of {@code algorithm} ({@code RSA}, {@code EC}) and {@code size} bits. */
  public static KeyPair keyPair(String algorithm, int size) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(size);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code der} as PEM text of {@code type}, such as {@code PUBLIC KEY} or {@code CERTIFICATE}. */
  public static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + PEM_LINES.encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** A CA made by this helper. */
  public static final class Ca {
    private final X509Certificate certificate;
    private final PrivateKey key;

    private Ca(X509Certificate certificate, PrivateKey key) {
      this.certificate = certificate;
      this.key = key;
    }

    /** The CA certificate, to trust it or send it in a chain. */
    public X509Certificate certificate() {
      return certificate;
    }

    /** An enterprise certificate for {@code org}, valid {@code from}..{@code to}: [cert, CA]. */
    public IssuedCertificate issue(OrgNumber org, Instant from, Instant to) {
      X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
      X509Certificate issued =
          build(issuer, enterprise(org), KEYS.getPublic(), key, from, to, false);
      return new IssuedCertificate(KEYS.getPrivate(), List.of(issued, certificate));
    }
  }
}
