package io.krrkit.local.internal.maskinporten;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import io.krrkit.local.internal.client.ClientKey;
import io.krrkit.local.internal.client.ClientKeyRepository;
import io.krrkit.local.internal.client.ClientRepository;
import io.krrkit.local.internal.client.RegisteredClient;
import java.time.Instant;
import java.util.Optional;

/**
 * Authenticates the client behind a JWT grant: the {@code iss} must be an active client; with
 * {@code kid} ({@code private_key_jwt}) the key must be one of its unexpired keys and the signature
 * made with it; with {@code x5c} and no {@code kid} (a client without registered keys) the
 * enterprise certificate is checked by {@link CertificateGrantVerifier}.
 */
public final class GrantAuthenticator {
  private final ClientRepository clients;
  private final ClientKeyRepository keys;
  private final CertificateGrantVerifier certificates;
  private final KeyVerifiers verifiers = new KeyVerifiers();

  public GrantAuthenticator(
      ClientRepository clients, ClientKeyRepository keys, CertificateGrantVerifier certificates) {
    this.clients = clients;
    this.keys = keys;
    this.certificates = certificates;
  }

  /** The client that signed {@code grant}; throws {@link TokenRequestException} when none did. */
  RegisteredClient authenticate(JwtGrant grant, Instant now) {
    RegisteredClient client =
        clients
            .findById(grant.iss())
            .orElseThrow(
                () ->
                    TokenRequestException.of(
                        TokenError.CLIENT_AUTHENTICATION_FAILED,
                        "Client not found, check that iss is the client_id of a client in this"
                            + " environment"));
    if (!client.active()) {
      throw TokenRequestException.of(
          TokenError.CLIENT_AUTHENTICATION_FAILED, "the client is not active");
    }
    if (grant.kid() == null) {
      requireCertificate(client, grant);
      certificates.verify(client, grant, now);
    } else {
      verifySignature(grant, keyOf(client, grant, now));
    }
    return client;
  }

  private ClientKey keyOf(RegisteredClient client, JwtGrant grant, Instant now) {
    ClientKey key =
        keys.findByKid(grant.kid())
            .filter(k -> k.clientId().equals(client.clientId()))
            .orElseThrow(
                () ->
                    TokenRequestException.of(
                        TokenError.UNKNOWN_KID, "upload the public key to the client first"));
    if (key.isExpired(now)) {
      throw TokenRequestException.of(
          TokenError.EXPIRED_KEY,
          "key " + key.kid() + " expired at " + key.expires() + ", upload a key again");
    }
    return key;
  }

  /** Without {@code kid}: only a client without registered keys, and only with {@code x5c}. */
  private void requireCertificate(RegisteredClient client, JwtGrant grant) {
    if (!keys.findByClient(client.clientId()).isEmpty()) {
      throw TokenRequestException.of(TokenError.KID_REQUIRED);
    }
    if (!grant.hasX5c()) {
      throw TokenRequestException.of(
          TokenError.INVALID_PARAMETER,
          "the JWT header needs kid (a key registered on the client) or x5c (a certificate"
              + " chain)");
    }
  }

  private void verifySignature(JwtGrant grant, ClientKey key) {
    boolean valid;
    try {
      Optional<RSASSAVerifier> verifier = verifiers.forJwk(key.publicJwk());
      valid = verifier.isPresent() && grant.jwt().verify(verifier.get());
    } catch (JOSEException e) {
      valid = false;
    }
    if (!valid) {
      throw TokenRequestException.of(
          TokenError.INVALID_SIGNATURE,
          "the signature does not verify with key " + key.kid() + " registered on the client");
    }
  }
}
