package io.krrkit.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link RequestNote} keeps of a caller's text for the request journal. */
class RequestNoteTest {
  @Test
  void aUuidWhoseLastGroupHoldsElevenDigitsIsKept() {
    String clientId = "39dc2fc9-c33f-4fd9-8a6d-12345678901a";

    assertThat(RequestNote.clipped(clientId)).isEqualTo(clientId);
  }

  @Test
  void anIdentityNumberOrAnEmailAddressIsMasked() {
    assertThat(RequestNote.clipped("client-20914695016")).isEqualTo("client-***********");
    assertThat(RequestNote.clipped("ola@example.com")).isEqualTo("<e-mail>");
  }

  @Test
  void aLongValueIsClipped() {
    assertThat(RequestNote.clipped("x".repeat(500))).hasSize(201).endsWith("…");
  }
}
