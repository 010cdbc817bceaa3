package io.krrkit.maskinporten.validation;

import static io.krrkit.maskinporten.validation.TokenRejectedException.Reason.MALFORMED;
import static io.krrkit.maskinporten.validation.TokenRejectedException.Reason.MISSING_CLAIM;

import com.nimbusds.jwt.JWTClaimsSet;
import io.krrkit.core.InvalidIdentifierException;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Reads the typed claims of a Maskinporten access token whose signature has been checked. */
final class ClaimsReader {
  private ClaimsReader() {}

  static MaskinportenClaims read(JWTClaimsSet claims) {
    try {
      return new MaskinportenClaims(
          required(claims.getStringClaim("client_id"), "client_id"),
          claims.getStringClaim("client_amr"),
          required(organisation(claims.getJSONObjectClaim("consumer"), "consumer"), "consumer"),
          organisation(claims.getJSONObjectClaim("supplier"), "supplier"),
          Scope.parseList(claims.getStringClaim("scope")),
          instant(claims.getIssueTime()),
          required(instant(claims.getExpirationTime()), "exp"),
          claims.getJWTID(),
          claims.getStringClaim("pid"),
          claims.getAudience(),
          claims.getStringClaim("delegation_source"),
          claims.getStringClaim("client_onbehalfof"),
          authorizationDetails(claims.getClaim("authorization_details")));
    } catch (ParseException | IllegalArgumentException e) {
      throw new TokenRejectedException(
          MALFORMED, "the access token's claims are malformed; get a token from Maskinporten");
    }
  }

  /** Each detail a JSON object; anything else is a malformed token. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> authorizationDetails(Object claim) {
    if (claim == null) {
      return List.of();
    }
    if (!(claim instanceof List<?> list)) {
      throw new IllegalArgumentException("authorization_details is not an array");
    }
    List<Map<String, Object>> details = new ArrayList<>();
    for (Object detail : list) {
      if (!(detail instanceof Map<?, ?> map) || !(map.get("type") instanceof String)) {
        throw new IllegalArgumentException("an authorization_details entry has no type");
      }
      details.add((Map<String, Object>) map);
    }
    return details;
  }

  private static OrgNumber organisation(Map<String, Object> claim, String name) {
    if (claim == null) {
      return null;
    }
    if (!(claim.get("ID") instanceof String id)) {
      throw new TokenRejectedException(
          MALFORMED, "the access token's " + name + " claim has no ID");
    }
    try {
      return OrgNumber.fromIso6523(id);
    } catch (InvalidIdentifierException e) {
      throw new TokenRejectedException(
          MALFORMED, "the access token's " + name + ".ID is not 0192:<organisation number>");
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static <T> T required(T value, String claim) {
    if (value == null) {
      throw new TokenRejectedException(
          MISSING_CLAIM, "the access token lacks " + claim + "; is it a Maskinporten token?");
    }
    return value;
  }
}
