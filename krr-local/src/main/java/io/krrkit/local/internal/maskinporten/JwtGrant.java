package io.krrkit.local.internal.maskinporten;

import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.JwtGrantRules;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JWT grant (RFC 7523) as sent to the token endpoint, parsed but not yet trusted: the signature,
 * client, times and scopes are checked by {@link TokenService}. Parsing rejects what is not a
 * well-formed grant: a missing required claim ({@code iss}, {@code iat}, {@code exp}, {@code jti},
 * {@code scope}) or a claim of the wrong type is MP-011; {@code aud} missing is MP-110 (as a wrong
 * one); {@code alg} other than RS256/384/512 is MP-124; {@code x5c} that is not an array is MP-123.
 * {@code resource} may be a string or an array of strings; {@code sub}, when sent, must equal
 * {@code iss}.
 *
 * @param jwt the signed JWT, for the signature check
 * @param kid the {@code kid} header, or {@code null}
 * @param hasX5c whether an {@code x5c} certificate chain was sent
 * @param resources {@code resource} (absolute URIs, RFC 8707), empty when not asked or empty
 * @param pid {@code pid}, or {@code null}
 * @param consumerOrg {@code consumer_org}, or {@code null}
 * @param issOnBehalfOf {@code iss_onbehalfof}, or {@code null}
 * @param authorizationDetails {@code authorization_details} ({@link AuthorizationDetails}), or
 *     {@code null}
 */
record JwtGrant(
    SignedJWT jwt,
    String kid,
    boolean hasX5c,
    String iss,
    List<String> audience,
    Instant iat,
    Instant exp,
    String jti,
    String scope,
    List<String> resources,
    String pid,
    String consumerOrg,
    String issOnBehalfOf,
    AuthorizationDetails.Request authorizationDetails) {

  /** Checks the optional claims' values: {@code pid}, {@code consumer_org}, their combination. */
  JwtGrant {
    Objects.requireNonNull(jwt, "jwt == null");
    audience = List.copyOf(audience);
    resources = List.copyOf(resources);
    resources.forEach(JwtGrant::checkResource);
    if (pid != null && !Personidentifikator.isValid(pid)) {
      throw invalid("pid must be an 11-digit identity number with valid control digits");
    }
    if (consumerOrg != null && !OrgNumber.isValid(consumerOrg)) {
      throw invalid("consumer_org must be a 9-digit organisation number");
    }
    if (consumerOrg != null && issOnBehalfOf != null) {
      throw invalid("consumer_org and iss_onbehalfof cannot be used together");
    }
    if (authorizationDetails instanceof AuthorizationDetails.SystemUserRequest
        && (consumerOrg != null || issOnBehalfOf != null)) {
      throw invalid(
          "a system user token (authorization_details "
              + AuthorizationDetails.SYSTEMUSER
              + ") names the customer in systemuser_org; leave consumer_org and iss_onbehalfof"
              + " out");
    }
  }

  /**
   * Whether the grant authenticates with an enterprise certificate: {@code x5c} and no {@code kid}
   * ({@code client_amr} {@code virksomhetssertifikat}).
   */
  boolean usesCertificate() {
    return kid == null && hasX5c;
  }

  /** Parses a compact JWS; throws {@link TokenRequestException} naming what is wrong. */
  static JwtGrant parse(String assertion) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(assertion);
    } catch (ParseException e) {
      // Only a refused grant pays for a second look at the header, to name the rule it breaks.
      checkHeader(headerOf(assertion));
      throw invalid("the assertion is not a well-formed signed JWT");
    }
    checkHeader(jwt.getHeader());
    try {
      return fromClaims(jwt, jwt.getJWTClaimsSet());
    } catch (ParseException e) {
      throw invalid("the assertion is not a well-formed signed JWT");
    }
  }

  private static Map<String, Object> headerOf(String assertion) {
    try {
      Base64URL[] parts = JOSEObject.split(assertion);
      if (parts.length != 3) {
        throw invalid("the assertion must be a signed JWT (JWS compact form), not encrypted");
      }
      return JSONObjectUtils.parse(parts[0].decodeToString());
    } catch (ParseException e) {
      throw invalid("the assertion is not a JWT (three base64url parts separated by dots)");
    }
  }

  /** The header as Nimbus parsed it: the same rules as {@link #checkHeader(Map)}. */
  private static void checkHeader(JWSHeader header) {
    if (!JwtGrantRules.isSigningAlgorithm(header.getAlgorithm().getName())) {
      throw badAlgorithm();
    }
    List<Base64> x5c = header.getX509CertChain();
    if (x5c != null && x5c.isEmpty()) {
      throw badX5c();
    }
  }

  /** The raw header of an assertion Nimbus refused. */
  private static void checkHeader(Map<String, Object> header) {
    Object alg = header.get("alg");
    if (!(alg instanceof String name) || !JwtGrantRules.isSigningAlgorithm(name)) {
      throw badAlgorithm();
    }
    Object x5c = header.get("x5c");
    if (x5c != null && (!(x5c instanceof List<?> chain) || chain.isEmpty())) {
      throw badX5c();
    }
  }

  private static TokenRequestException badAlgorithm() {
    return TokenRequestException.of(
        TokenError.INVALID_SIGNATURE, "alg must be " + JwtGrantRules.signingAlgorithmsText());
  }

  private static TokenRequestException badX5c() {
    return TokenRequestException.of(
        TokenError.INVALID_X5C,
        "x5c must be a non-empty array of base64 DER certificates, the enterprise certificate"
            + " first");
  }

  private static JwtGrant fromClaims(SignedJWT jwt, JWTClaimsSet claims) throws ParseException {
    if (claims.getAudience().isEmpty()) {
      throw TokenRequestException.of(TokenError.INVALID_AUDIENCE, "aud is missing");
    }
    String iss = required(claims.getStringClaim(JwtGrantRules.ISS), JwtGrantRules.ISS);
    checkSubject(claims.getClaim(JwtGrantRules.SUB), iss);
    return new JwtGrant(
        jwt,
        jwt.getHeader().getKeyID(),
        jwt.getHeader().getX509CertChain() != null,
        iss,
        claims.getAudience(),
        instant(claims.getDateClaim(JwtGrantRules.IAT), JwtGrantRules.IAT),
        instant(claims.getDateClaim(JwtGrantRules.EXP), JwtGrantRules.EXP),
        required(claims.getStringClaim(JwtGrantRules.JTI), JwtGrantRules.JTI),
        required(claims.getStringClaim(JwtGrantRules.SCOPE), JwtGrantRules.SCOPE),
        resources(claims),
        optionalString(claims, JwtGrantRules.PID),
        optionalString(claims, JwtGrantRules.CONSUMER_ORG),
        optionalString(claims, JwtGrantRules.ISS_ONBEHALFOF),
        AuthorizationDetails.parse(claims.getClaim(AuthorizationDetails.CLAIM)));
  }

  private static String optionalString(JWTClaimsSet claims, String claim) {
    Object value = claims.getClaim(claim);
    if (value != null && !(value instanceof String)) {
      throw invalid(claim + " must be a string");
    }
    return (String) value;
  }

  /**
   * RFC 7523 §3 asks for {@code sub}, which for client authentication is the client id; Digdir's
   * grant table leaves it out. <b>D:</b> taken when it is the client id ({@code iss}), refused
   * otherwise: any other subject is a principal the token would not be for.
   */
  private static void checkSubject(Object sub, String iss) {
    if (sub != null && !iss.equals(sub)) {
      throw invalid("sub, when sent, must be the client id (the same as iss); or leave it out");
    }
  }

  /** RFC 8707: a resource is an absolute URI without a fragment. */
  private static void checkResource(String resource) {
    boolean absolute;
    try {
      URI uri = new URI(resource);
      absolute = uri.isAbsolute() && uri.getFragment() == null && resource.length() <= 1024;
    } catch (URISyntaxException e) {
      absolute = false;
    }
    if (!absolute) {
      throw invalid(
          "resource must hold absolute URIs without a fragment (e.g. https://api.example.no/),"
              + " as agreed with the API owner");
    }
  }

  /**
   * {@code resource} as a list. <b>D:</b> a single string is one resource; Digdir's page says "only
   * array supported", but clients in production (KS Fiks, entur's examples) send a string.
   */
  private static List<String> resources(JWTClaimsSet claims) throws ParseException {
    Object resource = claims.getClaim(JwtGrantRules.RESOURCE);
    if (resource == null) {
      return List.of();
    }
    if (resource instanceof String single) {
      return List.of(single);
    }
    if (!(resource instanceof List<?> values)
        || !values.stream().allMatch(String.class::isInstance)) {
      throw invalid("resource must be a string or an array of strings");
    }
    return claims.getStringListClaim(JwtGrantRules.RESOURCE);
  }

  private static String required(String value, String claim) {
    if (value == null || value.isBlank()) {
      throw invalid("claim " + claim + " is missing");
    }
    return value;
  }

  private static Instant instant(Date value, String claim) {
    if (value == null) {
      throw invalid("claim " + claim + " is missing");
    }
    return value.toInstant();
  }

  private static TokenRequestException invalid(String detail) {
    return TokenRequestException.of(TokenError.INVALID_PARAMETER, detail);
  }
}
