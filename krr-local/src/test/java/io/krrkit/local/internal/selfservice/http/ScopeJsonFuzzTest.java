package io.krrkit.local.internal.selfservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.krrkit.local.internal.access.AccessException;
import io.krrkit.local.internal.access.ScopeDraft;

/**
 * The body of {@code POST /scopes}: a scope defined, or a refusal ({@link ApiError}, {@link
 * AccessException}).
 */
class ScopeJsonFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void scopeDraft(byte[] body) {
    try {
      var scope =
          FuzzStore.SCOPES.define(FuzzStore.ORG, FuzzStore.JSON.read(body, ScopeDraft.class));
      assertThat(scope.owner()).isEqualTo(FuzzStore.ORG);
    } catch (ApiError | AccessException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
