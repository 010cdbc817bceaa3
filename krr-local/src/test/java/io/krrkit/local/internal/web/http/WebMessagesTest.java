package io.krrkit.local.internal.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Both languages of the web page have every text. */
class WebMessagesTest {
  final Messages messages = new Messages();

  @Test
  void bokmalAndEnglishHaveTheSameKeys() {
    assertThat(messages.keys(Language.EN))
        .containsExactlyInAnyOrderElementsOf(messages.keys(Language.NB));
  }

  @Test
  void fillsArgumentsWithoutGroupingDigits() {
    assertThat(messages.text(Language.NB, "integration.description.tooLong", 4000, 4001))
        .isEqualTo("Beskrivelsen kan ha høyst 4000 tegn, du skrev 4001");
    assertThat(messages.text(Language.EN, "no.such.key")).isEqualTo("??no.such.key??");
  }
}
