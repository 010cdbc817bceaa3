package io.krrkit.interop.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.krrkit.core.Scope;
import io.krrkit.interop.InteropFixture;
import io.krrkit.junit.TestClient;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.JwtBearerOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Spring Security, unchanged but for the issuer URL, against krr-local's Maskinporten: {@code
 * ClientRegistrations.fromIssuerLocation} reads its metadata, {@code
 * JwtBearerOAuth2AuthorizedClientProvider} trades a self-signed grant (RFC 7523 §2.1, as
 * Maskinporten takes it) for a token and parses Maskinporten's errors, and a resource server's
 * {@code NimbusJwtDecoder.withIssuerLocation} verifies the token. interop-tests runs this on Spring
 * Security 7, interop-spring6 on 6.5.
 */
class SpringSecurityTest {
  @RegisterExtension static final InteropFixture fixture = new InteropFixture();
  private static final String READ = Scope.KRR_KONTAKTINFORMASJON_READ.value();

  /** The registration a Spring application writes for Maskinporten: JWT bearer, no client auth. */
  private static ClientRegistration registration(String scope) {
    return ClientRegistration.withRegistrationId("maskinporten")
        .clientId("unused: Maskinporten reads the client from the grant's iss")
        .authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .tokenUri(fixture.tokenEndpoint())
        .scope(scope)
        .build();
  }

  /** The client's own grant, signed with its registered key, as the assertion Spring sends. */
  private static Jwt grant(TestClient client, String scope) {
    NimbusJwtEncoder encoder =
        new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(client.key())));
    Instant now = Instant.now();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(client.clientId())
            .audience(java.util.List.of(fixture.maskinportenIssuer()))
            .claim("scope", scope)
            .issuedAt(now)
            .expiresAt(now.plusSeconds(60))
            .id(UUID.randomUUID().toString())
            .build();
    JwsHeader header =
        JwsHeader.with(SignatureAlgorithm.RS256).keyId(client.key().getKeyID()).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims));
  }

  private static OAuth2AuthorizedClient authorize(TestClient client, String scope) {
    JwtBearerOAuth2AuthorizedClientProvider provider =
        new JwtBearerOAuth2AuthorizedClientProvider();
    provider.setJwtAssertionResolver(context -> grant(client, scope));
    return provider.authorize(
        OAuth2AuthorizationContext.withClientRegistration(registration(scope))
            .principal(new TestingAuthenticationToken("batch-job", null))
            .build());
  }

  @Test
  void jwtBearerProviderGetsTokenTheEmulatorVerifies() {
    TestClient client = fixture.registerKrrClient();

    OAuth2AuthorizedClient authorized = authorize(client, READ);

    assertThat(authorized.getAccessToken().getScopes()).containsExactly(READ);
    assertThat(
            fixture
                .krr()
                .controls()
                .verifyAccessToken("Bearer " + authorized.getAccessToken().getTokenValue())
                .clientId())
        .isEqualTo(client.clientId());
  }

  @Test
  void jwtBearerProviderParsesMaskinportensError() {
    TestClient client = fixture.registerKrrClient();

    assertThatThrownBy(() -> authorize(client, "krr:global/hentendring.read"))
        .isInstanceOfSatisfying(
            OAuth2AuthorizationException.class,
            e -> {
              assertThat(e.getError().getErrorCode()).isEqualTo("invalid_scope");
              assertThat(e.getError().getUri())
                  .startsWith(fixture.maskinportenIssuer() + "errors/MP-");
            });
  }

  @Test
  void clientRegistrationsReadsTheMetadata() {
    ClientRegistration registration =
        ClientRegistrations.fromIssuerLocation(fixture.maskinportenIssuer())
            .registrationId("maskinporten")
            .clientId("c")
            .authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
            .build();

    assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(fixture.tokenEndpoint());
    assertThat(registration.getProviderDetails().getJwkSetUri())
        .isEqualTo(fixture.maskinportenIssuer() + "jwk");
    assertThat(registration.getProviderDetails().getIssuerUri())
        .isEqualTo(fixture.maskinportenIssuer());
  }

  @Test
  void resourceServerDecoderFromIssuerLocationVerifiesTheToken() {
    TestClient client = fixture.registerKrrClient();
    String token = authorize(client, READ).getAccessToken().getTokenValue();

    Jwt jwt =
        NimbusJwtDecoder.withIssuerLocation(fixture.maskinportenIssuer()).build().decode(token);

    assertThat(jwt.getIssuer().toString()).isEqualTo(fixture.maskinportenIssuer());
    assertThat(jwt.getClaimAsString("client_id")).isEqualTo(client.clientId());
    assertThat(jwt.getClaimAsString("scope")).isEqualTo(READ);
  }

  @Test
  void resourceServerDecoderRefusesATamperedToken() {
    TestClient client = fixture.registerKrrClient();
    String token = authorize(client, READ).getAccessToken().getTokenValue();
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withIssuerLocation(fixture.maskinportenIssuer()).build();

    assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(JwtException.class);
  }
}
