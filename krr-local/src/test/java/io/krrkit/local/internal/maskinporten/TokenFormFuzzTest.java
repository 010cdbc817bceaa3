package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.krrkit.core.Masking;
import java.io.ByteArrayInputStream;

/**
 * The token request form ({@link FormBody}, {@link TokenRequest}): parameters read, or MP-011
 * ({@link TokenRequestException}); the first line of an input is the Content-Type.
 */
class TokenFormFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void tokenForm(byte[] input) {
    String text = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1);
    int newline = text.indexOf('\n');
    String contentType =
        newline < 0 ? "application/x-www-form-urlencoded" : text.substring(0, newline);
    byte[] body =
        newline < 0 ? input : java.util.Arrays.copyOfRange(input, newline + 1, input.length);
    try {
      FormBody form = FormBody.read(contentType, new ByteArrayInputStream(body), 64 * 1024);
      String grantType = form.single("grant_type");
      String assertion = form.single("assertion");
      if (grantType != null && assertion != null) {
        assertThat(new TokenRequest(grantType, assertion).toString())
            .endsWith("assertion=" + Masking.secret(assertion) + "]");
      }
    } catch (TokenRequestException refused) {
      assertThat(refused.error()).isEqualTo(TokenError.INVALID_PARAMETER);
    }
  }
}
