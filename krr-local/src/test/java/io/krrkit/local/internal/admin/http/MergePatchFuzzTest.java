package io.krrkit.local.internal.admin.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code PATCH /admin/persons/{id}}: a merge patch ({@link MergePatch}) applied to a stored person,
 * then read as a person again; an entry or 400, never anything else.
 */
class MergePatchFuzzTest {
  private static final String STORED =
      "{\"personidentifikator\":\"01817090148\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\","
          + "\"kontaktinformasjon\":{\"epostadresse\":\"kari@example.com\","
          + "\"epostadresse_oppdatert\":\"2024-06-10T21:00:01+02\"},\"spraak\":\"nb\"}";

  @FuzzTest(maxDuration = "5s")
  void mergePatch(byte[] patch) {
    try {
      ObjectNode target = (ObjectNode) PersonBodyFuzzTest.BODIES.object(STORED);
      MergePatch.apply(target, PersonBodyFuzzTest.BODIES.object(new String(patch, UTF_8)));
      assertThat(PersonBodyFuzzTest.BODIES.entry(PersonBodyFuzzTest.ID, target)).isNotNull();
    } catch (AdminRequestException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
