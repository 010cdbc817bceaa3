package io.krrkit.local.internal.idporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.idporten.LoginFlow.Client;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input to the ID-porten emulator: each refused with the OAuth2 error, never a 500. */
class AuthorizationErrorsTest {
  static LocalFixture fx;
  static LoginFlow flow;
  static Client app;
  static String pid;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(5);
    flow = new LoginFlow(fx);
    app = flow.registerNative("http://127.0.0.1/callback");
    pid = flow.listedPersons(app).get(0);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void redirectsWithInvalidRequestWhenPkceIsMissing() {
    Answer answer = fx.get(flow.authorizeUrl(app, "st", "n", null));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(LoginFlow.param(answer, "error")).isEqualTo("invalid_request");
    assertThat(LoginFlow.param(answer, "error_description")).contains("PKCE");
    assertThat(LoginFlow.param(answer, "state")).isEqualTo("st");
  }

  @Test
  void refusesPlainPkceMethod() {
    String url =
        flow.authorizeUrl(app, "st", "n", LoginFlow.verifier())
            .replace("code_challenge_method=S256", "code_challenge_method=plain");

    assertThat(LoginFlow.param(fx.get(url), "error_description")).contains("S256");
  }

  @Test
  void refusesPublicClientWithoutState() {
    Answer answer = fx.get(flow.authorizeUrl(app, null, "n", LoginFlow.verifier()));

    assertThat(LoginFlow.param(answer, "error")).isEqualTo("invalid_request");
    assertThat(LoginFlow.param(answer, "error_description")).contains("state");
  }

  @Test
  void refusesWrongCodeVerifier() {
    String code = flow.code(app, pid, LoginFlow.verifier());

    Answer answer = flow.redeem(app, code, LoginFlow.verifier());

    assertInvalidGrant(answer, "code_verifier does not match");
  }

  @Test
  void refusesMissingCodeVerifier() {
    String code = flow.code(app, pid, LoginFlow.verifier());

    assertInvalidGrant(flow.redeem(app, code, null), "code_verifier is missing");
  }

  @Test
  void refusesReusedCode() {
    String verifier = LoginFlow.verifier();
    String code = flow.code(app, pid, verifier);

    assertThat(flow.redeem(app, code, verifier).status()).isEqualTo(200);
    assertInvalidGrant(flow.redeem(app, code, verifier), "used before");
  }

  @Test
  void refusesExpiredCode() {
    String verifier = LoginFlow.verifier();
    String code = flow.code(app, pid, verifier);
    fx.krrLocal().clock().advance(IdportenService.CODE_LIFETIME.plus(Duration.ofSeconds(1)));
    try {
      assertInvalidGrant(flow.redeem(app, code, verifier), "expired");
    } finally {
      fx.krrLocal().clock().setOffset(Duration.ZERO);
    }
  }

  @Test
  void refusesUnknownCode() {
    assertInvalidGrant(flow.redeem(app, "not-a-code", LoginFlow.verifier()), "not known");
  }

  @Test
  void showsAnErrorPageForAnUnregisteredRedirectUri() {
    Client elsewhere = new Client(app.clientId(), "https://evil.example.com/cb", null);

    Answer answer = fx.get(flow.authorizeUrl(elsewhere, "s", "n", LoginFlow.verifier()));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.response().headers().firstValue("Location")).isEmpty();
    assertThat(answer.body()).contains("redirect_uri is not registered");
  }

  @Test
  void showsAnErrorPageForAnUnknownClient() {
    Client unknown = new Client("no-such-client", app.redirectUri(), null);

    Answer answer = fx.get(flow.authorizeUrl(unknown, "s", "n", LoginFlow.verifier()));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("no active client");
  }

  @Test
  void refusesCodeRedeemedByAnotherClientWithoutSpendingIt() {
    Client other = flow.registerNative("http://127.0.0.1/callback");
    String verifier = LoginFlow.verifier();
    String code = flow.code(app, pid, verifier);

    // another client's code is not known to it: neither confirmed to exist nor spent
    assertInvalidGrant(flow.redeem(other, code, verifier), "not known here");
    assertThat(flow.redeem(app, code, verifier).status()).isEqualTo(200);
  }

  @Test
  void refusesRedirectUriDifferentFromTheAuthorizationRequest() {
    String verifier = LoginFlow.verifier();
    String code = flow.code(app, pid, verifier);
    Client moved = new Client(app.clientId(), "http://127.0.0.1/other", null);

    assertInvalidGrant(flow.redeem(moved, code, verifier), "redirect_uri");
  }

  @Test
  void refusesRefreshTokenGrantForPublicClients() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", "x");
    form.put("client_id", app.clientId());

    Answer answer = flow.token(form);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void refusesClientSecrets() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", app.clientId());
    form.put("client_secret", "secret");

    assertThat(flow.token(form).json().get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void refusesUnknownGrantTypeAndMissingParameters() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", app.clientId());
    assertThat(flow.token(form).json().get("error").asText()).isEqualTo("invalid_request");
    form.put("grant_type", "password");
    assertThat(flow.token(form).json().get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void refusesALoginWithoutAValidIdentityNumber() {
    Answer answer = flow.login(flow.authorizeUrl(app, "s", "n", LoginFlow.verifier()), "12345");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("11-digit").doesNotContain("12345");
  }

  @Test
  void userinfoRefusesAnIdTokenAndGarbage() {
    String verifier = LoginFlow.verifier();
    String idToken =
        flow.redeem(app, flow.code(app, pid, verifier), verifier).json().get("id_token").asText();

    for (String token : new String[] {idToken, "garbage"}) {
      Answer answer =
          fx.send(
              HttpRequest.newBuilder(URI.create(fx.krrLocal().idportenIssuer() + "/userinfo"))
                  .header("Authorization", "Bearer " + token)
                  .GET());
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.json().get("error").asText()).isEqualTo("invalid_token");
    }
  }

  private static void assertInvalidGrant(Answer answer, String description) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(answer.json().get("error_description").asText()).contains(description);
  }
}
