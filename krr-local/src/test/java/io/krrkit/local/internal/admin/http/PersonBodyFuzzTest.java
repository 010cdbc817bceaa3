package io.krrkit.local.internal.admin.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.KrrJson;
import io.krrkit.local.internal.krr.RegisterEntry;

/**
 * The body of {@code PUT /admin/persons/{id}} ({@link PersonBody}): a register entry for the id, or
 * 400 ({@link AdminRequestException}); out-of-range dates included.
 */
class PersonBodyFuzzTest {
  static final PersonBody BODIES = new PersonBody(KrrJson.newObjectMapper());
  static final Personidentifikator ID = Personidentifikator.of("01817090148");

  @FuzzTest(maxDuration = "5s")
  void personBody(byte[] body) {
    try {
      RegisterEntry entry = BODIES.entry(ID, BODIES.object(new String(body, UTF_8)));
      assertThat(entry).isNotNull();
    } catch (AdminRequestException refused) {
      assertThat(refused.getMessage()).doesNotContain(ID.value());
    }
  }
}
