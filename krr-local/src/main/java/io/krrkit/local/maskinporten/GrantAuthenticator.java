package io.krrkit.local.maskinporten;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.local.client.ClientKey;
import io.krrkit.local.client.ClientKeyRepository;
import io.krrkit.local.client.ClientRepository;
import io.krrkit.local.client.RegisteredClient;
import java.text.ParseException;
import java.time.Instant;

/**
 * Authenticates the client behind a JWT grant ({@code private_key_jwt}): the {@code iss} must be an
 * active client, the {@code kid} one of its unexpired keys, and the signature made with that key.
 * Enterprise certificates ({@code x5c}) are not supported yet and answer MP-120.
 */
final class GrantAuthenticator {
  private final ClientRepository clients;
  private final ClientKeyRepository keys;

  GrantAuthenticator(ClientRepository clients, ClientKeyRepository keys) {
    this.clients = clients;
    this.keys = keys;
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
    verifySignature(grant, keyOf(client, grant, now));
    return client;
  }

  private ClientKey keyOf(RegisteredClient client, JwtGrant grant, Instant now) {
    if (grant.kid() == null) {
      throw withoutKid(client, grant);
    }
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

  private TokenRequestException withoutKid(RegisteredClient client, JwtGrant grant) {
    if (!keys.findByClient(client.clientId()).isEmpty()) {
      return TokenRequestException.of(TokenError.KID_REQUIRED);
    }
    if (grant.hasX5c()) {
      return TokenRequestException.of(
          TokenError.INVALID_CERTIFICATE,
          "enterprise certificates (x5c) are not supported by krr-local yet, register a key on"
              + " the client and send its kid");
    }
    return TokenRequestException.of(
        TokenError.INVALID_PARAMETER,
        "the JWT header needs kid (a key registered on the client) or x5c (a certificate chain)");
  }

  private static void verifySignature(JwtGrant grant, ClientKey key) {
    boolean valid;
    try {
      valid = grant.jwt().verify(new RSASSAVerifier(RSAKey.parse(key.publicJwk())));
    } catch (ParseException | JOSEException e) {
      valid = false;
    }
    if (!valid) {
      throw TokenRequestException.of(
          TokenError.INVALID_SIGNATURE,
          "the signature does not verify with key " + key.kid() + " registered on the client");
    }
  }
}
