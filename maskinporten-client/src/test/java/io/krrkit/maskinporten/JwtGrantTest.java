package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtGrantTest {
  private static final String ISSUER = "https://test.maskinporten.no/";
  private static final String CLIENT_ID = "0b7f8e3c-5d55-4d1e-9c43-6a1d3c0c6a11";
  private static final RSAKey KEY = MaskinportenFixture.rsaKey("grant-test-key");
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00.750Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static JwtGrant.Builder grant() {
    return JwtGrant.builder()
        .audience(ISSUER)
        .issuer(CLIENT_ID)
        .scope(Scope.KRR_KONTAKTINFORMASJON_READ)
        .scope(Scope.KRR_DIGITALPOST_READ)
        .clock(CLOCK);
  }

  private static JWTClaimsSet claimsOf(String assertion) throws Exception {
    return SignedJWT.parse(assertion).getJWTClaimsSet();
  }

  @Test
  void carriesTheDocumentedClaims() throws Exception {
    JWTClaimsSet claims = claimsOf(grant().sign(KEY));

    assertThat(claims.getAudience()).containsExactly(ISSUER);
    assertThat(claims.getIssuer()).isEqualTo(CLIENT_ID);
    assertThat(claims.getIssueTime()).isEqualTo(Date.from(Instant.parse("2025-03-01T10:00:00Z")));
    assertThat(claims.getExpirationTime())
        .isEqualTo(Date.from(Instant.parse("2025-03-01T10:02:00Z")));
    assertThat(UUID.fromString(claims.getJWTID())).isNotNull();
    assertThat(claims.getStringClaim("scope"))
        .isEqualTo("krr:global/kontaktinformasjon.read krr:global/digitalpost.read");
    assertThat(claims.getClaims())
        .doesNotContainKeys("resource", "pid", "consumer_org", "iss_onbehalfof", "nbf", "sub");
  }

  @Test
  void carriesSubOnlyWhenAsked() throws Exception {
    JwtGrant grant = grant().subject(CLIENT_ID).build();

    assertThat(grant.subject()).isEqualTo(CLIENT_ID);
    assertThat(claimsOf(grant.sign(KEY)).getSubject()).isEqualTo(CLIENT_ID);
    assertThat(grant().build().subject()).isNull();
  }

  @Test
  void sendsAudAsAPlainString() throws Exception {
    Object aud = SignedJWT.parse(grant().sign(KEY)).getPayload().toJSONObject().get("aud");

    assertThat(aud).isEqualTo(ISSUER);
  }

  @Test
  void putsKidAndAlgInTheHeaderWithoutTyp() throws Exception {
    SignedJWT jwt = SignedJWT.parse(grant().sign(KEY));

    assertThat(jwt.getHeader().getKeyID()).isEqualTo("grant-test-key");
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.getHeader().getType()).isNull();
    assertThat(jwt.getHeader().getX509CertChain()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "RS384", "RS512"})
  void signsSoThePublicKeyVerifies(String algorithm) throws Exception {
    JWSAlgorithm alg = JWSAlgorithm.parse(algorithm);
    SignedJWT jwt = SignedJWT.parse(grant().build().sign(KEY, alg));

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(alg);
    assertThat(jwt.verify(new RSASSAVerifier(KEY.toPublicJWK()))).isTrue();
    assertThat(jwt.verify(new RSASSAVerifier(MaskinportenFixture.rsaKey("other").toPublicJWK())))
        .isFalse();
  }

  @Test
  void usesTheKeysOwnAlgorithm() throws Exception {
    RSAKey rs512 = new RSAKey.Builder(KEY).algorithm(JWSAlgorithm.RS512).build();

    assertThat(SignedJWT.parse(grant().sign(rs512)).getHeader().getAlgorithm())
        .isEqualTo(JWSAlgorithm.RS512);
  }

  @Test
  void issuesAFreshJtiForEveryGrant() {
    JwtGrant.Builder builder = grant();

    assertThat(builder.build().jwtId()).isNotEqualTo(builder.build().jwtId());
  }

  @Test
  void carriesResourcePidAndConsumerOrg() throws Exception {
    JWTClaimsSet claims =
        claimsOf(
            grant()
                .resource("https://api.example.no/a")
                .resource("https://api.example.no/b")
                .pid(Personidentifikator.of("20914695016"))
                .consumerOrg(OrgNumber.of("310000027"))
                .sign(KEY));

    assertThat(claims.getStringListClaim("resource"))
        .containsExactly("https://api.example.no/a", "https://api.example.no/b");
    assertThat(claims.getStringClaim("pid")).isEqualTo("20914695016");
    assertThat(claims.getStringClaim("consumer_org")).isEqualTo("310000027");
  }

  @Test
  void carriesIssOnBehalfOf() throws Exception {
    JWTClaimsSet claims = claimsOf(grant().issOnBehalfOf("kommune-x").sign(KEY));

    assertThat(claims.getStringClaim("iss_onbehalfof")).isEqualTo("kommune-x");
  }

  @Test
  void refusesConsumerOrgTogetherWithIssOnBehalfOf() {
    JwtGrant.Builder both =
        grant().consumerOrg(OrgNumber.of("310000027")).issOnBehalfOf("kommune-x");

    assertThatThrownBy(both::build)
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("consumer_org and iss_onbehalfof are mutually exclusive");
  }

  @Test
  void acceptsTheLongestLifetimeMaskinportenAllows() {
    JwtGrant g = grant().lifetime(Duration.ofSeconds(120)).build();

    assertThat(g.lifetime()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void honoursAShorterLifetime() throws Exception {
    JWTClaimsSet claims = claimsOf(grant().lifetime(Duration.ofSeconds(30)).sign(KEY));

    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(30_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT121S", "PT120.5S", "PT0S", "PT0.5S", "-PT10S"})
  void refusesLifetimesMaskinportenRejects(String lifetime) {
    JwtGrant.Builder builder = grant().lifetime(Duration.parse(lifetime));

    assertThatThrownBy(builder::build)
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("grant lifetime (exp - iat) must be 1..120 s")
        .hasMessageContaining("MP-130");
  }

  @Test
  void requiresAScope() {
    JwtGrant.Builder noScope = JwtGrant.builder().audience(ISSUER).issuer(CLIENT_ID);

    assertThatThrownBy(noScope::build)
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("at least one scope");
  }

  @Test
  void requiresAudienceAndIssuer() {
    JwtGrant.Builder noAudience = JwtGrant.builder().issuer(CLIENT_ID).scope(Scope.DCR_READ);
    JwtGrant.Builder noIssuer = JwtGrant.builder().audience(ISSUER).scope(Scope.DCR_READ);

    assertThatThrownBy(noAudience::build).hasMessageContaining("aud (audience) is required");
    assertThatThrownBy(noIssuer::build).hasMessageContaining("iss (issuer) is required");
  }

  @Test
  void refusesAKeyWithoutKid() {
    RSAKey noKid = new RSAKey.Builder(KEY).keyID(null).build();

    assertThatThrownBy(() -> grant().sign(noKid))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("no kid");
  }

  @Test
  void refusesAPublicKey() {
    assertThatThrownBy(() -> grant().sign(KEY.toPublicJWK()))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("public key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"HS256", "PS256", "none"})
  void refusesAlgorithmsMaskinportenRejects(String algorithm) {
    JwtGrant g = grant().build();

    assertThatThrownBy(() -> g.sign(KEY, JWSAlgorithm.parse(algorithm)))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("RS256, RS384 or RS512");
  }
}
