package io.krrkit.local.maskinporten;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.InvalidIdentifierException;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * {@link AccessTokenVerifier} for tokens this emulator minted: {@code Bearer} header, RS256
 * signature by one of the emulator's keys (cached; an unknown {@code kid} reloads them once), the
 * issuer, and {@code exp} on the emulator's clock with {@value #SKEW_SECONDS} s of skew.
 */
final class JwtAccessTokenVerifier implements AccessTokenVerifier {
  static final long SKEW_SECONDS = 5;
  private static final String BEARER = "bearer ";

  private final String issuer;
  private final SigningKeys signingKeys;
  private final Clock clock;

  JwtAccessTokenVerifier(String issuer, SigningKeys signingKeys, Clock clock) {
    this.issuer = issuer;
    this.signingKeys = signingKeys;
    this.clock = clock;
  }

  @Override
  public VerifiedToken verify(String authorizationHeader) {
    SignedJWT jwt = parse(bearerToken(authorizationHeader));
    checkSignature(jwt);
    try {
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      checkIssuer(claims);
      Instant exp = checkExpiry(claims.getExpirationTime());
      return toVerifiedToken(claims, exp);
    } catch (ParseException | InvalidIdentifierException e) {
      throw new InvalidTokenException("the access token's claims are malformed");
    }
  }

  private static String bearerToken(String header) {
    if (header == null || header.isBlank()) {
      throw new InvalidTokenException("no access token, send Authorization: Bearer <token>");
    }
    String value = header.strip();
    if (value.length() <= BEARER.length()
        || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new InvalidTokenException("the Authorization header must be Bearer <token>");
    }
    return value.substring(BEARER.length()).strip();
  }

  private static SignedJWT parse(String token) {
    try {
      return SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new InvalidTokenException("the access token is not a signed JWT");
    }
  }

  private void checkSignature(SignedJWT jwt) {
    String kid = jwt.getHeader().getKeyID();
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || kid == null) {
      throw new InvalidTokenException("the access token was not issued by " + issuer);
    }
    JWSVerifier verifier =
        signingKeys
            .verifier(kid)
            .orElseThrow(
                () ->
                    new InvalidTokenException(
                        "the access token is signed with a key not published at "
                            + issuer
                            + "jwk"));
    try {
      if (!jwt.verify(verifier)) {
        throw new InvalidTokenException("the access token's signature is invalid");
      }
    } catch (JOSEException e) {
      throw new InvalidTokenException("the access token's signature is invalid");
    }
  }

  private void checkIssuer(JWTClaimsSet claims) {
    if (!issuer.equals(claims.getIssuer())) {
      throw new InvalidTokenException("the access token was not issued by " + issuer);
    }
  }

  private Instant checkExpiry(Date exp) {
    if (exp == null) {
      throw new InvalidTokenException("the access token has no exp");
    }
    Instant expiry = exp.toInstant();
    long ago = Duration.between(expiry, clock.instant()).toSeconds();
    if (ago > SKEW_SECONDS) {
      throw new InvalidTokenException(
          "the access token expired " + ago + " s ago at " + expiry + ", get a new token");
    }
    return expiry;
  }

  private static VerifiedToken toVerifiedToken(JWTClaimsSet claims, Instant exp)
      throws ParseException {
    String clientId = claims.getStringClaim("client_id");
    Map<String, Object> consumer = claims.getJSONObjectClaim("consumer");
    if (clientId == null || consumer == null) {
      throw new InvalidTokenException("the access token lacks client_id or consumer");
    }
    return new VerifiedToken(
        clientId,
        organisation(consumer),
        organisation(claims.getJSONObjectClaim("supplier")),
        Scope.parseList(claims.getStringClaim("scope")),
        exp,
        claims.getStringClaim("pid"),
        claims.getAudience());
  }

  private static OrgNumber organisation(Map<String, Object> claim) {
    if (claim == null) {
      return null;
    }
    if (!(claim.get("ID") instanceof String id)) {
      throw new InvalidTokenException("the access token's organisation claim has no ID");
    }
    return OrgNumber.fromIso6523(id);
  }
}
