package io.krrkit.interop.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.interop.IdportenBrowser;
import io.krrkit.interop.InteropFixture;
import io.krrkit.junit.TestKeys;
import io.krrkit.selfservice.RegisteredClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Spring Security's OAuth2 login ({@code oauth2Login()}) against krr-local's ID-porten, without a
 * servlet container: the registration from {@code ClientRegistrations.fromIssuerLocation}, an
 * authorization request as Spring's default resolver builds it (state, PKCE S256, the nonce's
 * hash), the person logging in at the HTML login page, and {@code
 * OidcAuthorizationCodeAuthenticationProvider} (the part of oauth2Login that redeems the code with
 * {@code RestClientAuthorizationCodeTokenResponseClient}, validates the ID token with {@code
 * OidcIdTokenDecoderFactory} through the JWKS, checks the nonce and loads userinfo with {@code
 * OidcUserService}). With {@code client_secret_basic} and {@code private_key_jwt}; interop-tests
 * runs it on Spring Security 7, interop-spring6 on 6.5.
 */
class SpringOAuth2LoginTest {
  @RegisterExtension static final InteropFixture fixture = new InteropFixture();
  private static final String CALLBACK = "https://rp.example.no/login/oauth2/code/idporten";
  private static final String LOGGED_OUT = "https://rp.example.no/logged-out";
  private static final String PID = "20914695016";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void oauth2LoginWithClientSecretBasic() {
    RegisteredClient client =
        fixture.registerIdportenClient("client_secret_basic", CALLBACK, LOGGED_OUT, null);
    ClientRegistration registration =
        registration(client, ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    OAuth2AuthorizationRequest request = authorizationRequest(registration);

    OidcUser user =
        logIn(registration, request, new RestClientAuthorizationCodeTokenResponseClient());

    assertThat(registration.getClientAuthenticationMethod())
        .isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    assertThat(user.getIdToken().getIssuer().toString()).isEqualTo(fixture.idportenIssuer());
    assertThat(user.getIdToken().getAudience()).containsExactly(client.clientId());
    assertThat(user.getIdToken().<String>getClaim("pid")).isEqualTo(PID);
    assertThat(user.getIdToken().<String>getClaim("acr")).isEqualTo("idporten-loa-substantial");
    assertThat(user.getUserInfo()).as("userinfo loaded for the profile scope").isNotNull();
    assertThat(user.getUserInfo().getSubject()).isEqualTo(user.getIdToken().getSubject());
    assertThat(user.getName()).isEqualTo(user.getIdToken().getSubject());
  }

  @Test
  void oauth2LoginWithPrivateKeyJwt() {
    RSAKey key = TestKeys.rsa("spring-rp-" + UUID.randomUUID());
    RegisteredClient client =
        fixture.registerIdportenClient("private_key_jwt", CALLBACK, LOGGED_OUT, key);
    ClientRegistration registration =
        registration(client, ClientAuthenticationMethod.PRIVATE_KEY_JWT);
    RestClientAuthorizationCodeTokenResponseClient tokens =
        new RestClientAuthorizationCodeTokenResponseClient();
    tokens.addParametersConverter(
        new NimbusJwtClientAuthenticationParametersConverter<OAuth2AuthorizationCodeGrantRequest>(
            r -> key));

    OidcUser user = logIn(registration, authorizationRequest(registration), tokens);

    assertThat(user.getIdToken().<String>getClaim("pid")).isEqualTo(PID);
  }

  @Test
  void aNonceThatDoesNotMatchIsRefusedBySpring() {
    RegisteredClient client =
        fixture.registerIdportenClient("client_secret_basic", CALLBACK, LOGGED_OUT, null);
    ClientRegistration registration =
        registration(client, ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    OAuth2AuthorizationRequest sent = authorizationRequest(registration);
    // the session remembers another nonce than the one whose hash went to ID-porten
    OAuth2AuthorizationRequest remembered =
        OAuth2AuthorizationRequest.from(sent)
            .attributes(a -> a.put(OidcParameterNames.NONCE, "another nonce"))
            .build();
    URI redirect = new IdportenBrowser().logIn(URI.create(sent.getAuthorizationRequestUri()), PID);

    assertThatThrownBy(
            () ->
                provider(new RestClientAuthorizationCodeTokenResponseClient())
                    .authenticate(
                        new OAuth2LoginAuthenticationToken(
                            registration,
                            new OAuth2AuthorizationExchange(remembered, response(redirect)))))
        .isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessageContaining("nonce");
  }

  /** The registration a Spring Boot application gets from {@code issuer-uri} and its secret. */
  private static ClientRegistration registration(
      RegisteredClient client, ClientAuthenticationMethod method) {
    return ClientRegistrations.fromIssuerLocation(fixture.idportenIssuer())
        .registrationId("idporten")
        .clientId(client.clientId())
        .clientSecret(client.clientSecret())
        .clientAuthenticationMethod(method)
        .redirectUri(CALLBACK)
        .scope("openid", "profile")
        .build();
  }

  /** As Spring's DefaultOAuth2AuthorizationRequestResolver with PKCE builds it. */
  private static OAuth2AuthorizationRequest authorizationRequest(ClientRegistration registration) {
    String verifier = random();
    String nonce = random();
    return OAuth2AuthorizationRequest.authorizationCode()
        .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
        .clientId(registration.getClientId())
        .redirectUri(registration.getRedirectUri())
        .scopes(registration.getScopes())
        .state(random())
        .additionalParameters(
            Map.of(
                PkceParameterNames.CODE_CHALLENGE, sha256(verifier),
                PkceParameterNames.CODE_CHALLENGE_METHOD, "S256",
                OidcParameterNames.NONCE, sha256(nonce)))
        .attributes(
            Map.of(
                OAuth2ParameterNames.REGISTRATION_ID, registration.getRegistrationId(),
                PkceParameterNames.CODE_VERIFIER, verifier,
                OidcParameterNames.NONCE, nonce))
        .build();
  }

  private static OidcUser logIn(
      ClientRegistration registration,
      OAuth2AuthorizationRequest request,
      RestClientAuthorizationCodeTokenResponseClient tokens) {
    URI redirect =
        new IdportenBrowser().logIn(URI.create(request.getAuthorizationRequestUri()), PID);
    assertThat(redirect.toString()).startsWith(CALLBACK + "?");
    OAuth2LoginAuthenticationToken done =
        (OAuth2LoginAuthenticationToken)
            provider(tokens)
                .authenticate(
                    new OAuth2LoginAuthenticationToken(
                        registration,
                        new OAuth2AuthorizationExchange(request, response(redirect))));
    assertThat(done.isAuthenticated()).isTrue();
    assertThat(done.getAccessToken().getScopes()).contains("openid", "profile");
    return (OidcUser) done.getPrincipal();
  }

  private static OidcAuthorizationCodeAuthenticationProvider provider(
      RestClientAuthorizationCodeTokenResponseClient tokens) {
    return new OidcAuthorizationCodeAuthenticationProvider(tokens, new OidcUserService());
  }

  /** The redirect to the callback, as Spring's login filter reads it. */
  private static OAuth2AuthorizationResponse response(URI redirect) {
    var params = UriComponentsBuilder.fromUri(redirect).build(false).getQueryParams();
    String code = decode(params.getFirst(OAuth2ParameterNames.CODE));
    return OAuth2AuthorizationResponse.success(code)
        .redirectUri(CALLBACK)
        .state(decode(params.getFirst(OAuth2ParameterNames.STATE)))
        .build();
  }

  private static String decode(String value) {
    return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String sha256(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
