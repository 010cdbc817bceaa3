package io.krrkit.local.internal.selfservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.krrkit.local.internal.client.ClientRegistryException;

/** The body of {@code POST /clients/{id}/onbehalfof}: a registration or a refusal. */
class OnBehalfOfJsonFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void onBehalfOf(byte[] body) {
    try {
      var added =
          FuzzStore.ON_BEHALF_OF.add(
              FuzzStore.ORG,
              FuzzStore.CLIENT_ID,
              FuzzStore.JSON.read(body, OnBehalfOfJson.class).toDraft());
      assertThat(added.onbehalfof()).isNotBlank();
      FuzzStore.ON_BEHALF_OF.delete(FuzzStore.ORG, FuzzStore.CLIENT_ID, added.onbehalfof());
    } catch (ApiError | ClientRegistryException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
