package io.krrkit.local.internal.idporten;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.maskinporten.BearerHeader;
import io.krrkit.local.internal.maskinporten.InvalidTokenException;
import io.krrkit.local.internal.signing.SigningKeys;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Verifies access tokens of the emulator's ID-porten, for its resource servers: type {@code at+jwt}
 * (an ID token is not an access token), issuer, signature with a published ID-porten key (by {@code
 * kid}), expiry on the emulator's clock with {@value #SKEW_SECONDS} s of skew, and a valid {@code
 * pid}. Thread-safe.
 */
public final class UserTokenVerifier {
  static final long SKEW_SECONDS = 5;

  private final String issuer;
  private final SigningKeys keys;
  private final Clock clock;

  public UserTokenVerifier(String issuer, SigningKeys keys, Clock clock) {
    this.issuer = issuer;
    this.clock = clock;
    this.keys = keys;
  }

  /**
   * Verifies the value of an {@code Authorization} header ({@code Bearer <jwt>}).
   *
   * @throws InvalidTokenException when the token is missing, malformed, expired or not an access
   *     token of this ID-porten; the message never contains the token
   */
  public UserToken verify(String authorizationHeader) {
    SignedJWT jwt = parse(BearerHeader.token(authorizationHeader));
    if (!new JOSEObjectType(TokenMinter.ACCESS_TOKEN_TYPE).equals(jwt.getHeader().getType())) {
      throw new InvalidTokenException("not an ID-porten access token (typ at+jwt)");
    }
    String kid = jwt.getHeader().getKeyID();
    RSAKey key =
        (kid == null ? Optional.<RSAKey>empty() : keys.publishedKey(kid))
            .orElseThrow(
                () -> new InvalidTokenException("the token's kid is not published by " + issuer));
    try {
      if (!jwt.verify(new RSASSAVerifier(key))) {
        throw new InvalidTokenException("the token's signature does not verify with " + issuer);
      }
      return claims(jwt.getJWTClaimsSet());
    } catch (JOSEException | ParseException | IllegalArgumentException e) {
      throw new InvalidTokenException("the token is not a valid ID-porten access token");
    }
  }

  private UserToken claims(JWTClaimsSet claims) throws ParseException {
    if (!issuer.equals(claims.getIssuer())) {
      throw new InvalidTokenException("the token was not issued by " + issuer);
    }
    Date exp = claims.getExpirationTime();
    Instant now = clock.instant();
    if (exp == null || exp.toInstant().plus(Duration.ofSeconds(SKEW_SECONDS)).isBefore(now)) {
      throw new InvalidTokenException("the token has expired; get a new one");
    }
    String pid = claims.getStringClaim("pid");
    String clientId = claims.getStringClaim("client_id");
    if (pid == null || !Personidentifikator.isValid(pid) || clientId == null) {
      throw new InvalidTokenException("the token lacks pid or client_id");
    }
    return new UserToken(
        Personidentifikator.of(pid),
        clientId,
        Scope.parseList(claims.getStringClaim("scope")),
        exp.toInstant(),
        claims.getJWTID());
  }

  private static SignedJWT parse(String token) {
    try {
      return SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new InvalidTokenException("the token is not a signed JWT");
    }
  }
}
