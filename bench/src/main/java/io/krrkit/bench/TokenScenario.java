package io.krrkit.bench;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import io.krrkit.maskinporten.JwtGrant;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * POST /token with a freshly signed grant each time (a grant is single-use). Signing happens on the
 * load generator's threads, as it would in a real client.
 */
final class TokenScenario implements Scenario {
  private final HttpClient http;
  private final URI tokenUri;
  private final String issuer;
  private final String clientId;
  private final RSAKey key;

  TokenScenario(HttpClient http, String issuer, String clientId, RSAKey key) {
    this.http = http;
    this.tokenUri = URI.create(issuer + "token");
    this.issuer = issuer;
    this.clientId = clientId;
    this.key = key;
  }

  @Override
  public int call() throws Exception {
    String grant =
        JwtGrant.builder()
            .audience(issuer)
            .issuer(clientId)
            .scope(Scope.KRR_KONTAKTINFORMASJON_READ)
            .build()
            .sign(key);
    String form =
        "grant_type="
            + URLEncoder.encode(
                "urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
            + "&assertion="
            + grant;
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(tokenUri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token endpoint answered " + response.statusCode());
    }
    return 1;
  }

  @Override
  public String name() {
    return "token";
  }
}
