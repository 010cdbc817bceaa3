package io.krrkit.local.internal.selfservice.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import io.krrkit.local.internal.client.ClientKey;
import io.krrkit.local.internal.client.KeySet;
import java.text.ParseException;
import java.util.List;

/**
 * The answer of {@code GET|POST /clients/{id}/jwks}: {@code {"keys":[…], "created",
 * "last_updated"}}, each key with its expiry as {@code exp} (epoch seconds).
 */
record JwksResponse(List<Key> keys, String created, String lastUpdated) {

  /** One registered public key; {@code x5c} only when the key is locked to a certificate. */
  record Key(
      String kid,
      String alg,
      String kty,
      String use,
      String n,
      String e,
      long exp,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<String> x5c) {}

  static JwksResponse of(KeySet set) {
    return new JwksResponse(
        set.keys().stream().map(JwksResponse::key).toList(),
        SelfServiceJson.timestamp(set.created()),
        SelfServiceJson.timestamp(set.lastUpdated()));
  }

  // Keys put straight into the store (tests, embedding) may lack alg or use.
  private static Key key(ClientKey stored) {
    RSAKey jwk = parse(stored.publicJwk());
    List<Base64> chain = jwk.getX509CertChain();
    return new Key(
        jwk.getKeyID(),
        jwk.getAlgorithm() == null ? null : jwk.getAlgorithm().getName(),
        jwk.getKeyType().getValue(),
        jwk.getKeyUse() == null ? null : jwk.getKeyUse().identifier(),
        jwk.getModulus().toString(),
        jwk.getPublicExponent().toString(),
        stored.expires().getEpochSecond(),
        chain == null ? null : chain.stream().map(Base64::toString).toList());
  }

  private static RSAKey parse(String publicJwk) {
    try {
      return RSAKey.parse(publicJwk);
    } catch (ParseException e) {
      throw new IllegalStateException("a stored client key is not an RSA JWK", e);
    }
  }
}
