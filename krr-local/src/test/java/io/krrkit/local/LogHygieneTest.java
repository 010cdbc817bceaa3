package io.krrkit.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.idporten.LoginFlow;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.local.internal.web.http.WebVisitor;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The log of a full run — token, lookup, self-service writes, web log-in, the ID-porten flow and
 * the operator API, with a refusal of each — holds no secret, identity number, e-mail address,
 * cookie or CSRF token. ({@link LogLeakCheck} applies the same rule to every class of the module;
 * this class also proves the capture sees the refusals.)
 */
class LogHygieneTest {
  private static final String EMAIL = "kari.nordmann@example.com";
  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(20).adminApi(true));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void aFullRunWithRefusalsLogsNothingSecret() {
    int from = LogLeaks.lines().size();
    String base = fx.krrLocal().baseUrl();
    String pid = KnownPersons.ACTIVE.value();

    // Maskinporten: a token, and refusals of a garbage and a replayed grant.
    LocalFixture.TestClient krr =
        fx.client()
            .type(IntegrationType.KRR)
            .scopes(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ)
            .register();
    String grant = fx.grant(krr);
    String token = fx.token(grant).json().get("access_token").asText();
    assertThat(fx.token(grant).status()).isEqualTo(400);
    assertThat(fx.token("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.").status()).isEqualTo(400);

    // KRR: a lookup, and refusals of a bad number, of no token and of a forged token.
    assertThat(lookup(token, "[\"" + pid + "\"]").status()).isEqualTo(200);
    assertThat(lookup(token, "[\"" + pid.substring(0, 10) + "9\"]").status()).isEqualTo(400);
    assertThat(lookup(null, "[\"" + pid + "\"]").status()).isEqualTo(401);
    assertThat(lookup(token + "x", "[\"" + pid + "\"]").status()).isEqualTo(401);

    // Self-service: a write, and refusals (a bad redirect URI, an e-mail where a scope goes).
    String dcr = fx.accessToken(Scope.DCR_READ, Scope.DCR_WRITE, Scope.DCR_MODIFY);
    assertThat(
            selfService(dcr, client("[\"https://app.example.no/cb\"]", "\"" + EMAIL + "\""))
                .status())
        .isEqualTo(200);
    assertThat(selfService(dcr, client("[\"javascript:alert(1)\"]", "null")).status())
        .isEqualTo(400);
    assertThat(
            selfService(
                    dcr,
                    "{\"integration_type\":\"maskinporten\",\"client_name\":\"x\",\"scopes\":[\""
                        + EMAIL
                        + "\"]}")
                .status())
        .isEqualTo(400);
    assertThat(selfService("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "{}").status())
        .isEqualTo(401);

    // Web page: log-in, and a refused post without the CSRF token.
    WebVisitor web = WebVisitor.logIn(fx);
    String cookie = web.cookie();
    assertThat(web.get("/integrasjoner").status()).isEqualTo(200);
    assertThat(
            fx.send(
                    HttpRequest.newBuilder(URI.create(base + "/logg-ut"))
                        .header("Cookie", "krr_web=" + cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("csrf=wrong")))
                .status())
        .isEqualTo(403);

    // ID-porten: a log-in, code and tokens; refusals of a reused code and a bad identity number.
    LoginFlow flow = new LoginFlow(fx);
    LoginFlow.Client app = flow.registerNative("http://127.0.0.1/callback");
    String verifier = LoginFlow.verifier();
    String code = flow.code(app, pid, verifier);
    assertThat(flow.redeem(app, code, verifier).status()).isEqualTo(200);
    assertThat(flow.redeem(app, code, verifier).status()).isEqualTo(400);
    assertThat(flow.login(flow.authorizeUrl(app, "s", "n", verifier), "12345678901").status())
        .isEqualTo(400);

    // Operator API: a person with an e-mail address, and refusals of a bad body and a bad origin.
    String person =
        "{\"reservasjon\":\"NEI\",\"kontaktinformasjon\":{\"epostadresse\":\""
            + EMAIL
            + "\",\"epostadresse_oppdatert\":\"2024-06-10T21:00:01+02\"},\"spraak\":\"nb\"}";
    assertThat(admin("PUT", "/admin/persons/" + pid, person, null).status()).isEqualTo(200);
    assertThat(admin("GET", "/admin/persons/" + pid, null, null).status()).isEqualTo(200);
    assertThat(admin("PUT", "/admin/persons/" + pid, person.replace("NEI", EMAIL), null).status())
        .isEqualTo(400);
    assertThat(admin("PUT", "/admin/persons/" + pid, person, "https://evil.example").status())
        .isEqualTo(403);
    // An address longer than the column: refused before the store, whose error would quote it.
    String tooLong = person.replace(EMAIL, EMAIL + "m".repeat(320));
    assertThat(admin("PUT", "/admin/persons/" + pid, tooLong, null).status()).isEqualTo(400);

    List<String> logged = new ArrayList<>(LogLeaks.lines().subList(from, LogLeaks.lines().size()));
    assertThat(logged).as("the run's refusals are logged").anyMatch(l -> l.contains("refused"));
    assertThat(logged.stream().filter(l -> LogLeaks.problem(l).isPresent()))
        .as("log lines that must not be logged")
        .isEmpty();
    assertThat(String.join("\n", logged))
        .doesNotContain(token)
        .doesNotContain(cookie)
        .doesNotContain(EMAIL)
        .doesNotContain(pid);
  }

  private static Answer lookup(String token, String ids) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(fx.krrLocal().kontaktregisteretUrl() + "/rest/v2/personer"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"personidentifikatorer\":" + ids + "}"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return fx.send(request);
  }

  private static String client(String redirectUris, String description) {
    return "{\"integration_type\":\"api_klient\",\"client_name\":\"log test\",\"description\":"
        + description
        + ",\"scopes\":[\"krr:user/kontaktinformasjon.read\"],\"redirect_uris\":"
        + redirectUris
        + "}";
  }

  private static Answer selfService(String token, String body) {
    return fx.send(
        HttpRequest.newBuilder(URI.create(fx.krrLocal().selfServiceUrl() + "/api/v1/clients"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static Answer admin(String method, String path, String body, String origin) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return fx.send(request);
  }
}
