package example;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrEnvironment;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;

/** docs/digdir-test.md: the code that ran against krr-local, pointed at Digdir's test environment. */
public final class TestEnvironment {
  private TestEnvironment() {}

  /** A KRR client for Digdir's TEST, as the client {@code clientId} with its registered key. */
  public static KrrClient krrClient(String clientId, RSAKey registeredKey) {
    // snippet:test
    MaskinportenClient maskinporten = MaskinportenClient.builder()
        .environment(MaskinportenEnvironment.TEST)      // https://test.maskinporten.no/
        .clientId(clientId)                             // the integration's id in Samarbeidsportalen
        .signingKey(registeredKey)                      // its kid is the uploaded key's
        .build();
    KrrClient krr = KrrClient.builder()
        .environment(KrrEnvironment.TEST)               // https://test.kontaktregisteret.no
        .maskinporten(maskinporten, Scope.KRR_KONTAKTINFORMASJON_READ)
        .build();
    // /snippet:test
    return krr;
  }
}
