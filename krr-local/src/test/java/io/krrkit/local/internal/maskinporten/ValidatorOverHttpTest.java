package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.Internals;
import io.krrkit.maskinporten.validation.MaskinportenClaims;
import io.krrkit.maskinporten.validation.MaskinportenTokenValidator;
import io.krrkit.maskinporten.validation.TokenRejectedException;
import io.krrkit.maskinporten.validation.TokenRejectedException.Reason;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API owners' validator against the emulator over HTTP (metadata, {@code jwks_uri}), with the
 * emulator signing with RSA-4096 as the real Maskinporten does ({@code --signing-key-size 4096}).
 */
class ValidatorOverHttpTest {
  private static final Scope READ = Scope.KRR_KONTAKTINFORMASJON_READ;
  private static final Scope OTHER = Scope.of("test:other");

  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx =
        LocalFixture.start(
            KrrLocal.builder().port(0).ephemeral().seedPersons(0).signingKeySize(4096));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void a4096BitKeyIsPublishedAndItsTokensVerify() throws Exception {
    String token = fx.accessToken(READ);

    RSAKey key =
        (RSAKey)
            JWKSet.parse(fx.get(fx.issuer() + "jwk").body())
                .getKeyByKeyId(SignedJWT.parse(token).getHeader().getKeyID());

    assertThat(key.size()).isEqualTo(4096);
    assertThat(validator().requiredScope(READ).build().validate(token).scopes())
        .containsExactly(READ);
    assertThat(Internals.of(fx.krrLocal()).tokenVerifier().verify("Bearer " + token).scopes())
        .containsExactly(READ);
  }

  @Test
  void returnsTheTypedClaims() throws Exception {
    TestClient client = fx.registerClient(READ, OTHER);
    String token = fx.accessToken(client);

    MaskinportenClaims claims = validator().requiredScope(READ).build().validate(token);

    var raw = SignedJWT.parse(token).getJWTClaimsSet();
    assertThat(claims.clientId()).isEqualTo(client.clientId());
    assertThat(claims.clientAmr()).isEqualTo("private_key_jwt");
    assertThat(claims.consumer()).isEqualTo(client.org());
    assertThat(claims.supplier()).isNull();
    assertThat(claims.scopes()).containsExactlyInAnyOrder(READ, OTHER);
    assertThat(claims.jti()).isEqualTo(raw.getJWTID());
    assertThat(claims.issuedAt()).isEqualTo(raw.getIssueTime().toInstant());
    assertThat(claims.expiresAt()).isEqualTo(claims.issuedAt().plusSeconds(120));
    assertThat(claims.audience()).isEmpty();
    assertThat(claims.pid()).isNull();
  }

  @Test
  void rejectsATokenWithoutARequiredScope() {
    String token = fx.accessToken(OTHER);

    assertThatThrownBy(() -> validator().requiredScope(READ).build().validate(token))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_SCOPE))
        .hasMessageContaining(READ.value())
        .hasMessageNotContaining(token);
  }

  @Test
  void checksTheAudienceOfAnAudienceRestrictedToken() {
    TestClient client = fx.registerClient(READ);
    String api = "https://api.example.no/orders";
    String token =
        fx.token(
                fx.sign(
                    fx.header(client),
                    fx.claims(client).claim("resource", List.of(api)),
                    client.privateKey()))
            .json()
            .get("access_token")
            .asText();

    assertThat(validator().audience(api).build().validate(token).audience()).containsExactly(api);
    assertThatThrownBy(
            () -> validator().audience("https://other.example.no").build().validate(token))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_AUDIENCE));
    String unrestricted = fx.accessToken(client);
    assertThatThrownBy(() -> validator().audience(api).build().validate(unrestricted))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_AUDIENCE));
  }

  @Test
  void rejectsTheTokenOfAnotherIssuer() {
    String token = fx.accessToken(READ);
    MaskinportenTokenValidator test =
        MaskinportenTokenValidator.builder()
            .environment(MaskinportenTokenValidator.Environment.TEST)
            .keySource((selector, context) -> selector.select(jwks()))
            .build();

    assertThatThrownBy(() -> test.validate(token))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_ISSUER));
  }

  private static JWKSet jwks() {
    try {
      return JWKSet.parse(fx.get(fx.issuer() + "jwk").body());
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static MaskinportenTokenValidator.Builder validator() {
    return MaskinportenTokenValidator.builder().issuer(fx.issuer()).clock(fx.krrLocal().clock());
  }
}
