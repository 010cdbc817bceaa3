package io.krrkit.local.internal.maskinporten;

import io.krrkit.local.internal.signing.SigningKeySource;
import io.krrkit.local.internal.signing.SigningKeys;
import io.krrkit.maskinporten.validation.MaskinportenClaims;
import io.krrkit.maskinporten.validation.MaskinportenTokenValidator;
import io.krrkit.maskinporten.validation.TokenValidationException;
import java.time.Clock;
import java.time.Duration;

/**
 * {@link AccessTokenVerifier} for tokens this emulator minted: takes the {@code Bearer} header
 * apart ({@link BearerHeader}) and hands the token to {@link MaskinportenTokenValidator} (the
 * validator API owners use) with the emulator's own keys in-process and its clock, {@value
 * #SKEW_SECONDS} s of skew.
 */
public final class JwtAccessTokenVerifier implements AccessTokenVerifier {
  public static final long SKEW_SECONDS = 5;

  private final MaskinportenTokenValidator validator;

  public JwtAccessTokenVerifier(String issuer, SigningKeys signingKeys, Clock clock) {
    this.validator =
        MaskinportenTokenValidator.builder()
            .issuer(issuer)
            .keySource(new SigningKeySource(signingKeys))
            .clock(clock)
            .clockSkew(Duration.ofSeconds(SKEW_SECONDS))
            .build();
  }

  @Override
  public MaskinportenClaims verify(String authorizationHeader) {
    try {
      return validator.validate(BearerHeader.token(authorizationHeader));
    } catch (TokenValidationException e) {
      throw new InvalidTokenException(e.getMessage());
    }
  }
}
