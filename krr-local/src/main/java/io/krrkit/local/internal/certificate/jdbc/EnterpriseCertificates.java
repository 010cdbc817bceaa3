package io.krrkit.local.internal.certificate.jdbc;

import io.krrkit.local.internal.certificate.CertificateAuthority;
import io.krrkit.local.internal.certificate.CertificateAuthorityRepository;
import io.krrkit.local.internal.certificate.CertificateValidator;
import io.krrkit.local.internal.certificate.EnterpriseCertificateRequest;
import io.krrkit.local.internal.certificate.IssuedCertificate;
import io.krrkit.local.internal.store.Jdbc;
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
 * EnterpriseCertificates certs = EnterpriseCertificates.create(jdbc, clock, extraAnchors);
 * byte[] p12 = certs.issue(new EnterpriseCertificateRequest(org, null)).toPkcs12(password);
 * }</pre>
 */
public final class EnterpriseCertificates {
  private static final Logger log = LoggerFactory.getLogger(EnterpriseCertificates.class);

  private final CertificateAuthorityRepository repository;
  private final Clock clock;
  private final CertificateValidator validator;
  private volatile CertificateAuthority authority;

  private EnterpriseCertificates(
      CertificateAuthorityRepository repository, Clock clock, List<X509Certificate> anchors) {
    this.repository = repository;
    this.clock = clock;
    this.validator = new CertificateValidator(() -> authority().certificate(), anchors);
  }

  /**
   * Certificates on {@code jdbc}'s store, on {@code clock}, trusting the test CA and {@code
   * trustAnchors}.
   */
  public static EnterpriseCertificates create(
      Jdbc jdbc, Clock clock, List<X509Certificate> trustAnchors) {
    Objects.requireNonNull(jdbc, "jdbc == null");
    Objects.requireNonNull(clock, "clock == null");
    return new EnterpriseCertificates(
        new JdbcCertificateAuthorityRepository(jdbc), clock, trustAnchors);
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
