package io.krrkit.maskinporten.validation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The one shared fixture of the validator's tests: an issuer key pair, tokens shaped as
 * Maskinporten mints them, and a movable clock.
 */
final class ValidatorFixture {
  static final String ISSUER = "https://test.maskinporten.no/";
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  final RSAKey key = newKey("issuer-key-1");
  final MovableClock clock = new MovableClock(NOW);

  /** The public keys, as served at {@code jwks_uri}. */
  JWKSet jwks() {
    return new JWKSet(key.toPublicJWK());
  }

  /** A validator reading keys in-process from {@link #jwks()}. */
  MaskinportenTokenValidator.Builder validator() {
    return MaskinportenTokenValidator.builder()
        .issuer(ISSUER)
        .clock(clock)
        .keySource((selector, context) -> selector.select(jwks()));
  }

  /** Claims of a token issued now for {@code scope}, as Maskinporten writes them. */
  JWTClaimsSet.Builder claims(String scope) {
    Instant iat = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .claim("client_id", "2f9a3b1e-client")
        .claim("client_amr", "private_key_jwt")
        .claim("consumer", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:310000027"))
        .claim("scope", scope)
        .claim("token_type", "Bearer")
        .issueTime(Date.from(iat))
        .expirationTime(Date.from(iat.plusSeconds(120)))
        .jwtID(UUID.randomUUID().toString());
  }

  /** Signs {@code claims} with the issuer key, header {@code {kid, alg: RS256}}. */
  String sign(JWTClaimsSet.Builder claims) {
    return sign(claims, key);
  }

  static String sign(JWTClaimsSet.Builder claims, RSAKey with) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(with));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clock tests move by hand. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
