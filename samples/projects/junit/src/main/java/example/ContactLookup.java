package example;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrEnvironment;
import io.krrkit.krr.LookupResult;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import java.util.List;

/** The README's "From Java" example: a token from Maskinporten, then a KRR lookup with it. */
public final class ContactLookup {
  private ContactLookup() {}

  /**
   * Looks up one person at {@code base} (krr-local's base URL, e.g. http://localhost:7070), as the
   * KRR client {@code clientId} signing with {@code rsaJwk}.
   */
  public static LookupResult lookup(String base, String clientId, RSAKey rsaJwk) {
    // snippet:readme
    MaskinportenClient maskinporten = MaskinportenClient.builder()
        .environment(MaskinportenEnvironment.custom(base + "/maskinporten/"))
        .clientId(clientId)
        .signingKey(rsaJwk)            // Nimbus RSAKey with its kid
        .build();
    KrrClient krr = KrrClient.builder()
        .environment(KrrEnvironment.custom(base + "/kontaktregisteret"))
        .maskinporten(maskinporten, Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ)
        .build();
    LookupResult result = krr.lookup(List.of(Personidentifikator.of("20914695016")));
    // /snippet:readme
    return result;
  }
}
