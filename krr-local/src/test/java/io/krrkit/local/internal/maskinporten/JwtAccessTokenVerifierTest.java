package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.Internals;
import io.krrkit.maskinporten.validation.MaskinportenClaims;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtAccessTokenVerifierTest {
  private static final Scope READ = Scope.KRR_KONTAKTINFORMASJON_READ;

  private static LocalFixture fx;
  private static AccessTokenVerifier verifier;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    verifier = Internals.of(fx.krrLocal()).tokenVerifier();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @AfterEach
  void resetClock() {
    fx.krrLocal().clock().setOffset(Duration.ZERO);
  }

  @Test
  void acceptsItsOwnToken() {
    TestClient client = fx.registerClient(READ);

    MaskinportenClaims token = verifier.verify("Bearer " + fx.accessToken(client));

    assertThat(token.clientId()).isEqualTo(client.clientId());
    assertThat(token.consumer()).isEqualTo(KrrLocal.DEFAULT_ORG);
    assertThat(token.supplier()).isNull();
    assertThat(token.scopes()).containsExactly(READ);
    assertThat(token.hasScope(READ)).isTrue();
  }

  @Test
  void rejectsAnExpiredToken() {
    String token = fx.accessToken(READ);

    fx.krrLocal().clock().advance(Duration.ofMinutes(3));

    assertThatThrownBy(() -> verifier.verify("Bearer " + token))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("expired")
        .hasMessageNotContaining(token);
  }

  @Test
  void rejectsATokenSignedByAnotherKey() throws Exception {
    String kid = SignedJWT.parse(fx.accessToken(READ)).getHeader().getKeyID();
    RSAKey foreign = new RSAKeyGenerator(2048).generate();

    assertThatThrownBy(() -> verifier.verify("Bearer " + forge(kid, fx.issuer(), foreign)))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("signature");
    assertThatThrownBy(() -> verifier.verify("Bearer " + forge("unknown", fx.issuer(), foreign)))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("not published");
  }

  @Test
  void rejectsMissingOrMalformedHeaders() {
    for (String header : new String[] {null, "", "Bearer", "Basic abc", "Bearer not-a-jwt"}) {
      assertThatThrownBy(() -> verifier.verify(header))
          .as(String.valueOf(header))
          .isInstanceOf(InvalidTokenException.class);
    }
  }

  @Test
  void acceptsTheBearerSchemeInAnyCase() {
    String token = fx.accessToken(READ);

    assertThat(verifier.verify("bearer " + token).scopes()).containsExactly(READ);
  }

  private static String forge(String kid, String issuer, RSAKey key) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
            new JWTClaimsSet.Builder()
                .issuer(issuer)
                .claim("client_id", "x")
                .claim(
                    "consumer", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:310000027"))
                .expirationTime(new Date(fx.krrLocal().clock().millis() + 60_000))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
