package io.krrkit.local.internal.certificate;

/**
 * An enterprise certificate chain is not accepted: the message says which check failed (expired,
 * not yet valid, self-signed, unknown CA, out of order, no organisation number) and what to do.
 */
public final class CertificateRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CertificateRejectedException(String reason) {
    super(reason, null, false, false);
  }
}
