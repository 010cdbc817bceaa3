package io.krrkit.local.internal.idporten;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.idporten.LoginFlow.Client;
import io.krrkit.local.internal.store.StoreEngine;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ID-porten emulator's authorization code flow over HTTP (spec.md#id-porten-subset), good path
 * first.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class AuthorizationCodeFlowTest {
  static LocalFixture fx;
  static LoginFlow flow;
  static Client app;
  static String pid;

  @Parameter StoreEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) {
    fx = LocalFixture.start(engine.emulator().seedPersons(30));
    flow = new LoginFlow(fx);
    app = flow.registerNative("http://127.0.0.1/callback");
    pid = flow.listedPersons(app).get(0);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    fx.close();
  }

  @Test
  void publishesOpenIdMetadata() {
    Answer answer = fx.get(fx.krrLocal().idportenIssuer() + "/.well-known/openid-configuration");

    String issuer = fx.krrLocal().idportenIssuer();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("issuer").asText()).isEqualTo(issuer);
    assertThat(answer.json().get("authorization_endpoint").asText())
        .isEqualTo(issuer + "/authorize");
    assertThat(answer.json().get("token_endpoint").asText()).isEqualTo(issuer + "/token");
    assertThat(answer.json().get("code_challenge_methods_supported").toString())
        .isEqualTo("[\"S256\"]");
  }

  @Test
  void loginPageListsTestPersonsAndSearchNarrowsThem() {
    String url = flow.authorizeUrl(app, "s", "n", LoginFlow.verifier());

    Answer all = fx.get(url);
    Answer searched = fx.get(url + "&q=" + pid.substring(0, 8));

    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body()).contains("data-pid=\"" + pid + "\"").contains("test native app");
    assertThat(searched.body()).contains("data-pid=\"" + pid + "\"");
    assertThat(fx.get(url + "&q=00000").body()).contains("Ingen testperson passer");
    assertThat(fx.get(url + "&q=00000&ui_locales=en").body()).contains("No test person matches");
  }

  @Test
  void nativeAppLogsInWithPkceAndGetsSignedTokensForThePerson() throws Exception {
    String verifier = LoginFlow.verifier();
    Answer redirect = flow.login(flow.authorizeUrl(app, "state-42", "nonce-7", verifier), pid);
    Answer tokens = flow.redeem(app, LoginFlow.param(redirect, "code"), verifier);

    assertThat(redirect.status()).isEqualTo(302);
    assertThat(LoginFlow.param(redirect, "state")).isEqualTo("state-42");
    assertThat(LoginFlow.param(redirect, "iss")).isEqualTo(fx.krrLocal().idportenIssuer());
    assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    assertThat(tokens.json().has("refresh_token")).isFalse();
    SignedJWT idToken = SignedJWT.parse(tokens.json().get("id_token").asText());
    assertThat(idToken.verify(new RSASSAVerifier(publishedKey()))).isTrue();
    JWTClaimsSet id = idToken.getJWTClaimsSet();
    assertThat(id.getIssuer()).isEqualTo(fx.krrLocal().idportenIssuer());
    assertThat(id.getAudience()).containsExactly(app.clientId());
    assertThat(id.getStringClaim("pid")).isEqualTo(pid);
    assertThat(id.getStringClaim("acr")).isEqualTo("idporten-loa-substantial");
    assertThat(id.getStringListClaim("amr")).containsExactly("TestID");
    assertThat(id.getStringClaim("nonce")).isEqualTo("nonce-7");
    assertThat(id.getSubject()).isNotEqualTo(pid).hasSize(43);
    JWTClaimsSet access = LoginFlow.claims(tokens.json().get("access_token").asText());
    assertThat(access.getStringClaim("pid")).isEqualTo(pid);
    assertThat(access.getStringClaim("client_id")).isEqualTo(app.clientId());
    assertThat(access.getStringClaim("scope")).contains("krr:user/kontaktinformasjon.read");
  }

  @Test
  void userinfoAnswersThePairwiseSubjectAndPid() {
    String token = flow.accessToken(app, pid);

    Answer info =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.krrLocal().idportenIssuer() + "/userinfo"))
                .header("Authorization", "Bearer " + token)
                .GET());

    assertThat(info.status()).isEqualTo(200);
    assertThat(info.json().get("pid").asText()).isEqualTo(pid);
    assertThat(info.json().get("sub").asText()).isEqualTo(LoginFlow.claims(token).getSubject());
  }

  @Test
  void subjectIsPairwisePerClient() {
    Client other = flow.registerNative("http://127.0.0.1/other");

    String first = LoginFlow.claims(flow.accessToken(app, pid)).getSubject();
    String again = LoginFlow.claims(flow.accessToken(app, pid)).getSubject();
    String elsewhere = LoginFlow.claims(flow.accessToken(other, pid)).getSubject();

    assertThat(again).isEqualTo(first);
    assertThat(elsewhere).isNotEqualTo(first);
  }

  @Test
  void loopbackRedirectMatchesOnAnyPort() {
    Client onPort = new Client(app.clientId(), "http://127.0.0.1:54321/callback", null);
    String verifier = LoginFlow.verifier();

    Answer redirect = flow.login(flow.authorizeUrl(onPort, "s", "n", verifier), pid);

    assertThat(redirect.response().headers().firstValue("Location").orElseThrow())
        .startsWith("http://127.0.0.1:54321/callback?code=");
    assertThat(flow.redeem(onPort, LoginFlow.param(redirect, "code"), verifier).status())
        .isEqualTo(200);
  }

  @Test
  void webClientRefreshesWithPrivateKeyJwtAndSpendsOneTimeTokens() {
    Client web = flow.registerWeb("https://app.example.no/callback", "ONETIME");
    String verifier = LoginFlow.verifier();
    Answer tokens = flow.redeemSigned(web, flow.code(web, pid, verifier), verifier);
    String refreshToken = tokens.json().get("refresh_token").asText();

    Answer refreshed = flow.refresh(web, refreshToken);
    Answer replayed = flow.refresh(web, refreshToken);

    assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    assertThat(LoginFlow.claims(refreshed.json().get("access_token").asText()).getClaim("pid"))
        .isEqualTo(pid);
    assertThat(flow.refresh(web, refreshed.json().get("refresh_token").asText()).status())
        .isEqualTo(200);
    assertThat(replayed.status()).isEqualTo(400);
    assertThat(replayed.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void accessTokenLifetimeFollowsTheClock() {
    String token = flow.accessToken(app, pid);
    JWTClaimsSet claims = LoginFlow.claims(token);

    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(IdportenService.DEFAULT_ACCESS_TOKEN_LIFETIME);
  }

  private static RSAKey publishedKey() throws Exception {
    JWKSet set = JWKSet.parse(fx.get(fx.krrLocal().idportenIssuer() + "/jwk").body());
    return (RSAKey) set.getKeys().get(0);
  }
}
