package io.krrkit.selfservice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A public key registered on a client, as a JWK: RSA 2048 for RS256 ({@code kty=RSA, alg=RS256,
 * use=sig}). Only public members exist here, so a private key cannot be uploaded by mistake.
 *
 * <pre>{@code
 * RSAKey key = new RSAKeyGenerator(2048).keyID("min-org-2025-q1").generate();
 * ClientKey.of(key); // the public part, with its kid
 * }</pre>
 *
 * @param kid the key id, chosen by you and unique across all Digdir's clients
 * @param n the modulus, base64url
 * @param e the public exponent, base64url
 * @param exp when the key stops working (epoch seconds); {@code null} on upload means one year
 * @param x5c the certificate chain that locks the key to an enterprise certificate, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientKey(
    @JsonProperty("kid") String kid,
    @JsonProperty("kty") String kty,
    @JsonProperty("alg") String alg,
    @JsonProperty("use") String use,
    @JsonProperty("n") String n,
    @JsonProperty("e") String e,
    @JsonProperty("exp") Long exp,
    @JsonProperty("x5c") List<String> x5c) {

  /** Requires a kid and freezes the chain. */
  public ClientKey {
    if (kid == null || kid.isBlank()) {
      throw new SelfServiceConfigException(
          "a client key needs a kid; set one with new RSAKey.Builder(key).keyID(\"…\")");
    }
    x5c = x5c == null ? null : List.copyOf(x5c);
  }

  /**
   * The public part of {@code key} with its kid, {@code alg} RS256 and {@code use} sig; its {@code
   * exp} and {@code x5c} when it has them.
   *
   * @throws SelfServiceConfigException when the key has no kid
   */
  public static ClientKey of(RSAKey key) {
    Objects.requireNonNull(key, "key == null");
    RSAKey pub = key.toPublicJWK();
    return new ClientKey(
        pub.getKeyID(),
        pub.getKeyType().getValue(),
        JWSAlgorithm.RS256.getName(),
        KeyUse.SIGNATURE.identifier(),
        pub.getModulus().toString(),
        pub.getPublicExponent().toString(),
        pub.getExpirationTime() == null
            ? null
            : pub.getExpirationTime().toInstant().getEpochSecond(),
        pub.getX509CertChain() == null
            ? null
            : pub.getX509CertChain().stream().map(Base64::toString).toList());
  }

  /** When the key stops working, if the API told. */
  @JsonIgnore
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(exp).map(Instant::ofEpochSecond);
  }
}
