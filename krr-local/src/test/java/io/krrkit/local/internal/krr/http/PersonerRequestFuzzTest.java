package io.krrkit.local.internal.krr.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.KrrJson;
import io.krrkit.local.internal.krr.ApiVersion;
import io.krrkit.local.internal.krr.Lookup;
import java.util.Set;

/** The body of {@code POST /rest/v2/personer}: a lookup, or a 400 ({@link LookupError}). */
class PersonerRequestFuzzTest {
  private static final PersonerRequestReader READER =
      new PersonerRequestReader(KrrJson.newObjectMapper());

  @FuzzTest(maxDuration = "5s")
  void personerRequest(byte[] body) {
    try {
      Lookup lookup = READER.read(body, ApiVersion.V2, Set.of(Scope.KRR_KONTAKTINFORMASJON_READ));
      assertThat(lookup.personidentifikatorer())
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(Lookup.MAX_PERSONS);
    } catch (LookupError refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
