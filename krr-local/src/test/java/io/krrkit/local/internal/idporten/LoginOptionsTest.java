package io.krrkit.local.internal.idporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.idporten.LoginFlow.Browser;
import io.krrkit.local.internal.idporten.LoginFlow.Client;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization request's options over HTTP: {@code acr_values} (the level reached is in {@code
 * acr}), {@code ui_locales} (the log-in page's language), SSO between clients of one browser,
 * {@code prompt=login} forcing a new log-in, and a step-up to a higher level.
 */
class LoginOptionsTest {
  private static final String CALLBACK = "https://app.example.no/callback";
  private static final String HIGH = "idporten-loa-high";

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
  void acrValuesHighIsReflectedInBothTokens() {
    String verifier = LoginFlow.verifier();
    String url = flow.authorizeUrl(app, verifier, Map.of("acr_values", HIGH));

    Answer redirect = flow.browser().login(url, pid);
    Answer tokens = flow.redeemSigned(app, LoginFlow.param(redirect, "code"), verifier);

    assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    assertThat(LoginFlow.claims(tokens.json().get("id_token").asText()).getClaim("acr"))
        .isEqualTo(HIGH);
    assertThat(LoginFlow.claims(tokens.json().get("access_token").asText()).getClaim("acr"))
        .isEqualTo(HIGH);
  }

  @Test
  void withoutAcrValuesTheLevelIsSubstantial() {
    String verifier = LoginFlow.verifier();
    Answer tokens = flow.redeemSigned(app, flow.code(app, pid, verifier), verifier);

    assertThat(LoginFlow.claims(tokens.json().get("id_token").asText()).getClaim("acr"))
        .isEqualTo("idporten-loa-substantial");
  }

  @Test
  void anUnknownAcrValueIsRedirectedAsInvalidRequest() {
    String url = flow.authorizeUrl(app, LoginFlow.verifier(), Map.of("acr_values", "Level4"));

    Answer answer = fx.get(url);

    assertThat(answer.status()).isEqualTo(302);
    assertThat(LoginFlow.param(answer, "error")).isEqualTo("invalid_request");
    assertThat(LoginFlow.param(answer, "error_description")).contains("idporten-loa-high");
  }

  @Test
  void uiLocalesChoosesThePageLanguage() {
    String verifier = LoginFlow.verifier();

    String en = fx.get(flow.authorizeUrl(app, verifier, Map.of("ui_locales", "en"))).body();
    String nn = fx.get(flow.authorizeUrl(app, verifier, Map.of("ui_locales", "nn"))).body();
    String se = fx.get(flow.authorizeUrl(app, verifier, Map.of("ui_locales", "se"))).body();
    String fallback =
        fx.get(flow.authorizeUrl(app, verifier, Map.of("ui_locales", "de fr"))).body();
    String second = fx.get(flow.authorizeUrl(app, verifier, Map.of("ui_locales", "de en"))).body();

    assertThat(en).contains("<html lang=\"en\"").contains(">Log in</button>");
    assertThat(nn).contains("<html lang=\"nn\"").contains("Anna fødselsnummer");
    assertThat(se).contains("<html lang=\"se\"").contains(">Čálit sisa</button>");
    assertThat(fallback).contains("<html lang=\"nb\"").contains(">Logg inn</button>");
    assertThat(second).contains("<html lang=\"en\"");
  }

  @Test
  void aSecondClientInTheSameBrowserGetsACodeWithoutTheLoginPage() {
    Browser browser = flow.browser();
    String verifierA = LoginFlow.verifier();
    Answer first = browser.login(flow.authorizeUrl(app, verifierA, Map.of()), pid);
    String verifierB = LoginFlow.verifier();

    Answer sso = browser.get(flow.authorizeUrl(other, verifierB, Map.of()));
    Answer tokensA = flow.redeemSigned(app, LoginFlow.param(first, "code"), verifierA);
    Answer tokensB = flow.redeemSigned(other, LoginFlow.param(sso, "code"), verifierB);

    assertThat(browser.cookie()).isNotNull();
    assertThat(first.response().headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly")
        .contains("Path=/idporten");
    assertThat(sso.status()).as(sso.body()).isEqualTo(302);
    assertThat(tokensB.status()).as(tokensB.body()).isEqualTo(200);
    var idA = LoginFlow.claims(tokensA.json().get("id_token").asText());
    var idB = LoginFlow.claims(tokensB.json().get("id_token").asText());
    assertThat(idB.getClaim("sid")).isNotNull().isEqualTo(idA.getClaim("sid"));
    assertThat(idB.getClaim("pid")).isEqualTo(pid);
    assertThat(idB.getClaim("auth_time")).isEqualTo(idA.getClaim("auth_time"));
  }

  @Test
  void promptLoginShowsTheLoginPageDespiteTheSession() {
    Browser browser = flow.browser();
    browser.login(flow.authorizeUrl(app, LoginFlow.verifier(), Map.of()), pid);
    String oldCookie = browser.cookie();

    Answer forced =
        browser.get(flow.authorizeUrl(app, LoginFlow.verifier(), Map.of("prompt", "login")));
    Answer relogged =
        browser.login(flow.authorizeUrl(app, LoginFlow.verifier(), Map.of("prompt", "login")), pid);
    Answer oldSession =
        flow.browserWithCookie(oldCookie)
            .get(flow.authorizeUrl(app, LoginFlow.verifier(), Map.of()));

    assertThat(forced.status()).isEqualTo(200);
    assertThat(forced.body()).contains("data-pid=");
    assertThat(relogged.status()).isEqualTo(302);
    assertThat(browser.cookie()).isNotEqualTo(oldCookie);
    // a new log-in replaces the browser's old session
    assertThat(oldSession.status()).isEqualTo(200);
  }

  @Test
  void aClientWithSsoDisabledAlwaysShowsTheLoginPage() {
    Client noSso = flow.registerWeb(CALLBACK, Map.of("sso_disabled", true));
    Browser browser = flow.browser();
    browser.login(flow.authorizeUrl(app, LoginFlow.verifier(), Map.of()), pid);

    Answer page = browser.get(flow.authorizeUrl(noSso, LoginFlow.verifier(), Map.of()));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("data-pid=");
  }

  @Test
  void promptValuesOtherThanLoginAreRefused() {
    Answer none = fx.get(flow.authorizeUrl(app, LoginFlow.verifier(), Map.of("prompt", "none")));

    assertThat(none.status()).isEqualTo(302);
    assertThat(LoginFlow.param(none, "error")).isEqualTo("invalid_request");
  }

  @Test
  void aHigherLevelThanTheSessionsAsksForANewLogin() {
    Browser browser = flow.browser();
    browser.login(flow.authorizeUrl(app, LoginFlow.verifier(), Map.of()), pid);

    Answer stepUp =
        browser.get(flow.authorizeUrl(other, LoginFlow.verifier(), Map.of("acr_values", HIGH)));
    Answer same = browser.get(flow.authorizeUrl(other, LoginFlow.verifier(), Map.of()));

    assertThat(stepUp.status()).isEqualTo(200);
    assertThat(stepUp.body()).contains("data-acr=\"" + HIGH + "\"");
    assertThat(same.status()).isEqualTo(302);
  }
}
