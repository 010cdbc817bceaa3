package io.krrkit.local.internal.maskinporten;

import com.nimbusds.jwt.JWTClaimsSet;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.client.RegisteredClient;
import io.krrkit.local.internal.signing.SigningKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Mints Maskinporten access tokens (spec.md#token-response-and-access-token): a JWT signed by
 * {@link SigningKeys}, with the claims {@code iss, client_id, client_amr, consumer, scope,
 * token_type, iat, exp, jti}, plus {@code aud} and {@code pid} when the grant asked for them,
 * {@code supplier} and {@code delegation_source} for a delegation, {@code client_onbehalfof} and
 * {@code client_onbehalfof_orgno} for on-behalf-of, {@code authorization_details} for a system user
 * or consent. No {@code typ}, {@code nbf} or {@code sub}, as in real tokens.
 */
public final class AccessTokenMinter {
  /** Lifetime of every access token ({@code exp - iat}). */
  public static final Duration LIFETIME = Duration.ofSeconds(120);

  /**
   * How long a signing key stays published after it stopped signing: the token lifetime plus the
   * skew verifiers allow on {@code exp}.
   */
  public static final Duration KEY_RETENTION =
      LIFETIME.plusSeconds(JwtAccessTokenVerifier.SKEW_SECONDS);

  private final String issuer;
  private final SigningKeys signingKeys;

  public AccessTokenMinter(String issuer, SigningKeys signingKeys) {
    this.issuer = issuer;
    this.signingKeys = signingKeys;
  }

  /**
   * A token for {@code client} with {@code scopes}, as {@code authorization} says, at {@code now}.
   */
  IssuedToken mint(
      RegisteredClient client,
      Set<Scope> scopes,
      JwtGrant grant,
      Authorization authorization,
      List<Map<String, Object>> authorizationDetails,
      Instant now) {
    Instant iat = now.truncatedTo(ChronoUnit.SECONDS);
    Instant exp = iat.plus(authorization.lifetime());
    String scope = Scope.join(scopes);
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .claim("client_id", client.clientId())
            .claim(
                "client_amr", grant.usesCertificate() ? "virksomhetssertifikat" : "private_key_jwt")
            .claim("consumer", organisation(authorization.consumer()))
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
    addParties(claims, authorization);
    if (!authorizationDetails.isEmpty()) {
      claims.claim(AuthorizationDetails.CLAIM, authorizationDetails);
    }
    return new IssuedToken(
        signingKeys.sign(claims.build()), Duration.between(now, exp).toSeconds(), scope);
  }

  /**
   * {@code supplier} and {@code delegation_source}, or the on-behalf-of claims, when they apply.
   */
  private static void addParties(JWTClaimsSet.Builder claims, Authorization authorization) {
    if (authorization.supplier() != null) {
      claims.claim("supplier", organisation(authorization.supplier()));
    }
    if (authorization.delegationSource() != null) {
      claims.claim("delegation_source", authorization.delegationSource());
    }
    if (authorization.onBehalfOf() != null) {
      claims.claim("client_onbehalfof", authorization.onBehalfOf().onbehalfof());
      claims.claim("client_onbehalfof_orgno", authorization.onBehalfOf().orgNumber().value());
    }
  }

  private static Map<String, String> organisation(OrgNumber org) {
    return Map.of("authority", "iso6523-actorid-upis", "ID", org.iso6523());
  }
}
