package io.krrkit.maskinporten;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * What a client signs its grants with: a key registered on the client (header {@code kid}, {@code
 * client_amr} {@code private_key_jwt}) or an enterprise certificate (header {@code x5c}, {@code
 * client_amr} {@code virksomhetssertifikat}).
 */
sealed interface GrantCredential {
  /** Signs {@code grant}; returns the compact JWS. */
  String sign(JwtGrant grant);

  /** A registered RSA key, sent as {@code kid}. */
  record RegisteredKey(RSAKey key, JWSAlgorithm algorithm) implements GrantCredential {
    @Override
    public String sign(JwtGrant grant) {
      return grant.sign(key, algorithm);
    }
  }

  /** An enterprise certificate, sent as {@code x5c}. */
  record Certificate(EnterpriseCertificate certificate, JWSAlgorithm algorithm)
      implements GrantCredential {
    @Override
    public String sign(JwtGrant grant) {
      return grant.sign(certificate, algorithm);
    }
  }
}
