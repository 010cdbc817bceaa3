package io.krrkit.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Identity numbers from outside input ({@link Personidentifikator}): a value valid when read back,
 * with a birth date and type, or {@link InvalidIdentifierException} naming the rule and not quoting
 * the input; NumberFormatException, DateTimeException and the like are findings.
 */
class PersonidentifikatorFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void personidentifikator(byte[] input) {
    String text = new String(input, UTF_8);
    boolean valid = Personidentifikator.isValid(text);
    assertThat(Personidentifikator.validate(text).isEmpty()).isEqualTo(valid);
    try {
      Personidentifikator id = Personidentifikator.of(text);
      assertThat(valid).isTrue();
      assertThat(id.birthDate()).isNotNull();
      assertThat(id.type()).isNotNull();
      assertThat(id.toString()).doesNotContain(text);
    } catch (InvalidIdentifierException refused) {
      assertThat(valid).isFalse();
      assertNotQuoted(refused, text);
    }
  }

  static void assertNotQuoted(InvalidIdentifierException refused, String text) {
    assertThat(refused.rule()).isNotBlank();
    if (text.strip().length() >= 4) {
      assertThat(refused.getMessage()).doesNotContain(text.strip());
    }
  }
}
