package io.krrkit.local.internal.selfservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.krrkit.local.internal.client.ClientDraft;
import io.krrkit.local.internal.client.ClientRegistryException;
import io.krrkit.local.internal.client.RegisteredClient;

/**
 * The body of {@code POST /clients}: read and registered as the endpoint does; anything but a
 * client or a refusal ({@link ApiError}, {@link ClientRegistryException}) is a finding.
 */
class ClientJsonFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void clientRequest(byte[] body) {
    try {
      RegisteredClient client =
          FuzzStore.CLIENTS.create(FuzzStore.ORG, FuzzStore.JSON.read(body, ClientDraft.class));
      assertThat(client.clientId()).isNotBlank();
      assertThat(client.orgNumber()).isEqualTo(FuzzStore.ORG);
    } catch (ApiError | ClientRegistryException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
