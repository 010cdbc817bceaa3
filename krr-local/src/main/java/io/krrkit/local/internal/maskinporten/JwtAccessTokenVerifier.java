package io.krrkit.local.internal.maskinporten;

import io.krrkit.maskinporten.validation.MaskinportenClaims;
import io.krrkit.maskinporten.validation.MaskinportenTokenValidator;
import io.krrkit.maskinporten.validation.TokenValidationException;
import java.time.Clock;
import java.time.Duration;

/**
 * {@link AccessTokenVerifier} for tokens this emulator minted: takes the {@code Bearer} header
 * apart and hands the token to {@link MaskinportenTokenValidator} (the validator API owners use)
 * with the emulator's own keys in-process and its clock, {@value #SKEW_SECONDS} s of skew.
 */
public final class JwtAccessTokenVerifier implements AccessTokenVerifier {
  public static final long SKEW_SECONDS = 5;
  private static final String BEARER = "bearer ";

  private final MaskinportenTokenValidator validator;

  public JwtAccessTokenVerifier(String issuer, SigningKeys signingKeys, Clock clock) {
    this.validator =
        MaskinportenTokenValidator.builder()
            .issuer(issuer)
            .keySource(new EmulatorKeySource(signingKeys))
            .clock(clock)
            .clockSkew(Duration.ofSeconds(SKEW_SECONDS))
            .build();
  }

  @Override
  public VerifiedToken verify(String authorizationHeader) {
    MaskinportenClaims claims;
    try {
      claims = validator.validate(bearerToken(authorizationHeader));
    } catch (TokenValidationException e) {
      throw new InvalidTokenException(e.getMessage());
    }
    return new VerifiedToken(
        claims.clientId(),
        claims.consumer(),
        claims.supplier(),
        claims.scopes(),
        claims.expiresAt(),
        claims.pid(),
        claims.audience());
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
}
