package io.krrkit.local.internal.krr.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.krrkit.core.krr.KrrJson;

/** The body of {@code POST /rest/v2/krr/hentEndringer}: a change id {@code >= 0}, or a 400. */
class EndringerRequestFuzzTest {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = KrrJson.newObjectMapper();

  @FuzzTest(maxDuration = "5s")
  void fraEndringsId(byte[] body) {
    try {
      assertThat(EndringerEndpoint.fraEndringsId(JSON, body)).isNotNegative();
    } catch (LookupError refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
