package io.krrkit.local.internal.certificate;

import io.krrkit.core.OrgNumber;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Validates an enterprise certificate chain as sent in a grant's {@code x5c} (base64-decoded DER,
 * the certificate first, then each issuer): order, validity at a given instant, PKIX path to the
 * emulator's test CA or an extra trust anchor (no revocation check), and an organisation number in
 * the subject. Thread-safe.
 */
public final class CertificateValidator {
  private final Supplier<X509Certificate> testCa;
  private final List<X509Certificate> extraAnchors;

  /**
   * Trusts the emulator's CA and {@code extraAnchors}.
   *
   * @param testCa the emulator's CA certificate, read on each validation (it is made lazily)
   * @param extraAnchors more trusted roots, given at start
   */
  public CertificateValidator(
      Supplier<X509Certificate> testCa, List<X509Certificate> extraAnchors) {
    this.testCa = testCa;
    this.extraAnchors = List.copyOf(extraAnchors);
  }

  /**
   * The enterprise certificate of {@code x5c} and its organisation, when the chain is valid at
   * {@code at}.
   *
   * @throws CertificateRejectedException saying which check failed
   */
  public TrustedCertificate validate(List<byte[]> x5c, Instant at) {
    List<X509Certificate> chain = parse(x5c);
    checkOrder(chain);
    checkValidity(chain, at);
    checkPath(chain, at);
    return new TrustedCertificate(chain.get(0), orgNumber(chain.get(0)));
  }

  private static List<X509Certificate> parse(List<byte[]> x5c) {
    if (x5c.isEmpty()) {
      throw reject("x5c is empty; send the certificate chain, the enterprise certificate first");
    }
    List<X509Certificate> chain = new ArrayList<>();
    for (int i = 0; i < x5c.size(); i++) {
      try {
        chain.add(
            (X509Certificate)
                Pem.factory().generateCertificate(new ByteArrayInputStream(x5c.get(i))));
      } catch (CertificateException | ClassCastException e) {
        throw reject("x5c[" + i + "] is not a base64 DER X.509 certificate");
      }
    }
    return chain;
  }

  private static void checkOrder(List<X509Certificate> chain) {
    for (int i = 0; i + 1 < chain.size(); i++) {
      if (!chain
          .get(i)
          .getIssuerX500Principal()
          .equals(chain.get(i + 1).getSubjectX500Principal())) {
        throw reject(
            "the chain is out of order: x5c["
                + (i + 1)
                + "] did not issue x5c["
                + i
                + "]; list the enterprise certificate first, then each issuing CA");
      }
    }
  }

  private static void checkValidity(List<X509Certificate> chain, Instant at) {
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate certificate = chain.get(i);
      String which = i == 0 ? "the certificate" : "the CA certificate x5c[" + i + "]";
      try {
        certificate.checkValidity(Date.from(at));
      } catch (CertificateExpiredException e) {
        throw reject(
            which + " expired at " + certificate.getNotAfter().toInstant() + "; get a new one");
      } catch (CertificateNotYetValidException e) {
        throw reject(
            which
                + " is not valid before "
                + certificate.getNotBefore().toInstant()
                + "; check the clocks");
      }
    }
  }

  private void checkPath(List<X509Certificate> chain, Instant at) {
    Set<X509Certificate> anchors = new LinkedHashSet<>(extraAnchors);
    anchors.add(testCa.get());
    try {
      PKIXParameters parameters =
          new PKIXParameters(
              anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet()));
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(at));
      CertPathValidator.getInstance("PKIX")
          .validate(Pem.factory().generateCertPath(withoutAnchors(chain, anchors)), parameters);
    } catch (CertPathValidatorException e) {
      throw reject(untrusted(chain.get(0)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot validate certificate paths", e);
    }
  }

  /** The path PKIX checks: without the trailing roots that are trust anchors themselves. */
  private static List<X509Certificate> withoutAnchors(
      List<X509Certificate> chain, Set<X509Certificate> anchors) {
    int end = chain.size();
    while (end > 1 && anchors.contains(chain.get(end - 1))) {
      end--;
    }
    return chain.subList(0, end);
  }

  private static String untrusted(X509Certificate certificate) {
    if (certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
      return "the certificate is self-signed; use one issued by the krr-local test CA"
          + " (krr cert issue) or start krr-local with its CA as --trust-anchor";
    }
    return "the certificate is not issued by a trusted CA (issuer "
        + certificate.getIssuerX500Principal().getName()
        + "); use one issued by the krr-local test CA (krr cert issue) or start krr-local with"
        + " its CA as --trust-anchor";
  }

  private static OrgNumber orgNumber(X509Certificate certificate) {
    Set<OrgNumber> found = CertificateSubject.orgNumbers(certificate);
    if (found.isEmpty()) {
      throw reject(
          "not an enterprise certificate: the subject has no organisation number (SERIALNUMBER"
              + " or organizationIdentifier NTRNO-<orgno>)");
    }
    if (found.size() > 1) {
      throw reject(
          "the subject names several organisations ("
              + found.stream().map(OrgNumber::value).collect(Collectors.joining(", "))
              + ")");
    }
    return found.iterator().next();
  }

  private static CertificateRejectedException reject(String reason) {
    return new CertificateRejectedException(reason);
  }
}
