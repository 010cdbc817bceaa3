package io.krrkit.local.internal.idporten.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.krrkit.local.FuzzedHttp;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;

/**
 * {@code POST /idporten/token} over HTTP on an emulator in this JVM (the form is parsed by the
 * route): first line of an input the Content-Type, the rest the body. Every answer is a refusal or
 * a token in OAuth2's shape, never a 5xx.
 */
class IdportenTokenFuzzTest {
  static final LocalFixture FX =
      LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(0));

  @FuzzTest(maxDuration = "5s")
  void tokenRequest(byte[] input) {
    FuzzedHttp.allowLocalConnections();
    int newline = indexOf(input, (byte) '\n');
    String type =
        newline < 0
            ? "application/x-www-form-urlencoded"
            : new String(input, 0, newline, java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] body = newline < 0 ? input : Arrays.copyOfRange(input, newline + 1, input.length);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(FX.krrLocal().idportenIssuer() + "/token"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      request.header("Content-Type", type);
    } catch (IllegalArgumentException notSendable) {
      return; // a header value no HTTP client can put on the wire
    }
    FuzzedHttp.assertHandled(FX.send(request));
  }

  static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
