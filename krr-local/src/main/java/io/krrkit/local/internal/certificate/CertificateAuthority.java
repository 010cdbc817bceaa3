package io.krrkit.local.internal.certificate;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The emulator's test CA: a self-signed RSA-2048 root that issues test enterprise certificates
 * (virksomhetssertifikat). Its name ends in a random id, so the CAs of two stores are told apart.
 */
public final class CertificateAuthority {
  /** How long an issued enterprise certificate is valid. */
  public static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(2 * 365);

  // Wide on both sides, so moving the emulator's clock never makes the CA itself invalid.
  private static final Duration CA_VALIDITY_BEFORE = Duration.ofDays(10 * 365);
  private static final Duration CA_VALIDITY_AFTER = Duration.ofDays(30 * 365);
  private static final int KEY_SIZE = 2048;

  private final X509Certificate certificate;
  private final PrivateKey privateKey;

  public CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
    this.certificate = Objects.requireNonNull(certificate, "certificate == null");
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey == null");
  }

  /** A new CA, valid around {@code now}. */
  public static CertificateAuthority generate(Instant now) {
    KeyPair keys = CertificateBuilder.rsaKeyPair(KEY_SIZE);
    String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    Instant at = now.truncatedTo(ChronoUnit.SECONDS);
    X509Certificate certificate =
        CertificateBuilder.of(
                new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "NO")
                    .addRDN(BCStyle.O, "krr-kit")
                    .addRDN(BCStyle.CN, "krr-local test CA " + id)
                    .build(),
                keys.getPublic())
            .selfSignedCa(keys.getPrivate())
            .validity(at.minus(CA_VALIDITY_BEFORE), at.plus(CA_VALIDITY_AFTER))
            .build();
    return new CertificateAuthority(certificate, keys.getPrivate());
  }

  /** The CA certificate, the trust anchor of the certificates it issues. */
  public X509Certificate certificate() {
    return certificate;
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  /**
   * Issues a test enterprise certificate for {@code request}: a fresh RSA-2048 key, valid from
   * {@code now} for {@link #CERTIFICATE_VALIDITY}.
   */
  public IssuedCertificate issue(EnterpriseCertificateRequest request, Instant now) {
    Objects.requireNonNull(request, "request == null");
    KeyPair keys = CertificateBuilder.rsaKeyPair(KEY_SIZE);
    Instant from = now.truncatedTo(ChronoUnit.SECONDS);
    X509Certificate issued =
        CertificateBuilder.of(
                CertificateSubject.enterprise(request.orgNumber(), request.name()),
                keys.getPublic())
            .issuedBy(certificate, privateKey)
            .validity(from, from.plus(CERTIFICATE_VALIDITY))
            .build();
    return new IssuedCertificate(keys.getPrivate(), List.of(issued, certificate));
  }

  /** Names the CA, never its key. */
  @Override
  public String toString() {
    return "CertificateAuthority[" + certificate.getSubjectX500Principal().getName() + "]";
  }
}
