package io.krrkit.local.internal.idporten.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.krrkit.local.FuzzedHttp;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * {@code GET /idporten/authorize?…} and the log-in form {@code POST /idporten/authorize} with the
 * same parameters: an error page, a redirect with {@code error}, or the log-in page; never a 5xx.
 */
class IdportenAuthorizeFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void authorizeParameters(byte[] input) {
    FuzzedHttp.allowLocalConnections();
    String query = new String(input, UTF_8);
    String authorize = IdportenTokenFuzzTest.FX.krrLocal().idportenIssuer() + "/authorize";
    URI uri;
    try {
      uri = URI.create(authorize + "?" + query);
    } catch (IllegalArgumentException notAUri) {
      uri = null; // not sendable as a query; still a form body
    }
    if (uri != null) {
      FuzzedHttp.assertHandled(IdportenTokenFuzzTest.FX.send(HttpRequest.newBuilder(uri).GET()));
    }
    FuzzedHttp.assertHandled(IdportenTokenFuzzTest.FX.postForm(authorize, query));
  }
}
