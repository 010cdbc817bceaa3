package example.guide;

import io.krrkit.core.Scope;
import io.krrkit.maskinporten.validation.MaskinportenClaims;
import io.krrkit.maskinporten.validation.MaskinportenTokenValidator;

/** docs/guide.md, maskinporten-validator. */
public final class ValidatorExamples {
  private ValidatorExamples() {}

  /** The claims of {@code bearerToken} if Maskinporten at {@code issuer} issued it with the scope. */
  public static MaskinportenClaims validate(String issuer, Scope requiredScope, String bearerToken) {
    // snippet:validator
    MaskinportenTokenValidator validator = MaskinportenTokenValidator.builder()
        .issuer(issuer)                  // or environment(MaskinportenTokenValidator.Environment.TEST)
        .requiredScope(requiredScope)    // e.g. Scope.of("acme:orders.read")
        .build();                        // .audience("https://api.acme.no/orders") for audience-restricted tokens
    MaskinportenClaims claims = validator.validate(bearerToken);  // consumer(), supplier(), scopes(), pid(), …
    // /snippet:validator
    return claims;
  }
}
