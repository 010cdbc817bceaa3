package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interoperability: an unchanged {@link MaskinportenClient} gets tokens from a third-party
 * authorization server, navikt's mock-oauth2-server, with the standard RFC 7523 jwt-bearer grant —
 * proof that the client speaks the protocol, not only our own emulator.
 */
final class MockOAuth2ServerInteropTest {
  private static final String ISSUER_ID = "maskinporten";

  private static MockOAuth2Server server;

  @BeforeAll
  static void start() {
    server = new MockOAuth2Server();
    server.start();
  }

  @AfterAll
  static void stop() {
    server.shutdown();
  }

  @Test
  void getsATokenSignedByTheThirdPartyServerWithTheAskedScope() throws Exception {
    String issuer = server.issuerUrl(ISSUER_ID).toString();
    MaskinportenClient client =
        MaskinportenClient.builder()
            .environment(MaskinportenEnvironment.custom(issuer))
            .clientId("interop-client")
            .signingKey(MaskinportenFixture.rsaKey("interop-key"))
            .build();

    AccessToken token = client.getToken(TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ));

    SignedJWT jwt = SignedJWT.parse(token.value());
    assertThat(jwt.verify(new RSASSAVerifier(serverKey(jwt.getHeader().getKeyID())))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(server.issuerUrl(ISSUER_ID).toString());
    assertThat(jwt.getJWTClaimsSet().getStringClaim("scope"))
        .isEqualTo(Scope.KRR_KONTAKTINFORMASJON_READ.value());
    assertThat(token.scopes()).containsExactly(Scope.KRR_KONTAKTINFORMASJON_READ);
  }

  @Test
  void sendsAStandardJwtBearerGrantToTheDiscoveredTokenEndpoint() throws Exception {
    MaskinportenClient client =
        MaskinportenClient.builder()
            .environment(MaskinportenEnvironment.custom(server.issuerUrl(ISSUER_ID).toString()))
            .clientId("interop-client")
            .signingKey(MaskinportenFixture.rsaKey("interop-key"))
            .build();

    client.getToken(TokenRequest.of(Scope.KRR_DIGITALPOST_READ));

    String form = tokenRequestBody();
    assertThat(form)
        .contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")
        .contains("assertion=");
    // The grant is addressed to the issuer exactly as the server names it (here: no trailing
    // slash), not to our normalised form of the configured URL.
    assertThat(SignedJWT.parse(assertion(form)).getJWTClaimsSet().getAudience())
        .containsExactly(server.issuerUrl(ISSUER_ID).toString());
  }

  @Test
  void sendsSubAsTheClientIdWhenAsked() throws Exception {
    MaskinportenClient client =
        MaskinportenClient.builder()
            .environment(MaskinportenEnvironment.custom(server.issuerUrl(ISSUER_ID).toString()))
            .clientId("interop-client")
            .signingKey(MaskinportenFixture.rsaKey("interop-key"))
            .sendSubject(true)
            .build();

    client.getToken(TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ));

    assertThat(SignedJWT.parse(assertion(tokenRequestBody())).getJWTClaimsSet().getSubject())
        .isEqualTo("interop-client");
  }

  private static String assertion(String form) {
    return java.net.URLDecoder.decode(
        form.substring(form.indexOf("assertion=") + "assertion=".length()).split("&")[0],
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The body of the next token request the server recorded, skipping metadata requests. */
  private static String tokenRequestBody() throws InterruptedException {
    for (int i = 0; i < 10; i++) {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      if (request == null) {
        break;
      }
      if ("POST".equals(request.getMethod())) {
        return request.getBody().readUtf8();
      }
    }
    throw new AssertionError("mock-oauth2-server recorded no token request");
  }

  private static RSAKey serverKey(String kid) throws Exception {
    HttpResponse<String> jwks =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.jwksUrl(ISSUER_ID).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    return JWKSet.parse(jwks.body()).getKeyByKeyId(kid).toRSAKey();
  }
}
