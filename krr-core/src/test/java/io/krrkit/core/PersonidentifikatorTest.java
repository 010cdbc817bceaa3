package io.krrkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.Personidentifikator.Type;
import io.krrkit.core.krr.KrrJson;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonidentifikatorTest {

  /** Digdir's own synthetic example (krr_attributter.md, oppslagstjenesten_rest.md). */
  private static final String DIGDIR_EXAMPLE = "20914695016";

  @Test
  void acceptsDigdirsSyntheticExample() {
    Personidentifikator id = Personidentifikator.of(DIGDIR_EXAMPLE);

    assertThat(id.type()).isEqualTo(Type.SYNTHETIC);
    assertThat(id.isSynthetic()).isTrue();
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1946, 11, 20));
    assertThat(Personidentifikator.isValid(DIGDIR_EXAMPLE)).isTrue();
    assertThat(Personidentifikator.validate(DIGDIR_EXAMPLE)).isEmpty();
  }

  @ParameterizedTest(name = "{0} is a {1} born {2}")
  @CsvSource({
    // DDMMYY + individual number; the control digits are computed below.
    "150389123, FODSELSNUMMER, 1989-03-15",
    "551289123, D_NUMMER,      1989-12-15",
    "154389125, H_NUMMER,      1989-03-15",
    "158389126, SYNTHETIC,     1989-03-15",
    "010100500, FODSELSNUMMER, 2000-01-01",
    "290200500, FODSELSNUMMER, 2000-02-29",
    "311299990, FODSELSNUMMER, 1999-12-31",
    "010160600, FODSELSNUMMER, 1860-01-01",
  })
  void readsTypeAndBirthDateOfConstructedNumbers(String firstNine, Type type, String born) {
    String number = Personidentifikator.withControlDigits(firstNine).orElseThrow();

    Personidentifikator id = Personidentifikator.of(number);

    assertThat(id.type()).isEqualTo(type);
    assertThat(id.birthDate()).isEqualTo(LocalDate.parse(born));
  }

  @ParameterizedTest(name = "[{index}] {0} fails {1}")
  @CsvSource({
    "2091469501,   length",
    "209146950160, length",
    "2091469501x,  digits",
    "20914 95016,  digits",
    "209146950१6,  digits",
    "32914695016,  date",
    "00914695016,  date",
    "20934695016,  date",
    "30826695016,  date",
    "20914695006,  control-digit-1",
    "20914695015,  control-digit-2",
  })
  void namesTheRuleThatFailed(String value, String rule) {
    assertThatThrownBy(() -> Personidentifikator.of(value))
        .isInstanceOfSatisfying(
            InvalidIdentifierException.class, e -> assertThat(e.rule()).isEqualTo(rule))
        .hasMessageStartingWith("personidentifikator ")
        .hasMessageNotContaining(value);
    assertThat(Personidentifikator.isValid(value)).isFalse();
    assertThat(Personidentifikator.validate(value)).isPresent();
  }

  @Test
  void rejectsEmptyInput() {
    assertThatThrownBy(() -> Personidentifikator.of(""))
        .isInstanceOfSatisfying(
            InvalidIdentifierException.class, e -> assertThat(e.rule()).isEqualTo("length"))
        .hasMessage("personidentifikator must be 11 digits, got 0 characters");
  }

  @Test
  void acceptsNoCompletionOfAPrefixThatHasNoControlDigits() {
    // About one prefix in six has none: a control digit would have to be 10.
    String prefix = findPrefixWithoutControlDigit1("209146");

    for (int k = 0; k <= 99; k++) {
      String candidate = prefix + String.format("%02d", k);
      assertThatThrownBy(() -> Personidentifikator.of(candidate))
          .isInstanceOfSatisfying(
              InvalidIdentifierException.class,
              e -> assertThat(e.rule()).isIn("control-digit-1", "control-digit-2"));
    }
  }

  @Test
  void explainsNullWithoutThrowing() {
    assertThat(Personidentifikator.isValid(null)).isFalse();
    assertThat(Personidentifikator.validate(null)).contains("personidentifikator is missing");
    assertThatThrownBy(() -> Personidentifikator.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void masksItselfInToString() {
    Personidentifikator id = Personidentifikator.of(DIGDIR_EXAMPLE);

    assertThat(id.toString()).isEqualTo("2091****016").doesNotContain(DIGDIR_EXAMPLE);
    assertThat(id.value()).isEqualTo(DIGDIR_EXAMPLE);
  }

  @Test
  void ordersByValue() {
    Personidentifikator a = Personidentifikator.of(DIGDIR_EXAMPLE);
    Personidentifikator b =
        Personidentifikator.of(Personidentifikator.withControlDigits("219146950").orElseThrow());

    assertThat(a).isLessThan(b);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678", "1234567890", "12345678a", "١٢٣٤٥٦٧٨٩"})
  void computesControlDigitsOnlyForNineAsciiDigits(String notNineDigits) {
    assertThatThrownBy(() -> Personidentifikator.withControlDigits(notNineDigits))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need nine digits");
  }

  @Test
  void travelsAsAPlainJsonString() throws Exception {
    ObjectMapper json = KrrJson.newObjectMapper();

    String written = json.writeValueAsString(Personidentifikator.of(DIGDIR_EXAMPLE));

    assertThat(written).isEqualTo("\"20914695016\"");
    assertThat(json.readValue(written, Personidentifikator.class).value())
        .isEqualTo(DIGDIR_EXAMPLE);
  }

  private static String findPrefixWithoutControlDigit1(String date) {
    for (int individual = 0; individual <= 499; individual++) {
      String prefix = date + String.format("%03d", individual);
      if (Personidentifikator.withControlDigits(prefix).isEmpty()) {
        return prefix;
      }
    }
    throw new AssertionError("every individual number of " + date + " has control digits");
  }
}
