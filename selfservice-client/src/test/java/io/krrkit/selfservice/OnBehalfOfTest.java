package io.krrkit.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.Scope;
import io.krrkit.selfservice.Emulator.Running;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** On-behalf-of registrations through the client, against the real emulator over HTTP. */
@ExtendWith(Emulator.class)
class OnBehalfOfTest {
  private static final String CUSTOMER = "910753614";

  @Test
  void addsListsAndDeletesRegistrations(Running emulator) {
    SelfServiceClient client = emulator.client();
    String clientId = supplierClient(client);

    OnBehalfOf added =
        client.addOnBehalfOf(
            clientId,
            OnBehalfOf.of("kunde1", CUSTOMER, "Kunde 1")
                .withDescription("barnehage")
                .withClientUri("https://kunde1.example.no"));
    List<OnBehalfOf> listed = client.listOnBehalfOf(clientId);
    RegisteredClient withRegistration = client.getClient(clientId);
    client.deleteOnBehalfOf(clientId, "kunde1");

    assertThat(added.onbehalfof()).isEqualTo("kunde1");
    assertThat(added.orgno()).isEqualTo(CUSTOMER);
    assertThat(added.description()).isEqualTo("barnehage");
    assertThat(added.created()).isNotNull();
    assertThat(listed)
        .extracting(OnBehalfOf::clientUri)
        .containsExactly("https://kunde1.example.no");
    assertThat(withRegistration.onbehalfof())
        .extracting(OnBehalfOf::onbehalfof)
        .containsExactly("kunde1");
    assertThat(client.listOnBehalfOf(clientId)).isEmpty();
  }

  @Test
  void asyncTwinsDoTheSame(Running emulator) {
    SelfServiceClient client = emulator.client();
    String clientId = supplierClient(client);

    client.addOnBehalfOfAsync(clientId, OnBehalfOf.of("a", CUSTOMER, "A")).join();
    List<OnBehalfOf> listed = client.listOnBehalfOfAsync(clientId).join();
    client.deleteOnBehalfOfAsync(clientId, "a").join();

    assertThat(listed).extracting(OnBehalfOf::onbehalfof).containsExactly("a");
    assertThat(client.listOnBehalfOfAsync(clientId).join()).isEmpty();
  }

  @Test
  void aDuplicateIdIsAFieldError(Running emulator) {
    SelfServiceClient client = emulator.client();
    String clientId = supplierClient(client);
    client.addOnBehalfOf(clientId, OnBehalfOf.of("dup", CUSTOMER, "Dup"));

    assertThat(
            Refusal.fields(
                400, () -> client.addOnBehalfOf(clientId, OnBehalfOf.of("dup", CUSTOMER, "x"))))
        .containsExactly("onbehalfof");
  }

  @Test
  void deletingAnUnknownRegistrationIsNotFound(Running emulator) {
    SelfServiceClient client = emulator.client();
    String clientId = supplierClient(client);

    assertThatThrownBy(() -> client.deleteOnBehalfOf(clientId, "nobody"))
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  private static String supplierClient(SelfServiceClient client) {
    return client
        .createClient(
            ClientRequest.builder(IntegrationType.MASKINPORTEN)
                .clientName("Leverandør")
                .scopes(List.of(Scope.of("difitest:api3")))
                .build())
        .clientId();
  }
}
