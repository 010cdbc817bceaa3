package io.krrkit.local.internal.idporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.idporten.LoginFlow.Browser;
import io.krrkit.local.internal.idporten.LoginFlow.Client;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logout over HTTP (Digdir's {@code oidc_protocol_logout}, OpenID Connect RP-Initiated and
 * Front-Channel Logout): {@code end_session_endpoint} ends the browser's SSO session, frames the
 * {@code frontchannel_logout_uri} of every client in it (the initiator too), and returns to a
 * registered {@code post_logout_redirect_uri} with {@code state}.
 */
class LogoutTest {
  private static final String CALLBACK = "https://app.example.no/callback";
  private static final String LOGGED_OUT = "https://app.example.no/logged-out";
  private static final Pattern IFRAME = Pattern.compile("<iframe[^>]* src=\"([^\"]+)\"");

  static LocalFixture fx;
  static LoginFlow flow;
  static Client initiator;
  static Client second;
  static Client silent;
  static Client authOnly;
  static String pid;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(5);
    flow = new LoginFlow(fx);
    initiator =
        flow.registerWeb(
            CALLBACK,
            Map.of(
                "post_logout_redirect_uris",
                List.of(LOGGED_OUT),
                "frontchannel_logout_uri",
                "https://app.example.no/fc-logout"));
    second =
        flow.registerWeb(
            "https://other.example.no/cb",
            Map.of("frontchannel_logout_uri", "https://other.example.no/logout?x=1"));
    silent = flow.registerWeb("https://silent.example.no/cb", Map.of());
    authOnly =
        flow.registerWeb(
            "https://login.example.no/cb", Map.of("scopes", List.of("openid", "profile")));
    pid = flow.listedPersons(initiator).get(0);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void metadataNamesTheEndSessionEndpoint() {
    Answer meta = fx.get(flow.issuer() + "/.well-known/openid-configuration");

    assertThat(meta.json().get("end_session_endpoint").asText())
        .isEqualTo(flow.issuer() + "/logout");
    assertThat(meta.json().get("frontchannel_logout_supported").asBoolean()).isTrue();
  }

  @Test
  void logoutFramesEveryClientOfTheSessionAndReturnsWithState() {
    Browser browser = flow.browser();
    String idToken = loginAll(browser).get(0);
    String sid = (String) LoginFlow.claims(idToken).getClaim("sid");

    Answer page =
        browser.get(
            flow.issuer()
                + "/logout?id_token_hint="
                + idToken
                + "&post_logout_redirect_uri="
                + LocalFixture.encode(LOGGED_OUT)
                + "&state="
                + LocalFixture.encode("after logout"));

    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<String> frames = iframes(page.body());
    String suffix = "iss=" + LocalFixture.encode(flow.issuer()) + "&sid=" + sid;
    assertThat(frames)
        .containsExactlyInAnyOrder(
            "https://app.example.no/fc-logout?" + suffix,
            "https://other.example.no/logout?x=1&" + suffix);
    assertThat(page.body())
        .contains("id=\"continue\" href=\"" + LOGGED_OUT + "?state=after+logout\"")
        .contains("/static/idporten-logout.js");
    assertThat(page.response().headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-src http: https:");
    assertThat(page.response().headers().firstValue("Set-Cookie").orElseThrow())
        .contains("Max-Age=0");
  }

  @Test
  void afterLogoutTheBrowserLogsInAgain() {
    Browser browser = flow.browser();
    browser.login(flow.authorizeUrl(initiator, LoginFlow.verifier(), Map.of()), pid);
    String cookie = browser.cookie();

    Answer out = browser.post(flow.issuer() + "/logout", Map.of("client_id", initiator.clientId()));
    Answer again =
        flow.browserWithCookie(cookie)
            .get(flow.authorizeUrl(initiator, LoginFlow.verifier(), Map.of()));

    assertThat(out.status()).as(out.body()).isEqualTo(200);
    assertThat(out.body()).doesNotContain("id=\"continue\"");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("data-pid=");
  }

  @Test
  void anUnregisteredPostLogoutRedirectUriIsAnErrorPage() {
    Browser browser = flow.browser();
    String idToken = loginAll(browser).get(0);

    Answer refused =
        browser.get(
            flow.issuer()
                + "/logout?id_token_hint="
                + idToken
                + "&post_logout_redirect_uri="
                + LocalFixture.encode("https://evil.example.com/"));
    Answer stillIn = browser.get(flow.authorizeUrl(initiator, LoginFlow.verifier(), Map.of()));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("post_logout_redirect_uri is not registered");
    assertThat(refused.response().headers().firstValue("Location")).isEmpty();
    assertThat(stillIn.status()).isEqualTo(302);
  }

  @Test
  void aRedirectNeedsTheHintOrTheClientId() {
    Browser browser = flow.browser();
    loginAll(browser);

    Answer refused =
        browser.get(
            flow.issuer() + "/logout?post_logout_redirect_uri=" + LocalFixture.encode(LOGGED_OUT));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("needs id_token_hint or client_id");
  }

  @Test
  void withoutASessionCookieLogoutIsAnErrorPage() {
    Answer refused = flow.browser().get(flow.issuer() + "/logout");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("no ID-porten session in this browser");
  }

  @Test
  void aForgedHintIsRefused() {
    Browser browser = flow.browser();
    String idToken = loginAll(browser).get(0);
    String[] parts = idToken.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA";

    Answer refused = browser.get(flow.issuer() + "/logout?id_token_hint=" + forged);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("id_token_hint is not an ID token");
  }

  @Test
  void logoutRevokesAuthenticationOnlyTokensAndKeepsApiTokens() {
    Browser browser = flow.browser();
    List<String> accessTokens = loginAll(browser).subList(1, 3);

    Answer out = browser.post(flow.issuer() + "/logout", Map.of("client_id", initiator.clientId()));

    assertThat(out.status()).isEqualTo(200);
    // [1] is the KRR-scoped initiator's, [2] the openid/profile-only client's
    assertThat(userinfo(accessTokens.get(0)).status()).isEqualTo(200);
    assertThat(userinfo(accessTokens.get(1)).status()).isEqualTo(401);
  }

  /**
   * Logs one browser in to the initiator, then by SSO to the other three clients; answers the
   * initiator's ID token, its access token and the authentication-only client's access token.
   */
  private static List<String> loginAll(Browser browser) {
    String verifier = LoginFlow.verifier();
    Answer first = browser.login(flow.authorizeUrl(initiator, verifier, Map.of()), pid);
    Answer tokens = flow.redeemSigned(initiator, LoginFlow.param(first, "code"), verifier);
    browser.get(flow.authorizeUrl(second, LoginFlow.verifier(), Map.of()));
    browser.get(flow.authorizeUrl(silent, LoginFlow.verifier(), Map.of()));
    String authVerifier = LoginFlow.verifier();
    Map<String, String> openidOnly = new LinkedHashMap<>();
    String url = flow.authorizeUrl(authOnly, authVerifier, openidOnly);
    url = url.replace(LocalFixture.encode(LoginFlow.KRR_USER_SCOPES), "openid+profile");
    Answer sso = browser.get(url);
    Answer authTokens = flow.redeemSigned(authOnly, LoginFlow.param(sso, "code"), authVerifier);
    assertThat(authTokens.status()).as(authTokens.body()).isEqualTo(200);
    return List.of(
        tokens.json().get("id_token").asText(),
        tokens.json().get("access_token").asText(),
        authTokens.json().get("access_token").asText());
  }

  private static List<String> iframes(String html) {
    List<String> srcs = new java.util.ArrayList<>();
    Matcher m = IFRAME.matcher(html);
    while (m.find()) {
      srcs.add(m.group(1).replace("&amp;", "&"));
    }
    return srcs;
  }

  private static Answer userinfo(String accessToken) {
    return fx.send(
        HttpRequest.newBuilder(URI.create(flow.issuer() + "/userinfo"))
            .header("Authorization", "Bearer " + accessToken));
  }
}
