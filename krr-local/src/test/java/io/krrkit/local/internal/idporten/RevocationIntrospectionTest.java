package io.krrkit.local.internal.idporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.idporten.LoginFlow.Client;
import io.krrkit.local.internal.idporten.LoginFlow.SecretClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /revoke} (RFC 7009, Digdir's {@code oidc_protocol_revoke}) and {@code /tokeninfo} (RFC
 * 7662, {@code oidc_protocol_tokenintrospect}) over HTTP, and the code-redeem rules they rest on: a
 * code redeemed twice revokes what it gave, another client's attempt does not spend it.
 */
class RevocationIntrospectionTest {
  private static final String CALLBACK = "https://app.example.no/callback";

  static LocalFixture fx;
  static LoginFlow flow;
  static Client app;
  static Client other;
  static SecretClient resourceServer;
  static String pid;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(5);
    flow = new LoginFlow(fx);
    app = flow.registerWeb(CALLBACK, "REUSE");
    other = flow.registerWeb(CALLBACK, "REUSE");
    resourceServer = flow.registerWithSecret(CALLBACK, "client_secret_basic");
    addIntrospectionScope(resourceServer.client().clientId());
    pid = flow.listedPersons(app).get(0);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void metadataNamesBothEndpoints() {
    Answer meta = fx.get(flow.issuer() + "/.well-known/openid-configuration");

    assertThat(meta.json().get("revocation_endpoint").asText())
        .isEqualTo(flow.issuer() + "/revoke");
    assertThat(meta.json().get("introspection_endpoint").asText())
        .isEqualTo(flow.issuer() + "/tokeninfo");
    assertThat(meta.json().get("introspection_endpoint_auth_methods_supported").toString())
        .doesNotContain("none");
  }

  @Test
  void anActiveAccessTokenIsIntrospectedWithItsClaims() {
    Answer tokens = login(app);
    String accessToken = tokens.json().get("access_token").asText();

    Answer info = introspect(accessToken);

    assertThat(info.status()).as(info.body()).isEqualTo(200);
    assertThat(info.json().get("active").asBoolean()).isTrue();
    assertThat(info.json().get("client_id").asText()).isEqualTo(app.clientId());
    assertThat(info.json().get("pid").asText()).isEqualTo(pid);
    assertThat(info.json().get("scope").asText()).contains("openid");
    assertThat(info.json().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(info.json().get("exp").asLong()).isGreaterThan(info.json().get("iat").asLong());
    assertThat(info.json().get("client_orgno").asText()).hasSize(9);
    assertThat(introspect("not-a-token").json().toString()).isEqualTo("{\"active\":false}");
  }

  @Test
  void introspectionNeedsTheScopeAndClientAuthentication() {
    String accessToken = login(app).json().get("access_token").asText();
    SecretClient plain = flow.registerWithSecret(CALLBACK, "client_secret_post");
    Client publicApp = flow.registerNative("http://127.0.0.1/callback");

    Answer withoutScope =
        flow.postForm(
            flow.issuer() + "/tokeninfo",
            Map.of(
                "token",
                accessToken,
                "client_id",
                plain.client().clientId(),
                "client_secret",
                plain.secret()),
            null);
    Answer anonymous =
        flow.postForm(
            flow.issuer() + "/tokeninfo",
            Map.of("token", accessToken, "client_id", publicApp.clientId()),
            null);

    assertThat(withoutScope.status()).isEqualTo(403);
    assertThat(withoutScope.json().get("error").asText()).isEqualTo("unauthorized_client");
    assertThat(withoutScope.body()).doesNotContain(pid);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void revokingARefreshTokenEndsTheWholeGrant() {
    Answer tokens = login(app);
    String accessToken = tokens.json().get("access_token").asText();
    String refreshToken = tokens.json().get("refresh_token").asText();

    Answer revoked = revoke(app, refreshToken);

    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(introspect(accessToken).json().get("active").asBoolean()).isFalse();
    assertThat(userinfo(accessToken).status()).isEqualTo(401);
    Answer refreshed = flow.refresh(app, refreshToken);
    assertThat(refreshed.status()).isEqualTo(400);
    assertThat(refreshed.json().get("error_description").asText()).contains("revoked");
  }

  @Test
  void revokingAnAccessTokenEndsItsRefreshTokenToo() {
    Answer tokens = login(app);

    Answer revoked = revoke(app, tokens.json().get("access_token").asText());

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(flow.refresh(app, tokens.json().get("refresh_token").asText()).status())
        .isEqualTo(400);
  }

  @Test
  void anotherClientsTokenIsRefusedAndAnUnknownOneIsFine() {
    Answer tokens = login(app);
    String accessToken = tokens.json().get("access_token").asText();

    Answer foreign = revoke(other, accessToken);
    Answer unknown = revoke(other, "never-issued");

    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(introspect(accessToken).json().get("active").asBoolean()).isTrue();
    assertThat(unknown.status()).isEqualTo(200);
  }

  @Test
  void aCodeRedeemedTwiceRevokesTheTokensItGave() {
    String verifier = LoginFlow.verifier();
    String code = flow.code(app, pid, verifier);

    Answer first = flow.redeemSigned(app, code, verifier);
    Answer second = flow.redeemSigned(app, code, verifier);

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(
            introspect(first.json().get("access_token").asText()).json().get("active").asBoolean())
        .isFalse();
    assertThat(flow.refresh(app, first.json().get("refresh_token").asText()).status())
        .isEqualTo(400);
  }

  @Test
  void anotherClientPresentingTheCodeDoesNotSpendIt() {
    String verifier = LoginFlow.verifier();
    String code = flow.code(app, pid, verifier);

    Answer thief =
        flow.redeemSigned(
            new Client(other.clientId(), app.redirectUri(), other.key()), code, verifier);
    Answer wrongVerifier = flow.redeemSigned(app, code, LoginFlow.verifier());
    Answer owner = flow.redeemSigned(app, code, verifier);

    assertThat(thief.status()).isEqualTo(400);
    assertThat(thief.json().get("error_description").asText())
        .isEqualTo("the code is not known here");
    assertThat(wrongVerifier.status()).isEqualTo(400);
    assertThat(owner.status()).as(owner.body()).isEqualTo(200);
  }

  private static Answer login(Client client) {
    String verifier = LoginFlow.verifier();
    Answer tokens = flow.redeemSigned(client, flow.code(client, pid, verifier), verifier);
    assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    return tokens;
  }

  private static Answer introspect(String token) {
    return flow.postForm(
        flow.issuer() + "/tokeninfo",
        Map.of("token", token),
        LoginFlow.basic(resourceServer.client().clientId(), resourceServer.secret()));
  }

  private static Answer revoke(Client client, String token) {
    Map<String, String> form = new java.util.LinkedHashMap<>(flow.assertion(client));
    form.put("token", token);
    return flow.postForm(flow.issuer() + "/revoke", form, null);
  }

  private static Answer userinfo(String accessToken) {
    return fx.send(
        HttpRequest.newBuilder(URI.create(flow.issuer() + "/userinfo"))
            .header("Authorization", "Bearer " + accessToken));
  }

  /** Adds idporten:token.introspection to the client's scopes through self-service PUT. */
  private static void addIntrospectionScope(String clientId) {
    String token =
        fx.accessToken(
            io.krrkit.core.Scope.DCR_READ,
            io.krrkit.core.Scope.DCR_WRITE,
            io.krrkit.core.Scope.DCR_MODIFY);
    String base = fx.krrLocal().selfServiceUrl() + "/api/v1/clients/" + clientId;
    Answer current =
        fx.send(
            HttpRequest.newBuilder(URI.create(base)).header("Authorization", "Bearer " + token));
    com.fasterxml.jackson.databind.node.ObjectNode body =
        (com.fasterxml.jackson.databind.node.ObjectNode) current.json();
    body.withArray("scopes").add("idporten:token.introspection");
    Answer put =
        fx.send(
            HttpRequest.newBuilder(URI.create(base))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().get("scopes").toString()).contains("idporten:token.introspection");
    assertThat(List.of(put.json().has("client_secret"))).containsExactly(false);
  }
}
