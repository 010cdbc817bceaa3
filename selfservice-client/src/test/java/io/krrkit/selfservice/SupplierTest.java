package io.krrkit.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.selfservice.Emulator.Running;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A supplier registering and managing a client owned by its customer (idporten:dcr.supplier). */
@ExtendWith(Emulator.class)
class SupplierTest {
  private static final OrgNumber CUSTOMER = OrgNumber.of("910753614");

  @Test
  void createsAClientOwnedByTheCustomerWithItselfAsSupplier(Running emulator) {
    RegisteredClient created =
        emulator
            .client()
            .createClient(ClientRequest.krr("For kunden").clientOrgno(CUSTOMER).build());

    assertThat(created.clientOrgno()).isEqualTo(CUSTOMER);
    assertThat(created.supplierOrgno()).isEqualTo(OrgNumber.of(emulator.bootstrap().orgno()));
    assertThat(created.integrationType()).isEqualTo(IntegrationType.KRR);
  }

  @Test
  void managesTheCustomersClientAsSupplier(Running emulator) {
    SelfServiceClient supplier = emulator.selfServiceAsSupplier();
    RegisteredClient created =
        emulator
            .client()
            .createClient(ClientRequest.krr("Nøkler for kunden").clientOrgno(CUSTOMER).build());

    ClientKeySet keys = supplier.uploadKey(created.clientId(), Keys.rsa("kunde"));
    RegisteredClient renamed =
        supplier.updateClient(
            created.clientId(), created.toRequest().clientName("Nytt navn").build());

    assertThat(keys.keys()).hasSize(1);
    assertThat(renamed.clientName()).isEqualTo("Nytt navn");
    assertThat(renamed.clientOrgno()).isEqualTo(CUSTOMER);
    assertThat(supplier.listClients())
        .extracting(RegisteredClient::clientId)
        .contains(created.clientId());
  }

  @Test
  void theCustomersClientNeedsTheSupplierScopeEvenToRead(Running emulator) {
    RegisteredClient created =
        emulator
            .client()
            .createClient(ClientRequest.krr("Kun leverandør").clientOrgno(CUSTOMER).build());

    assertThatThrownBy(() -> emulator.client().getClient(created.clientId()))
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.correlationId()).isPresent();
              assertThat(e.getMessage()).contains("idporten:dcr.supplier");
            });
  }
}
