package io.krrkit.local.internal.selfservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redirect URIs follow ID-porten's rules at registration: https, plain http (allowed in Digdir's
 * test environment), a custom scheme only for native apps, and never a scheme that runs or embeds
 * content in the browser; refusals in the self-service error envelope.
 */
class RedirectUriRegistrationTest {
  private static LocalFixture fx;
  private static SelfServiceApi api;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    api = SelfServiceApi.admin(fx, KrrLocal.DEFAULT_ORG);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "https://app.example.no/callback#fragment"
      })
  void refusesARedirectUriABrowserMustNotBeSentTo(String uri) {
    Answer answer = api.post("/clients", loginClient("web", uri));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("errors").findValuesAsText("fieldIdentifier"))
        .contains("redirect_uris[0]");
    assertThat(answer.body()).doesNotContain("Exception");
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "data:,x", "file:///tmp/x"})
  void refusesTheSameForLogoutUris(String uri) {
    ObjectNode postLogout = loginClient("web", "https://app.example.no/callback");
    postLogout.putArray("post_logout_redirect_uris").add(uri);
    ObjectNode frontchannel = loginClient("web", "https://app.example.no/callback");
    frontchannel.put("frontchannel_logout_uri", uri);

    Answer a = api.post("/clients", postLogout);
    Answer b = api.post("/clients", frontchannel);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().get("errors").findValuesAsText("fieldIdentifier"))
        .contains("post_logout_redirect_uris[0]");
    assertThat(b.status()).isEqualTo(400);
    assertThat(b.json().get("errors").findValuesAsText("fieldIdentifier"))
        .contains("frontchannel_logout_uri");
  }

  @Test
  void refusesACustomSchemeForAWebClient() {
    Answer answer = api.post("/clients", loginClient("web", "no.example.app:/callback"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("application_type native");
  }

  @Test
  void acceptsHttpsHttpAndACustomSchemeForANativeApp() {
    assertThat(api.post("/clients", loginClient("web", "https://app.example.no/cb")).status())
        .isEqualTo(200);
    assertThat(api.post("/clients", loginClient("web", "http://app:8080/cb")).status())
        .isEqualTo(200);
    assertThat(api.post("/clients", loginClient("web", "http://127.0.0.1/cb")).status())
        .isEqualTo(200);
    assertThat(api.post("/clients", loginClient("native", "no.example.app:/callback")).status())
        .isEqualTo(200);
    // Digdir's own example: a native app on any loopback port.
    assertThat(api.post("/clients", loginClient("native", "https://127.0.0.1:*/callback")).status())
        .isEqualTo(200);
  }

  private static ObjectNode loginClient(String applicationType, String redirectUri) {
    ObjectNode body = SelfServiceApi.JSON.createObjectNode();
    body.put("integration_type", "api_klient");
    body.put("application_type", applicationType);
    body.put("client_name", "redirect test");
    body.putArray("scopes").add("krr:user/kontaktinformasjon.read");
    body.putArray("redirect_uris").add(redirectUri);
    if (!"web".equals(applicationType)) {
      body.put("token_endpoint_auth_method", "none");
    }
    return body;
  }
}
