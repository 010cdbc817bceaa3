package io.krrkit.local.internal.maskinporten;

import io.krrkit.core.InvalidIdentifierException;
import io.krrkit.core.JwtGrantRules;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.client.RegisteredClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Maskinporten's token endpoint logic: validates a JWT grant and mints an access token
 * (spec.md#order-of-checks).
 *
 * <p>Checks run in this order, each failing with its {@link TokenError}: grant type; assertion
 * present (MP-011); grant shape ({@link JwtGrant#parse}); {@code aud} (MP-110); client, key and
 * signature (MP-100, MP-120, MP-121, MP-123, MP-124); times (MP-130); integration type and scopes
 * (MP-201, MP-200); whom the token is for ({@link GrantAuthorizer}: MP-201, MP-251, MP-011,
 * MP-250); the {@code authorization_details} in the Altinn registers ({@link
 * AuthorizationDetailsResolver}: MP-303; their shape is checked with the grant's, MP-301 to
 * MP-303); and last the {@code jti} (MP-012), so a grant refused for any other reason is not spent.
 */
public final class TokenService {
  /** The only grant type Maskinporten takes. */
  public static final String JWT_BEARER = JwtGrantRules.GRANT_TYPE;

  /** Allowed difference between the client's clock and ours, for {@code iat} and {@code exp}. */
  static final Duration CLOCK_SKEW = JwtGrantRules.CLOCK_SKEW;

  /** What separates the scopes of a grant's {@code scope} claim; compiled once, not per grant. */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final String issuer;
  private final Clock clock;
  private final GrantAuthenticator authenticator;
  private final ReplayGuard replayGuard;
  private final GrantAuthorizer authorizer;
  private final AuthorizationDetailsResolver details;
  private final AccessTokenMinter minter;

  public TokenService(
      String issuer,
      Clock clock,
      GrantAuthenticator authenticator,
      ReplayGuard replayGuard,
      GrantAuthorizer authorizer,
      AuthorizationDetailsResolver details,
      AccessTokenMinter minter) {
    this.issuer = issuer;
    this.clock = clock;
    this.authenticator = authenticator;
    this.replayGuard = replayGuard;
    this.authorizer = authorizer;
    this.details = details;
    this.minter = minter;
  }

  /** Answers a token request; throws {@link TokenRequestException} when it is refused. */
  public IssuedToken issue(TokenRequest request) {
    return issue(request, (clientId, scope) -> {});
  }

  /**
   * As {@link #issue(TokenRequest)}, telling {@code grantRead} the grant's unverified {@code iss}
   * and {@code scope} once it is parsed (for the request journal; neither is a secret).
   */
  public IssuedToken issue(TokenRequest request, BiConsumer<String, String> grantRead) {
    if (!JWT_BEARER.equals(request.grantType())) {
      throw TokenRequestException.of(TokenError.UNSUPPORTED_GRANT_TYPE);
    }
    if (request.assertion() == null) {
      throw TokenRequestException.of(TokenError.INVALID_PARAMETER, "assertion is missing");
    }
    JwtGrant grant = JwtGrant.parse(request.assertion());
    grantRead.accept(grant.iss(), grant.scope());
    checkAudience(grant);
    Instant now = clock.instant();
    RegisteredClient client = authenticator.authenticate(grant, now);
    checkTimes(grant, now);
    Set<Scope> scopes = authorizedScopes(client, grant);
    Authorization authorization = authorizer.authorize(client, grant, scopes);
    List<Map<String, Object>> authorizationDetails =
        details.resolve(grant, client, authorization, now);
    if (!replayGuard.firstUse(grant.jti(), grant.exp().plus(CLOCK_SKEW))) {
      throw TokenRequestException.of(TokenError.GRANT_USED_BEFORE, "make a new jti for each grant");
    }
    return minter.mint(client, scopes, grant, authorization, authorizationDetails, now);
  }

  private void checkAudience(JwtGrant grant) {
    if (!grant.audience().equals(List.of(issuer))) {
      throw TokenRequestException.of(
          TokenError.INVALID_AUDIENCE, "aud must be the issuer " + issuer);
    }
  }

  private static void checkTimes(JwtGrant grant, Instant now) {
    long expiredFor = Duration.between(grant.exp(), now).toSeconds();
    if (expiredFor > CLOCK_SKEW.toSeconds()) {
      throw TokenRequestException.of(
          TokenError.EXPIRED,
          "exp is " + expiredFor + " s before the server time, make a new grant");
    }
    long lifetime = Duration.between(grant.iat(), grant.exp()).toSeconds();
    if (!JwtGrantRules.isAllowedLifetime(Duration.between(grant.iat(), grant.exp()))) {
      throw TokenRequestException.of(
          TokenError.INVALID_LIFETIME,
          "exp - iat is "
              + lifetime
              + " s, it must be 1 to "
              + JwtGrantRules.MAX_LIFETIME_SECONDS
              + " s");
    }
    long skew = Duration.between(now, grant.iat()).toSeconds();
    if (Math.abs(skew) > CLOCK_SKEW.toSeconds()) {
      throw TokenRequestException.of(
          TokenError.INVALID_LIFETIME,
          "iat is "
              + Math.abs(skew)
              + (skew > 0 ? " s after" : " s before")
              + " the server time, at most "
              + CLOCK_SKEW.toSeconds()
              + " s allowed: set iat to now and sync the clock");
    }
  }

  private static Set<Scope> authorizedScopes(RegisteredClient client, JwtGrant grant) {
    if (!client.integrationType().usesMaskinporten()) {
      throw TokenRequestException.of(
          TokenError.SCOPE_NOT_ALLOWED,
          "the client's integration_type is "
              + client.integrationType().wireName()
              + ", use a client of type maskinporten or krr");
    }
    Set<Scope> asked = parseScopes(grant.scope());
    List<String> notOnClient =
        asked.stream().filter(s -> !client.scopes().contains(s)).map(Scope::value).toList();
    if (!notOnClient.isEmpty()) {
      throw TokenRequestException.of(TokenError.INVALID_SCOPE, String.join(" ", notOnClient));
    }
    return asked;
  }

  private static Set<Scope> parseScopes(String scope) {
    Set<Scope> scopes = new LinkedHashSet<>();
    for (String name : WHITESPACE.split(scope.trim())) {
      try {
        scopes.add(Scope.of(name));
      } catch (InvalidIdentifierException e) {
        throw TokenRequestException.of(
            TokenError.INVALID_SCOPE, "a scope is malformed, expected prefix:subscope");
      }
    }
    return scopes;
  }
}
