package io.krrkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.Personidentifikator.Type;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties that hold for every identity number, checked over thousands of numbers drawn with a
 * fixed seed (a failure names the number, and the same seed reproduces it).
 */
class PersonidentifikatorPropertiesTest {
  private static final long SEED = 20_914_695_016L;
  private static final int COUNT = 2_000;

  /** The check equations: a valid number's weighted digit sums are multiples of 11. */
  private static final int[] CHECK_1 = {3, 7, 6, 1, 8, 9, 4, 5, 2, 1, 0};

  private static final int[] CHECK_2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1};

  /** The register's individual number ranges cover births from 1854 to 2039. */
  private static final LocalDate FIRST = LocalDate.of(1854, 1, 1);

  private static final int DAYS = (int) ChronoUnit.DAYS.between(FIRST, LocalDate.of(2040, 1, 1));

  private static final List<Generated> NUMBERS = new ArrayList<>();

  /** A generated number with what it was generated from. */
  private record Generated(String value, Type type, LocalDate birthDate) {}

  @BeforeAll
  static void generate() {
    Random random = new Random(SEED);
    while (NUMBERS.size() < COUNT) {
      Type type = Type.values()[random.nextInt(Type.values().length)];
      LocalDate born = FIRST.plusDays(random.nextInt(DAYS));
      String firstNine = datePart(type, born) + individualNumber(born.getYear(), random);
      Optional<String> number = Personidentifikator.withControlDigits(firstNine);
      number.ifPresent(n -> NUMBERS.add(new Generated(n, type, born)));
    }
  }

  @Test
  void everyGeneratedNumberIsValidWithItsTypeAndBirthDate() {
    for (Generated g : NUMBERS) {
      Personidentifikator id = Personidentifikator.of(g.value());
      assertThat(id.type()).as(g.value()).isEqualTo(g.type());
      assertThat(id.birthDate()).as(g.value()).isEqualTo(g.birthDate());
    }
  }

  @Test
  void everyGeneratedNumberSatisfiesBothCheckEquations() {
    for (Generated g : NUMBERS) {
      assertThat(weightedSum(g.value(), CHECK_1) % 11).as(g.value()).isZero();
      assertThat(weightedSum(g.value(), CHECK_2) % 11).as(g.value()).isZero();
    }
  }

  @Test
  void everySingleDigitErrorIsRejected() {
    int rejected = 0;
    for (Generated g : NUMBERS) {
      for (int position = 0; position < 11; position++) {
        for (char digit = '0'; digit <= '9'; digit++) {
          if (digit == g.value().charAt(position)) {
            continue;
          }
          String typo = replace(g.value(), position, digit);
          assertThat(Personidentifikator.validate(typo))
              .as("%s -> %s", g.value(), typo)
              .hasValueSatisfying(message -> assertThat(message).doesNotContain(typo));
          rejected++;
        }
      }
    }
    assertThat(rejected).isEqualTo(COUNT * 11 * 9);
  }

  @Test
  void aPrefixHasExactlyOneValidCompletionIffControlDigitsExist() {
    Random random = new Random(SEED);
    for (int i = 0; i < 300; i++) {
      String firstNine = NUMBERS.get(random.nextInt(COUNT)).value().substring(0, 6);
      firstNine += String.format("%03d", random.nextInt(1000));
      List<String> valid = new ArrayList<>();
      for (int k = 0; k <= 99; k++) {
        String candidate = firstNine + String.format("%02d", k);
        if (Personidentifikator.isValid(candidate)) {
          valid.add(candidate);
        }
      }
      Optional<String> computed = Personidentifikator.withControlDigits(firstNine);
      if (valid.isEmpty()) {
        // No valid number (a control digit of 10, or a century without that individual range).
        continue;
      }
      assertThat(computed).as(firstNine).isPresent();
      assertThat(valid).as(firstNine).containsExactly(computed.get());
    }
  }

  @Test
  void masksEveryGeneratedNumber() {
    for (Generated g : NUMBERS) {
      String shown = Personidentifikator.of(g.value()).toString();
      assertThat(shown).as(g.value()).doesNotContain(g.value()).hasSize(11).contains("****");
    }
  }

  private static String datePart(Type type, LocalDate born) {
    int day = born.getDayOfMonth() + (type == Type.D_NUMMER ? 40 : 0);
    int month =
        born.getMonthValue()
            + switch (type) {
              case H_NUMMER -> 40;
              case SYNTHETIC -> 80;
              default -> 0;
            };
    return String.format("%02d%02d%02d", day, month, born.getYear() % 100);
  }

  /** An individual number from the range the population register uses for the birth year. */
  private static String individualNumber(int year, Random random) {
    int individual;
    if (year < 1900) {
      individual = 500 + random.nextInt(250);
    } else if (year < 1940) {
      individual = random.nextInt(500);
    } else if (year < 2000) {
      individual = random.nextBoolean() ? random.nextInt(500) : 900 + random.nextInt(100);
    } else {
      individual = 500 + random.nextInt(500);
    }
    return String.format("%03d", individual);
  }

  private static int weightedSum(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    return sum;
  }

  private static String replace(String s, int position, char digit) {
    return s.substring(0, position) + digit + s.substring(position + 1);
  }
}
