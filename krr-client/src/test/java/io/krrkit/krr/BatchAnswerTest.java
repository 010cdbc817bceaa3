package io.krrkit.krr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.PersonerResponse;
import io.krrkit.core.krr.Status;
import io.krrkit.core.krr.Varslingsstatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchAnswerTest {
  private final List<String> asked = SyntheticIds.unknown(3);

  @Test
  void fillsGapsWithIkkeRegistrertWhenV2LeavesUnknownPersonsOut() {
    PersonerResponse answer = answer(asked.get(2), asked.get(0));

    Map<String, Person> matched = new BatchAnswer(true).match(asked, answer);

    assertThat(matched.get(asked.get(0)).status()).isEqualTo(Status.AKTIV);
    assertThat(matched.get(asked.get(1)))
        .extracting(Person::status, Person::reservasjon, Person::varslingsstatus)
        .containsExactly(Status.IKKE_REGISTRERT, JaNei.NEI, Varslingsstatus.KAN_IKKE_VARSLES);
    assertThat(matched.get(asked.get(2)).status()).isEqualTo(Status.AKTIV);
  }

  @Test
  void refusesAnAnswerLackingAPersonWhenEveryoneMustBeAnswered() {
    PersonerResponse answer = answer(asked.get(0), asked.get(1));

    assertThatThrownBy(() -> new BatchAnswer(false).match(asked, answer))
        .isInstanceOf(KrrResponseException.class)
        .hasMessageContaining("asked for 3 persons, got 2 (1 missing, 0 not asked for, 0 repeated)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(asked));
  }

  @Test
  void refusesAnAnswerWithAPersonNobodyAskedFor() {
    String stranger = SyntheticIds.unknown(4).get(3);
    PersonerResponse answer = answer(asked.get(0), asked.get(1), stranger);

    assertThatThrownBy(() -> new BatchAnswer(true).match(asked, answer))
        .isInstanceOf(KrrResponseException.class)
        .hasMessageContaining("1 not asked for")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(stranger));
  }

  @Test
  void refusesAnAnswerNamingAPersonTwice() {
    PersonerResponse answer = answer(asked.get(0), asked.get(1), asked.get(2), asked.get(1));

    assertThatThrownBy(() -> new BatchAnswer(false).match(asked, answer))
        .isInstanceOf(KrrResponseException.class)
        .hasMessageContaining("1 repeated");
  }

  private static PersonerResponse answer(String... ids) {
    return new PersonerResponse(
        java.util.Arrays.stream(ids)
            .map(
                id ->
                    new Person(
                        id,
                        JaNei.NEI,
                        Status.AKTIV,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
            .toList());
  }
}
