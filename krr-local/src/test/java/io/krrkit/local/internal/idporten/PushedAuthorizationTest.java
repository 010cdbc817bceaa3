package io.krrkit.local.internal.idporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.idporten.LoginFlow.Client;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pushed authorization requests (RFC 9126, Digdir's {@code oidc_protocol_par}) over HTTP: the
 * client pushes, the browser comes with {@code client_id} and {@code request_uri} only; a {@code
 * request_uri} is single use, lives 120 s and belongs to its client.
 */
class PushedAuthorizationTest {
  private static final String CALLBACK = "https://app.example.no/callback";

  static LocalFixture fx;
  static LoginFlow flow;
  static Client app;
  static Client other;
  static String pid;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(5);
    flow = new LoginFlow(fx);
    app = flow.registerWeb(CALLBACK, "ONETIME");
    other = flow.registerWeb(CALLBACK, "ONETIME");
    pid = flow.listedPersons(app).get(0);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void metadataNamesTheParEndpoint() {
    Answer meta = fx.get(flow.issuer() + "/.well-known/openid-configuration");

    assertThat(meta.json().get("pushed_authorization_request_endpoint").asText())
        .isEqualTo(flow.issuer() + "/par");
    assertThat(meta.json().get("request_uri_parameter_supported").asBoolean()).isTrue();
  }

  @Test
  void aPushedRequestLogsInAndItsParametersReachTheTokens() {
    String verifier = LoginFlow.verifier();

    Answer pushed = push(app, verifier, "pushed-nonce");
    String requestUri = pushed.json().get("request_uri").asText();
    Answer page = authorize(app, requestUri);
    Answer redirect = flow.browser().loginOnPage(page.body(), pid);
    Answer tokens = flow.redeemSigned(app, LoginFlow.param(redirect, "code"), verifier);

    assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
    assertThat(requestUri).startsWith("urn:idporten:");
    assertThat(pushed.json().get("expires_in").asInt()).isEqualTo(120);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(LoginFlow.param(redirect, "state")).isEqualTo("pushed-state");
    assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    assertThat(LoginFlow.claims(tokens.json().get("id_token").asText()).getClaim("nonce"))
        .isEqualTo("pushed-nonce");
  }

  @Test
  void aRequestUriIsUsedOnce() {
    String requestUri = push(app, LoginFlow.verifier(), "n").json().get("request_uri").asText();

    Answer first = authorize(app, requestUri);
    Answer again = authorize(app, requestUri);

    assertThat(first.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("invalid_request_uri").contains("used before");
  }

  @Test
  void aRequestUriExpiresAfter120Seconds() {
    String requestUri = push(app, LoginFlow.verifier(), "n").json().get("request_uri").asText();
    Duration before = fx.krrLocal().clock().offset();
    fx.krrLocal().clock().advance(Duration.ofSeconds(121));
    try {
      Answer late = authorize(app, requestUri);

      assertThat(late.status()).isEqualTo(400);
      assertThat(late.body()).contains("invalid_request_uri").contains("expired");
    } finally {
      fx.krrLocal().clock().setOffset(before);
    }
  }

  @Test
  void anotherClientsRequestUriIsNotKnown() {
    String requestUri = push(app, LoginFlow.verifier(), "n").json().get("request_uri").asText();

    Answer stolen = authorize(other, requestUri);
    Answer owner = authorize(app, requestUri);

    assertThat(stolen.status()).isEqualTo(400);
    assertThat(stolen.body()).contains("invalid_request_uri").contains("not known");
    // the refused attempt did not spend it
    assertThat(owner.status()).isEqualTo(200);
  }

  @Test
  void parametersBesideTheRequestUriAreRefused() {
    String requestUri = push(app, LoginFlow.verifier(), "n").json().get("request_uri").asText();

    Answer mixed =
        flow.browser()
            .get(
                flow.issuer()
                    + "/authorize?client_id="
                    + app.clientId()
                    + "&scope=openid&request_uri="
                    + LocalFixture.encode(requestUri));

    assertThat(mixed.status()).isEqualTo(400);
    assertThat(mixed.body()).contains("send only client_id");
  }

  @Test
  void aBadPushIsAnsweredAsJsonAndNeedsClientAuthentication() {
    Map<String, String> unregistered = request(app, LoginFlow.verifier(), "n");
    unregistered.put("redirect_uri", "https://evil.example.com/cb");
    unregistered.putAll(flow.assertion(app));
    Map<String, String> noPkce = request(app, LoginFlow.verifier(), "n");
    noPkce.remove("code_challenge");
    noPkce.putAll(flow.assertion(app));
    Map<String, String> unauthenticated = request(app, LoginFlow.verifier(), "n");

    Answer badRedirect = flow.postForm(flow.issuer() + "/par", unregistered, null);
    Answer missingPkce = flow.postForm(flow.issuer() + "/par", noPkce, null);
    Answer anonymous = flow.postForm(flow.issuer() + "/par", unauthenticated, null);

    assertThat(badRedirect.status()).isEqualTo(400);
    assertThat(badRedirect.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(missingPkce.status()).isEqualTo(400);
    assertThat(missingPkce.json().get("error_description").asText()).contains("code_challenge");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().get("error").asText()).isEqualTo("invalid_client");
  }

  private static Answer push(Client client, String verifier, String nonce) {
    Map<String, String> form = request(client, verifier, nonce);
    form.putAll(flow.assertion(client));
    return flow.postForm(flow.issuer() + "/par", form, null);
  }

  private static Map<String, String> request(Client client, String verifier, String nonce) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("response_type", "code");
    form.put("client_id", client.clientId());
    form.put("redirect_uri", client.redirectUri());
    form.put("scope", "openid profile");
    form.put("state", "pushed-state");
    form.put("nonce", nonce);
    form.put("code_challenge", Pkce.challengeOf(verifier));
    form.put("code_challenge_method", "S256");
    return form;
  }

  private static Answer authorize(Client client, String requestUri) {
    return flow.browser()
        .get(
            flow.issuer()
                + "/authorize?client_id="
                + client.clientId()
                + "&request_uri="
                + LocalFixture.encode(requestUri));
  }
}
