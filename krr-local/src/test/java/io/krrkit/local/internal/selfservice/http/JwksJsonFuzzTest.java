package io.krrkit.local.internal.selfservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.krrkit.local.internal.client.ClientRegistryException;

/**
 * The body of {@code POST /clients/{id}/jwks}: read and stored as the endpoint does; a key set or a
 * refusal ({@link ApiError}, {@link ClientRegistryException}), nothing else.
 */
class JwksJsonFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void jwks(byte[] body) {
    try {
      var keys =
          FuzzStore.CLIENTS.replaceKeys(
              FuzzStore.ORG,
              FuzzStore.CLIENT_ID,
              ClientEndpoints.keySet(FuzzStore.JSON, FuzzStore.JSON.readTree(body)));
      assertThat(keys).isNotNull();
    } catch (ApiError | ClientRegistryException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
