package io.krrkit.local.internal.certificate;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test enterprise certificates (virksomhetssertifikat) in the emulator: its test CA, kept in the
 * store and made on first use so every node on one store shares it; issuing certificates from it;
 * and the {@link CertificateValidator} the token endpoint checks {@code x5c} chains with.
 *
 * <pre>{@code
 * EnterpriseCertificates certs = new EnterpriseCertificates(repository, clock, extraAnchors);
 * byte[] p12 = certs.issue(new EnterpriseCertificateRequest(org, null)).toPkcs12(password);
 * }</pre>
 */
public final class EnterpriseCertificates {
  private static final Logger log = LoggerFactory.getLogger(EnterpriseCertificates.class);

  private final CertificateAuthorityRepository repository;
  private final Clock clock;
  private final CertificateValidator validator;
  private volatile CertificateAuthority authority;

  /**
   * Certificates whose CA lives in {@code repository}, on {@code clock}, trusting the test CA and
   * {@code trustAnchors}.
   */
  public EnterpriseCertificates(
      CertificateAuthorityRepository repository, Clock clock, List<X509Certificate> anchors) {
    this.repository = Objects.requireNonNull(repository, "repository == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.validator = new CertificateValidator(() -> authority().certificate(), anchors);
  }

  /** Issues a certificate for {@code request}, valid from now on the emulator's clock. */
  public IssuedCertificate issue(EnterpriseCertificateRequest request) {
    return authority().issue(request, clock.instant());
  }

  /** The test CA's certificate. */
  public X509Certificate caCertificate() {
    return authority().certificate();
  }

  /** Validates {@code x5c} chains against the test CA and the extra trust anchors. */
  public CertificateValidator validator() {
    return validator;
  }

  private CertificateAuthority authority() {
    CertificateAuthority current = authority;
    if (current == null) {
      synchronized (this) {
        current = authority;
        if (current == null) {
          current = authority = loadOrCreate();
        }
      }
    }
    return current;
  }

  private CertificateAuthority loadOrCreate() {
    return repository
        .find()
        .orElseGet(
            () -> {
              CertificateAuthority made = CertificateAuthority.generate(clock.instant());
              if (repository.insert(made, clock.instant())) {
                log.info("generated the test CA {}", made);
                return made;
              }
              return repository.find().orElseThrow();
            });
  }
}
