package io.krrkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.krr.KrrJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrgNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"310000027", "974760673", "991825827", "984661185", "922020175"})
  void acceptsRealOrganisationNumbers(String value) {
    assertThat(OrgNumber.of(value).value()).isEqualTo(value);
    assertThat(OrgNumber.isValid(value)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0} fails {1}")
  @CsvSource({
    "31000002,   length",
    "3100000270, length",
    "31000002x,  digits",
    "-10000027,  digits",
    "310000028,  control-digit",
    "974760674,  control-digit",
  })
  void namesTheRuleThatFailed(String value, String rule) {
    assertThatThrownBy(() -> OrgNumber.of(value))
        .isInstanceOfSatisfying(
            InvalidIdentifierException.class, e -> assertThat(e.rule()).isEqualTo(rule))
        .hasMessageStartingWith("organisation number ");
    assertThat(OrgNumber.isValid(value)).isFalse();
  }

  @Test
  void rejectsEveryLastDigitWhenTheRemainderLeavesNoControlDigit() {
    // 3 * 4 = 12 ≡ 1 (mod 11): the control digit would be 11 - 1 = 10, which does not exist.
    for (char last = '0'; last <= '9'; last++) {
      assertThat(OrgNumber.isValid("40000000" + last)).as("40000000" + last).isFalse();
    }
  }

  @Test
  void treatsNullAsInvalid() {
    assertThat(OrgNumber.isValid(null)).isFalse();
    assertThatThrownBy(() -> OrgNumber.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void roundTripsThroughIso6523() {
    OrgNumber org = OrgNumber.of("310000027");

    assertThat(org.iso6523()).isEqualTo("0192:310000027");
    assertThat(OrgNumber.fromIso6523(org.iso6523())).isEqualTo(org);
    assertThat(OrgNumber.fromIso6523("310000027")).isEqualTo(org);
  }

  @Test
  void validatesTheNumberInsideAnIso6523Id() {
    assertThatThrownBy(() -> OrgNumber.fromIso6523("0192:310000028"))
        .isInstanceOf(InvalidIdentifierException.class);
    assertThatThrownBy(() -> OrgNumber.fromIso6523("9908:310000027"))
        .isInstanceOf(InvalidIdentifierException.class);
  }

  @Test
  void travelsAsAPlainJsonString() throws Exception {
    ObjectMapper json = KrrJson.newObjectMapper();

    String written = json.writeValueAsString(OrgNumber.of("974760673"));

    assertThat(written).isEqualTo("\"974760673\"");
    assertThat(json.readValue(written, OrgNumber.class)).isEqualTo(OrgNumber.of("974760673"));
    assertThat(OrgNumber.of("974760673")).hasToString("974760673");
  }
}
