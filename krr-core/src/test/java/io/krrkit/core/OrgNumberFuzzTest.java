package io.krrkit.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Organisation numbers, bare or ISO 6523 ({@link OrgNumber#fromIso6523}): a value or {@link
 * InvalidIdentifierException}.
 */
class OrgNumberFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void orgNumber(byte[] input) {
    String text = new String(input, UTF_8);
    boolean valid = OrgNumber.isValid(text);
    try {
      OrgNumber org = OrgNumber.fromIso6523(text);
      assertThat(OrgNumber.fromIso6523(org.iso6523())).isEqualTo(org);
      assertThat(valid || text.startsWith(OrgNumber.ISO6523_PREFIX)).isTrue();
    } catch (InvalidIdentifierException refused) {
      assertThat(valid).isFalse();
      PersonidentifikatorFuzzTest.assertNotQuoted(refused, text);
    }
  }
}
