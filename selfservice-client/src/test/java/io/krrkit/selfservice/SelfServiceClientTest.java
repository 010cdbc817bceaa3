package io.krrkit.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.selfservice.Emulator.Running;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client against the real emulator over HTTP. */
@ExtendWith(Emulator.class)
class SelfServiceClientTest {

  @Test
  void createsAKrrClientWithBothKrrGlobalScopes(Running emulator) {
    RegisteredClient created =
        emulator
            .client()
            .createClient(ClientRequest.krr("Varsling").description("Oppslag").build());

    assertThat(created.clientId()).isNotBlank();
    assertThat(created.integrationType()).isEqualTo(IntegrationType.KRR);
    assertThat(created.clientName()).isEqualTo("Varsling");
    assertThat(created.description()).isEqualTo("Oppslag");
    assertThat(created.clientOrgno()).isEqualTo(OrgNumber.of(emulator.bootstrap().orgno()));
    assertThat(created.scopes())
        .containsExactlyInAnyOrder(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ);
    assertThat(created.grantTypes()).containsExactly("urn:ietf:params:oauth:grant-type:jwt-bearer");
    assertThat(created.tokenEndpointAuthMethod()).isEqualTo("private_key_jwt");
    assertThat(created.applicationType()).isEqualTo(ApplicationType.WEB);
    assertThat(created.created()).isNotNull();
    assertThat(created.lastUpdated()).isNotNull();
  }

  @Test
  void listsAndGetsTheClientsItCreated(Running emulator) {
    SelfServiceClient client = emulator.client();
    RegisteredClient first = client.createClient(ClientRequest.krr("Første").build());
    RegisteredClient second = client.createClient(ClientRequest.krr("Andre").build());

    List<RegisteredClient> listed = client.listClients();
    RegisteredClient fetched = client.getClient(second.clientId());

    assertThat(listed)
        .extracting(RegisteredClient::clientId)
        .contains(first.clientId(), second.clientId());
    assertThat(fetched.clientId()).isEqualTo(second.clientId());
    assertThat(fetched.clientName()).isEqualTo("Andre");
  }

  @Test
  void updatesAClientFromWhatItRead(Running emulator) {
    SelfServiceClient client = emulator.client();
    RegisteredClient created = client.createClient(ClientRequest.krr("Før").build());

    RegisteredClient updated =
        client.updateClient(
            created.clientId(),
            created.toRequest().clientName("Etter").description("Endret").build());

    assertThat(updated.clientName()).isEqualTo("Etter");
    assertThat(updated.description()).isEqualTo("Endret");
    assertThat(updated.scopes()).containsExactlyInAnyOrderElementsOf(created.scopes());
    assertThat(client.getClient(created.clientId()).clientName()).isEqualTo("Etter");
  }

  @Test
  void reportsTheFieldWhenTheIntegrationTypeWouldChange(Running emulator) {
    SelfServiceClient client = emulator.client();
    RegisteredClient created = client.createClient(ClientRequest.krr("Fast type").build());
    ClientRequest asMaskinporten =
        ClientRequest.builder(IntegrationType.MASKINPORTEN)
            .clientName("Fast type")
            .scopes(List.of(Scope.of("nav:trygdeopplysninger")))
            .build();

    assertThatThrownBy(() -> client.updateClient(created.clientId(), asMaskinporten))
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.errors()).extracting(FieldError::field).contains("integration_type");
              assertThat(e.correlationId()).isPresent();
            });
  }

  @Test
  void uploadsAKeyAndReadsItBack(Running emulator) {
    SelfServiceClient client = emulator.client();
    RegisteredClient created = client.createClient(ClientRequest.krr("Med nøkkel").build());
    RSAKey key = Keys.rsa("upload");
    Instant before = emulator.krr().clock().instant();

    ClientKeySet uploaded = client.uploadKey(created.clientId(), key);
    ClientKeySet read = client.getKeys(created.clientId());

    assertThat(uploaded.kids()).containsExactly(key.getKeyID());
    assertThat(read.kids()).containsExactly(key.getKeyID());
    ClientKey stored = read.find(key.getKeyID()).orElseThrow();
    assertThat(stored.n()).isEqualTo(key.getModulus().toString());
    assertThat(stored.e()).isEqualTo(key.getPublicExponent().toString());
    assertThat(stored.alg()).isEqualTo("RS256");
    assertThat(stored.kty()).isEqualTo("RSA");
    assertThat(stored.use()).isEqualTo("sig");
    // Without exp a key lives one year from upload.
    assertThat(stored.expiresAt().orElseThrow())
        .isBetween(before.plus(Duration.ofDays(364)), before.plus(Duration.ofDays(367)));
    assertThat(read.created()).isNotNull();
    assertThat(read.lastUpdated()).isNotNull();
  }

  @Test
  void rotatesKeysByAddingAndDeletingOne(Running emulator) {
    SelfServiceClient client = emulator.client();
    String id = client.createClient(ClientRequest.krr("Rotasjon").build()).clientId();
    RSAKey old = Keys.rsa("old");
    RSAKey fresh = Keys.rsa("new");
    client.uploadKey(id, old);

    ClientKeySet both = client.addKey(id, fresh);
    boolean removed = client.deleteKey(id, old.getKeyID());

    assertThat(both.kids()).containsExactly(old.getKeyID(), fresh.getKeyID());
    assertThat(removed).isTrue();
    assertThat(client.getKeys(id).kids()).containsExactly(fresh.getKeyID());
  }

  @Test
  void deletesTheLastKeyWithTheWholeSet(Running emulator) {
    SelfServiceClient client = emulator.client();
    String id = client.createClient(ClientRequest.krr("Siste nøkkel").build()).clientId();
    RSAKey key = Keys.rsa("last");
    client.uploadKey(id, key);

    assertThat(client.deleteKey(id, "no-such-kid")).isFalse();
    assertThat(client.deleteKey(id, key.getKeyID())).isTrue();
    assertThat(client.getKeys(id).keys()).isEmpty();
  }

  @Test
  void deletesEveryKey(Running emulator) {
    SelfServiceClient client = emulator.client();
    String id = client.createClient(ClientRequest.krr("Alle nøkler").build()).clientId();
    client.uploadKeys(id, List.of(ClientKey.of(Keys.rsa("a")), ClientKey.of(Keys.rsa("b"))));

    client.deleteKeys(id);

    assertThat(client.getKeys(id).keys()).isEmpty();
  }

  @Test
  void deletesAClient(Running emulator) {
    SelfServiceClient client = emulator.client();
    String id = client.createClient(ClientRequest.krr("Kortlevd").build()).clientId();

    client.deleteClient(id);

    assertThat(client.listClients()).extracting(RegisteredClient::clientId).doesNotContain(id);
    assertThatThrownBy(() -> client.getClient(id))
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void answersNotFoundWithCorrelationIdForAnUnknownClient(Running emulator) {
    String unknown = "6a0a7bd4-37c8-4d7b-9d1a-000000000000";

    assertThatThrownBy(() -> emulator.client().getClient(unknown))
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.correlationId()).get().asString().matches("[0-9a-f]{32}");
              assertThat(e.getMessage())
                  .startsWith("GET /clients/" + unknown + " was refused with 404")
                  .contains(e.correlationId().orElseThrow());
            });
  }

  @Test
  void mapsFieldErrorsForMoreThanFiveKeys(Running emulator) {
    SelfServiceClient client = emulator.client();
    String id = client.createClient(ClientRequest.krr("For mange").build()).clientId();
    List<ClientKey> six =
        List.of("1", "2", "3", "4", "5", "6").stream()
            .map(n -> ClientKey.of(Keys.rsa("six" + n)))
            .toList();

    assertThatThrownBy(() -> client.uploadKeys(id, six))
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.errors()).extracting(FieldError::field).containsExactly("keys");
              assertThat(e.getMessage()).contains(e.errors().get(0).message());
              six.forEach(k -> assertThat(e.getMessage()).doesNotContain(k.n()));
            });
    assertThat(client.getKeys(id).keys()).isEmpty();
  }

  @Test
  void mapsFieldErrorsForADuplicateKid(Running emulator) {
    SelfServiceClient client = emulator.client();
    String id = client.createClient(ClientRequest.krr("Dobbel kid").build()).clientId();
    RSAKey key = Keys.rsa("dup");
    ClientKey same = ClientKey.of(key);

    assertThatThrownBy(() -> client.uploadKeys(id, List.of(same, same)))
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).contains("keys[1].kid"));
  }

  @Test
  void refusesAKidAnotherClientHolds(Running emulator) {
    SelfServiceClient client = emulator.client();
    String first = client.createClient(ClientRequest.krr("Eier").build()).clientId();
    String second = client.createClient(ClientRequest.krr("Låner").build()).clientId();
    RSAKey key = Keys.rsa("taken");
    client.uploadKey(first, key);

    assertThatThrownBy(() -> client.uploadKey(second, key))
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).contains("keys[0].kid"));
  }

  @Test
  void neverPutsTheTokenInAnErrorMessage(Running emulator) {
    String token = emulator.maskinporten().getToken(Scope.DCR_READ).value();

    assertThatThrownBy(() -> emulator.client().getClient("unknown-client"))
        .isInstanceOf(SelfServiceErrorException.class)
        .hasMessageNotContaining(token)
        .hasMessageNotContaining(token.substring(0, 20));
  }

  @Test
  void completesTheAsyncTwinsWithTheSameResults(Running emulator) {
    SelfServiceClient client = emulator.client();

    RegisteredClient created =
        client.createClientAsync(ClientRequest.krr("Asynkron").build()).join();
    RegisteredClient fetched = client.getClientAsync(created.clientId()).join();
    client.deleteClientAsync(created.clientId()).join();

    assertThat(fetched.clientName()).isEqualTo("Asynkron");
    assertThatThrownBy(() -> client.getClientAsync(created.clientId()).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void showsTheCallersStackOnSynchronousFailure(Running emulator) {
    assertThatThrownBy(() -> emulator.client().getClient("unknown-client"))
        .satisfies(
            e -> assertThat(e.getStackTrace()).anyMatch(f -> f.getMethodName().equals("getClient")))
        .cause()
        .isInstanceOf(SelfServiceErrorException.class);
  }
}
