package io.krrkit.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.Scope;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenException;
import io.krrkit.selfservice.Emulator.Running;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How failures reach the caller: each as its own {@link SelfServiceException}. */
@ExtendWith(Emulator.class)
class SelfServiceFailureTest {

  @Test
  void reportsEveryFieldErrorOfARefusedClient(Running emulator) {
    ClientRequest noScopes =
        ClientRequest.builder(IntegrationType.MASKINPORTEN)
            .clientName("Uten scopes")
            .redirectUris(List.of("https://example.no/callback"))
            .build();

    assertThat(Refusal.fields(400, () -> emulator.client().createClient(noScopes)))
        .containsExactlyInAnyOrder("redirect_uris", "scopes");
  }

  @Test
  void refusesOtherScopesOnAKrrClient(Running emulator) {
    ClientRequest krrPlus =
        ClientRequest.krr("Med ekstra").scopes(List.of(Scope.of("nav:trygdeopplysninger"))).build();

    assertThatThrownBy(() -> emulator.client().createClient(krrPlus))
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("scopes"));
  }

  @Test
  void explainsThatAClientWithoutDcrScopesGetsNoToken(Running emulator) {
    // A KRR client may get krr:global tokens, not idporten:dcr.* ones.
    String id = emulator.client().createClient(ClientRequest.krr("Ikke admin").build()).clientId();
    RSAKey key = Keys.rsa("not-admin");
    emulator.client().uploadKey(id, key);
    MaskinportenClient notAdmin =
        MaskinportenClient.builder()
            .environment(emulator.maskinportenEnvironment())
            .clientId(id)
            .signingKey(key)
            .build();

    assertThatThrownBy(() -> emulator.selfServiceWith(notAdmin).listClients())
        .isInstanceOfSatisfying(
            SelfServiceTokenException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith(
                      "no Maskinporten token with scope idporten:dcr.read for GET /clients");
              assertThat(e.getCause().getCause()).isInstanceOf(MaskinportenException.class);
            });
  }

  @Test
  void reportsAnUnreachableApiAsTransportError(Running emulator) {
    SelfServiceClient unreachable =
        SelfServiceClient.builder()
            .environment(SelfServiceEnvironment.custom("http://127.0.0.1:1/selvbetjening"))
            .maskinporten(emulator.maskinporten())
            .build();

    assertThatThrownBy(unreachable::listClients)
        .isInstanceOf(SelfServiceTransportException.class)
        .hasMessageStartingWith("GET /clients could not be sent")
        .hasMessageContaining("check the base URL");
  }

  @Test
  void reportsABaseUrlThatIsNotTheApi(Running emulator) {
    SelfServiceClient wrongPath =
        SelfServiceClient.builder()
            .environment(SelfServiceEnvironment.custom(emulator.krr().baseUrl()))
            .maskinporten(emulator.maskinporten())
            .build();

    assertThatThrownBy(wrongPath::listClients)
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.getMessage()).contains("base URL");
            });
  }
}
