package io.krrkit.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A form body as the ID-porten endpoints read it ({@link RequestBody#form}), Content-Type on the
 * first line: the parameters, or {@link RequestBody.Unreadable}.
 */
class RequestBodyFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void form(byte[] input) {
    String text = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1);
    int newline = text.indexOf('\n');
    String type = newline < 0 ? RequestBody.FORM : text.substring(0, newline);
    byte[] body =
        newline < 0 ? input : java.util.Arrays.copyOfRange(input, newline + 1, input.length);
    try {
      var params = RequestBody.form(RequestBody.mediaType(type), body);
      assertThat(params.values()).allSatisfy(values -> assertThat(values).isNotEmpty());
    } catch (RequestBody.Unreadable refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
