package io.krrkit.junit;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrEnvironment;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.KrrLocal;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.maskinporten.TokenRequest;
import io.krrkit.selfservice.SelfServiceClient;
import io.krrkit.selfservice.SelfServiceEnvironment;
import java.text.ParseException;
import java.util.List;

/**
 * The library clients wired to a running emulator: its URLs, and its clock, so grants are signed at
 * the emulator's time however a test moves it (a client on the system clock signs grants the frozen
 * emulator refuses with MP-130).
 */
final class ReadyClients {
  private static final List<Scope> KRR_SCOPES =
      List.of(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ);

  private ReadyClients() {}

  static MaskinportenClient.Builder maskinporten(KrrLocal krr, String clientId, RSAKey key) {
    return MaskinportenClient.builder()
        .environment(MaskinportenEnvironment.custom(krr.maskinportenIssuer()))
        .clientId(clientId)
        .signingKey(key)
        .clock(krr.clock());
  }

  static KrrClient.Builder krr(KrrLocal krr, TestClient client) {
    List<Scope> scopes = KRR_SCOPES.stream().filter(client.scopes()::contains).toList();
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException(
          client + " holds no KRR lookup scope (" + KRR_SCOPES + "): register it with one");
    }
    return KrrClient.builder()
        .environment(KrrEnvironment.custom(krr.kontaktregisteretUrl()))
        .maskinporten(
            maskinporten(krr, client.clientId(), client.key()).build(),
            TokenRequest.builder().scopes(scopes).build())
        .clock(krr.clock());
  }

  static SelfServiceClient selfService(KrrLocal krr) {
    Bootstrap bootstrap = krr.bootstrap();
    RSAKey key;
    try {
      key = RSAKey.parse(bootstrap.privateJwk());
    } catch (ParseException e) {
      throw new IllegalStateException("the emulator's bootstrap key is not an RSA JWK", e);
    }
    return SelfServiceClient.builder()
        .environment(SelfServiceEnvironment.custom(krr.selfServiceUrl()))
        .maskinporten(maskinporten(krr, bootstrap.clientId(), key).build())
        .build();
  }
}
