package io.krrkit.local.internal.certificate;

import io.krrkit.core.OrgNumber;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * An enterprise certificate whose chain validated.
 *
 * @param certificate the enterprise certificate (first in the chain)
 * @param orgNumber the organisation its subject names
 */
public record TrustedCertificate(X509Certificate certificate, OrgNumber orgNumber) {
  /** Both required. */
  public TrustedCertificate {
    Objects.requireNonNull(certificate, "certificate == null");
    Objects.requireNonNull(orgNumber, "orgNumber == null");
  }

  /** The key grants signed with this certificate verify with. */
  public PublicKey publicKey() {
    return certificate.getPublicKey();
  }
}
