package io.krrkit.local.internal.idporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.client.RegisteredClient;
import io.krrkit.local.internal.idporten.LoginFlow.Client;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ID-porten never sends a browser to a {@code javascript:} or {@code data:} redirect URI, even one
 * stored on a client before the registration rule existed: the authorize request gets the error
 * page, with no redirect, also when the request is wrong in a way that would otherwise redirect.
 */
class AuthorizeRedirectSchemeTest {
  private static LocalFixture fx;
  private static LoginFlow flow;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(20);
    flow = new LoginFlow(fx);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(document.domain)//",
        "data:text/html,hi",
        "vbscript:x",
        "file:///x"
      })
  void answersTheErrorPageNotARedirect(String dangerous) {
    Client app = flow.registerNative("http://127.0.0.1/callback");
    storeRedirectUri(app.clientId(), dangerous);
    Client bad = new Client(app.clientId(), dangerous, null);

    Answer page = fx.get(flow.authorizeUrl(bad, "s", "n", LoginFlow.verifier()));
    Answer wouldRedirect = fx.get(flow.authorizeUrl(bad, "s", "n", null)); // PKCE missing
    Answer login = flow.login(flow.authorizeUrl(bad, "s", "n", LoginFlow.verifier()), "x");

    for (Answer answer : List.of(page, wouldRedirect, login)) {
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.response().headers().firstValue("Location")).isEmpty();
      assertThat(answer.body()).contains("Cannot log in").contains("redirect_uri");
    }
  }

  /** Puts {@code uri} on the client as an old store might hold it, past today's registration. */
  private static void storeRedirectUri(String clientId, String uri) {
    RegisteredClient c = Internals.of(fx.krrLocal()).clients().findById(clientId).orElseThrow();
    Internals.of(fx.krrLocal())
        .clients()
        .save(
            new RegisteredClient(
                c.clientId(),
                c.orgNumber(),
                c.supplierOrgNumber(),
                c.integrationType(),
                c.clientName(),
                c.description(),
                c.clientUri(),
                c.applicationType(),
                c.tokenEndpointAuthMethod(),
                c.grantTypes(),
                c.scopes(),
                List.of(uri),
                c.postLogoutRedirectUris(),
                c.accessTokenLifetime(),
                c.authorizationLifetime(),
                c.refreshTokenLifetime(),
                c.refreshTokenUsage(),
                c.ssoDisabled(),
                c.codeChallengeMethod(),
                c.active(),
                c.created(),
                c.lastUpdated()));
  }
}
