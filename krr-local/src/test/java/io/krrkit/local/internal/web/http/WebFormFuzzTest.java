package io.krrkit.local.internal.web.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.krrkit.local.FuzzedHttp;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The web page's forms over HTTP, multipart included (Jetty parses them; {@link WebContext} turns
 * what it cannot parse into the 400 page): an input's first line is the Content-Type, the rest the
 * body posted to the keys page of a client of the signed-in organisation, {@code @CSRF@} replaced
 * by the session's token. Every answer is a page below 500 without internals.
 */
class WebFormFuzzTest {
  static final LocalFixture FX =
      LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(0));
  static final WebVisitor VISITOR = WebVisitor.logIn(FX);
  static final String COOKIE = VISITOR.cookie();
  static final String CSRF = VISITOR.csrf();
  static final String KEYS_PAGE =
      "/integrasjoner/" + FX.client().org(KrrLocal.DEFAULT_ORG).register().clientId() + "/nokler";

  @FuzzTest(maxDuration = "5s")
  void multipartForm(byte[] input) {
    FuzzedHttp.allowLocalConnections();
    String text = new String(input, StandardCharsets.ISO_8859_1).replace("@CSRF@", CSRF);
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    int newline = text.indexOf('\n');
    String type = newline < 0 ? "multipart/form-data; boundary=x" : text.substring(0, newline);
    byte[] body = newline < 0 ? bytes : Arrays.copyOfRange(bytes, newline + 1, bytes.length);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(FX.krrLocal().baseUrl() + KEYS_PAGE))
            .header("Cookie", SessionCookie.NAME + "=" + COOKIE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      request.header("Content-Type", type);
    } catch (IllegalArgumentException notSendable) {
      return;
    }
    FuzzedHttp.assertHandled(FX.send(request));
  }
}
