package io.krrkit.local.internal.certificate;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the emulator's X.509 certificates with BouncyCastle: a self-signed CA, or an end-entity
 * certificate signed by it. SHA256withRSA, random 127-bit serial numbers, key identifiers set.
 */
final class CertificateBuilder {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final X500Name subject;
  private final PublicKey publicKey;
  private X500Name issuer;
  private PrivateKey issuerKey;
  private X509Certificate issuerCertificate;
  private Instant notBefore;
  private Instant notAfter;
  private boolean ca;

  private CertificateBuilder(X500Name subject, PublicKey publicKey) {
    this.subject = subject;
    this.publicKey = publicKey;
  }

  /** A certificate for {@code subject} holding {@code publicKey}. */
  static CertificateBuilder of(X500Name subject, PublicKey publicKey) {
    return new CertificateBuilder(subject, publicKey);
  }

  /** A fresh RSA key pair of {@code bits}. */
  static KeyPair rsaKeyPair(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an RSA " + bits + " key", e);
    }
  }

  /** Self-signed CA with {@code key}: basic constraints CA, key usage keyCertSign and cRLSign. */
  CertificateBuilder selfSignedCa(PrivateKey key) {
    this.issuer = subject;
    this.issuerKey = key;
    this.ca = true;
    return this;
  }

  /** End entity signed by {@code authority}: key usage digitalSignature and nonRepudiation. */
  CertificateBuilder issuedBy(X509Certificate authority, PrivateKey authorityKey) {
    this.issuer = X500Name.getInstance(authority.getSubjectX500Principal().getEncoded());
    this.issuerKey = authorityKey;
    this.issuerCertificate = authority;
    return this;
  }

  /** Valid from {@code from} to {@code to}, whole seconds. */
  CertificateBuilder validity(Instant from, Instant to) {
    this.notBefore = from;
    this.notAfter = to;
    return this;
  }

  X509Certificate build() {
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              new BigInteger(127, RANDOM).add(BigInteger.ONE),
              Date.from(notBefore),
              Date.from(notAfter),
              subject,
              publicKey);
      addExtensions(builder, new JcaX509ExtensionUtils());
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot build the certificate", e);
    }
  }

  private void addExtensions(X509v3CertificateBuilder builder, JcaX509ExtensionUtils utils)
      throws CertIOException, GeneralSecurityException {
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(
            ca
                ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    builder.addExtension(
        Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
    if (issuerCertificate != null) {
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          utils.createAuthorityKeyIdentifier(issuerCertificate));
    }
  }
}
