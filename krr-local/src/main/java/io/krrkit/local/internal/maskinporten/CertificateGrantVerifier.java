package io.krrkit.local.internal.maskinporten;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import io.krrkit.local.internal.certificate.CertificateRejectedException;
import io.krrkit.local.internal.certificate.CertificateValidator;
import io.krrkit.local.internal.certificate.TrustedCertificate;
import io.krrkit.local.internal.client.RegisteredClient;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;

/**
 * Authenticates a grant signed with an enterprise certificate ({@code x5c}, {@code client_amr}
 * {@code virksomhetssertifikat}): the chain must validate (MP-120), its organisation must own the
 * client (MP-122), and the grant must be signed with the certificate's key (MP-124).
 */
public final class CertificateGrantVerifier {
  private final CertificateValidator validator;

  public CertificateGrantVerifier(CertificateValidator validator) {
    this.validator = validator;
  }

  /** Throws {@link TokenRequestException} unless {@code client}'s organisation signed the grant. */
  void verify(RegisteredClient client, JwtGrant grant, Instant now) {
    TrustedCertificate certificate = trusted(grant, now);
    if (!certificate.orgNumber().equals(client.orgNumber())) {
      throw TokenRequestException.of(
          TokenError.CERTIFICATE_ORG_MISMATCH,
          "the certificate is issued to "
              + certificate.orgNumber().value()
              + " but the client belongs to "
              + client.orgNumber().value()
              + "; use the certificate of the client's organisation");
    }
    if (!(certificate.publicKey() instanceof RSAPublicKey key) || !verifies(grant, key)) {
      throw TokenRequestException.of(
          TokenError.INVALID_SIGNATURE,
          "the signature does not verify with the key of the certificate in x5c[0]; sign with"
              + " the certificate's private key");
    }
  }

  private TrustedCertificate trusted(JwtGrant grant, Instant now) {
    List<byte[]> x5c =
        grant.jwt().getHeader().getX509CertChain().stream().map(Base64::decode).toList();
    try {
      return validator.validate(x5c, now);
    } catch (CertificateRejectedException e) {
      throw TokenRequestException.of(TokenError.INVALID_CERTIFICATE, e.getMessage());
    }
  }

  private static boolean verifies(JwtGrant grant, RSAPublicKey key) {
    try {
      return grant.jwt().verify(new RSASSAVerifier(key));
    } catch (JOSEException e) {
      return false;
    }
  }
}
