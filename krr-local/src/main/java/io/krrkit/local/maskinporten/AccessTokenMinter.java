package io.krrkit.local.maskinporten;

import com.nimbusds.jwt.JWTClaimsSet;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.client.RegisteredClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Mints Maskinporten access tokens (SPEC §3): a JWT signed by {@link SigningKeys}, with the claims
 * {@code iss, client_id, client_amr, consumer, scope, token_type, iat, exp, jti}, plus {@code aud}
 * and {@code pid} when the grant asked for them. No {@code typ}, {@code nbf} or {@code sub}, as in
 * real tokens.
 */
final class AccessTokenMinter {
  /** Lifetime of every access token ({@code exp - iat}). */
  static final Duration LIFETIME = Duration.ofSeconds(120);

  private final String issuer;
  private final SigningKeys signingKeys;

  AccessTokenMinter(String issuer, SigningKeys signingKeys) {
    this.issuer = issuer;
    this.signingKeys = signingKeys;
  }

  /** A token for {@code client} with {@code scopes}, issued at {@code now}. */
  IssuedToken mint(RegisteredClient client, Set<Scope> scopes, JwtGrant grant, Instant now) {
    Instant iat = now.truncatedTo(ChronoUnit.SECONDS);
    Instant exp = iat.plus(LIFETIME);
    String scope = Scope.join(scopes);
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .claim("client_id", client.clientId())
            .claim("client_amr", "private_key_jwt")
            .claim("consumer", organisation(client.orgNumber()))
            .claim("scope", scope)
            .claim("token_type", "Bearer")
            .issueTime(Date.from(iat))
            .expirationTime(Date.from(exp))
            .jwtID(UUID.randomUUID().toString());
    if (!grant.resources().isEmpty()) {
      claims.audience(grant.resources());
    }
    if (grant.pid() != null) {
      claims.claim("pid", grant.pid());
    }
    return new IssuedToken(
        signingKeys.sign(claims.build()), Duration.between(now, exp).toSeconds(), scope);
  }

  private static Map<String, String> organisation(OrgNumber org) {
    return Map.of("authority", "iso6523-actorid-upis", "ID", org.iso6523());
  }
}
