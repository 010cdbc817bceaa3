package io.krrkit.maskinporten.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interoperability: the validator takes tokens of a third-party authorization server, navikt's
 * mock-oauth2-server, whose issuer has no trailing slash (RFC 8414 style), configured as the server
 * names it.
 */
final class MockOAuth2ServerInteropTest {
  private static final String ISSUER_ID = "maskinporten";
  private static final Scope SCOPE = Scope.of("acme:orders.read");

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
  void validatesATokenOfAnIssuerWithoutTrailingSlash() {
    String issuer = server.issuerUrl(ISSUER_ID).toString();
    assertThat(issuer).doesNotEndWith("/");
    MaskinportenTokenValidator validator =
        MaskinportenTokenValidator.builder().issuer(issuer).requiredScope(SCOPE).build();

    MaskinportenClaims claims = validator.validate(token());

    assertThat(claims.clientId()).isEqualTo("interop-client");
    assertThat(claims.consumer()).isEqualTo(OrgNumber.of("310000027"));
    assertThat(claims.scopes()).containsExactly(SCOPE);
  }

  private static String token() {
    return server
        .issueToken(
            ISSUER_ID,
            "interop-client",
            "https://api.acme.no/",
            Map.of(
                "client_id",
                "interop-client",
                "scope",
                SCOPE.value(),
                "consumer",
                Map.of("authority", "iso6523-actorid-upis", "ID", "0192:310000027")))
        .serialize();
  }
}
