package io.krrkit.local.internal.admin.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * An operator request ({@link AdminRequest}): each field read as its type, or 400 ({@link
 * AdminRequest.BadAdminRequest}).
 */
class AdminRequestFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void adminRequest(byte[] body) {
    try {
      AdminRequest r = AdminRequest.of(new String(body, UTF_8), name -> null);
      r.text("scope");
      r.bool("active");
      r.integer("at_max_age");
      var texts = r.texts("allowed_integration_types");
      assertThat(texts == null || texts.stream().allMatch(t -> t != null)).isTrue();
    } catch (AdminRequest.BadAdminRequest refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
