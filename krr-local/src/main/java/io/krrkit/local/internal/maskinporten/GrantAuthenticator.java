package io.krrkit.local.internal.maskinporten;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import io.krrkit.local.internal.cache.ChangeCounter;
import io.krrkit.local.internal.cache.ReadCache;
import io.krrkit.local.internal.client.ClientKey;
import io.krrkit.local.internal.client.ClientKeyRepository;
import io.krrkit.local.internal.client.ClientRepository;
import io.krrkit.local.internal.client.RegisteredClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Authenticates the client behind a JWT grant: the {@code iss} must be an active client; with
 * {@code kid} ({@code private_key_jwt}) the key must be one of its unexpired keys and the signature
 * made with it; with {@code x5c} and no {@code kid} (a client without registered keys) the
 * enterprise certificate is checked by {@link CertificateGrantVerifier}.
 *
 * <p>The client and the key are read through {@link ReadCache}s: a row found is kept at most {@link
 * ReadCache#MAX_AGE}, and until the repositories count a write in the {@link ChangeCounter} given
 * here; an id the store does not hold is looked for again on every grant.
 */
public final class GrantAuthenticator {
  private final ClientRepository clients;
  private final ClientKeyRepository keys;
  private final CertificateGrantVerifier certificates;
  private final KeyVerifiers verifiers = new KeyVerifiers();
  private final ReadCache<String, RegisteredClient> clientReads;
  private final ReadCache<String, ClientKey> keyReads;

  /**
   * Reads clients and keys from the two stores, whose writes {@code changes} counts; {@code
   * cacheClock}, real time, ages the cached rows.
   */
  public GrantAuthenticator(
      ClientRepository clients,
      ClientKeyRepository keys,
      CertificateGrantVerifier certificates,
      ChangeCounter changes,
      Clock cacheClock) {
    this.clients = clients;
    this.keys = keys;
    this.certificates = certificates;
    this.clientReads =
        new ReadCache<>(changes, cacheClock, ReadCache.MAX_AGE, ReadCache.MAX_ENTRIES);
    this.keyReads = new ReadCache<>(changes, cacheClock, ReadCache.MAX_AGE, ReadCache.MAX_ENTRIES);
  }

  /** The client that signed {@code grant}; throws {@link TokenRequestException} when none did. */
  RegisteredClient authenticate(JwtGrant grant, Instant now) {
    RegisteredClient client =
        clientReads
            .get(grant.iss(), clients::findById)
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
        keyReads
            .get(grant.kid(), keys::findByKid)
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
