package io.krrkit.local.internal.maskinporten;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Base64;

/**
 * The JWT grant ({@link JwtGrant#parse}): a grant with its claims, or a refusal ({@link
 * TokenRequestException}). An input with a newline is a header and claims as JSON, encoded into a
 * JWT here so the fuzzer works on the JSON; one without is the assertion as sent.
 */
class JwtGrantFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void jwtGrant(byte[] input) {
    String text = new String(input, UTF_8);
    int newline = text.indexOf('\n');
    String assertion =
        newline < 0
            ? text
            : b64(text.substring(0, newline)) + "." + b64(text.substring(newline + 1)) + ".c2ln";
    try {
      JwtGrant grant = JwtGrant.parse(assertion);
      assertThat(grant.iss()).isNotBlank();
      assertThat(grant.jti()).isNotBlank();
      assertThat(grant.audience()).isNotEmpty();
      assertThat(grant.exp()).isNotNull();
    } catch (TokenRequestException refused) {
      assertThat(refused.description()).isNotBlank();
    }
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(UTF_8));
  }
}
