package io.krrkit.maskinporten.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.maskinporten.validation.TokenRejectedException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class MaskinportenTokenValidatorTest {
  private static final Scope READ = Scope.of("acme:orders.read");

  private final ValidatorFixture fx = new ValidatorFixture();

  @Test
  void acceptsAValidTokenAndReturnsItsClaims() {
    String token =
        fx.sign(
            fx.claims("acme:orders.read acme:orders.write")
                .claim(
                    "supplier", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:991825827"))
                .claim("delegation_source", "https://www.altinn.no/")
                .claim("pid", "01010012345")
                .claim("client_onbehalfof", "kunde-1")
                .audience("https://api.acme.no/orders"));

    MaskinportenClaims claims =
        fx.validator()
            .requiredScope(READ)
            .audience("https://api.acme.no/orders")
            .build()
            .validate(token);

    assertThat(claims.clientId()).isEqualTo("2f9a3b1e-client");
    assertThat(claims.clientAmr()).isEqualTo("private_key_jwt");
    assertThat(claims.consumer()).isEqualTo(OrgNumber.of("310000027"));
    assertThat(claims.supplier()).isEqualTo(OrgNumber.of("991825827"));
    assertThat(claims.scopes()).containsExactlyInAnyOrder(READ, Scope.of("acme:orders.write"));
    assertThat(claims.expiresAt()).isEqualTo(ValidatorFixture.NOW.plusSeconds(120));
    assertThat(claims.issuedAt()).isEqualTo(ValidatorFixture.NOW);
    assertThat(claims.delegationSource()).isEqualTo("https://www.altinn.no/");
    assertThat(claims.clientOnBehalfOf()).isEqualTo("kunde-1");
    assertThat(claims.pid()).isEqualTo("01010012345");
    assertThat(claims.toString()).doesNotContain("01010012345");
  }

  @Test
  void acceptsATokenWithinTheSkewAfterExpiryAndRejectsItAfter() {
    String token = fx.sign(fx.claims("acme:orders.read"));
    MaskinportenTokenValidator validator = fx.validator().build();

    fx.clock.advance(Duration.ofSeconds(124));
    assertThat(validator.validate(token).clientId()).isEqualTo("2f9a3b1e-client");

    fx.clock.advance(Duration.ofSeconds(2));
    rejected(() -> validator.validate(token), Reason.EXPIRED, token)
        .hasMessageContaining("expired");
  }

  @Test
  void rejectsAlgNoneAndHs256SignedWithThePublicKey() throws Exception {
    String none =
        new PlainJWT(new PlainHeader(), fx.claims("acme:orders.read").build()).serialize();
    SignedJWT hs256 =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(fx.key.getKeyID()).build(),
            fx.claims("acme:orders.read").build());
    hs256.sign(new MACSigner(fx.key.toPublicJWK().toRSAPublicKey().getEncoded()));
    MaskinportenTokenValidator validator = fx.validator().build();

    rejected(() -> validator.validate(none), Reason.MALFORMED, none);
    rejected(() -> validator.validate(hs256.serialize()), Reason.UNSUPPORTED_ALGORITHM, "");
  }

  @Test
  void rejectsAForgedSignatureAndAnUnknownKey() {
    String forged =
        ValidatorFixture.sign(
            fx.claims("acme:orders.read"), ValidatorFixture.newKey(fx.key.getKeyID()));
    String unknown =
        ValidatorFixture.sign(fx.claims("acme:orders.read"), ValidatorFixture.newKey("other"));
    MaskinportenTokenValidator validator = fx.validator().build();

    rejected(() -> validator.validate(forged), Reason.BAD_SIGNATURE, forged)
        .hasMessageContaining("signature");
    rejected(() -> validator.validate(unknown), Reason.UNKNOWN_KEY, unknown)
        .hasMessageContaining("not published");
  }

  @Test
  void rejectsAnotherIssuerAMissingScopeAndAWrongAudience() {
    String otherIssuer = fx.sign(fx.claims("acme:orders.read").issuer("https://maskinporten.no/"));
    String writeOnly = fx.sign(fx.claims("acme:orders.write"));
    String forOtherApi = fx.sign(fx.claims("acme:orders.read").audience("https://other.no"));

    rejected(() -> fx.validator().build().validate(otherIssuer), Reason.WRONG_ISSUER, otherIssuer);
    rejected(
            () -> fx.validator().requiredScope(READ).build().validate(writeOnly),
            Reason.MISSING_SCOPE,
            writeOnly)
        .hasMessageContaining("acme:orders.read");
    rejected(
        () -> fx.validator().audience("https://api.acme.no").build().validate(forOtherApi),
        Reason.WRONG_AUDIENCE,
        forOtherApi);
  }

  @Test
  void rejectsMissingOrMalformedClaims() {
    String noConsumer = fx.sign(fx.claims("acme:orders.read").claim("consumer", null));
    String noClientId = fx.sign(fx.claims("acme:orders.read").claim("client_id", null));
    String badConsumer =
        fx.sign(fx.claims("acme:orders.read").claim("consumer", Map.of("ID", "0192:123")));
    String noExp = fx.sign(fx.claims("acme:orders.read").expirationTime(null));
    MaskinportenTokenValidator validator = fx.validator().build();

    rejected(() -> validator.validate(noConsumer), Reason.MISSING_CLAIM, noConsumer);
    rejected(() -> validator.validate(noClientId), Reason.MISSING_CLAIM, noClientId);
    rejected(() -> validator.validate(badConsumer), Reason.MALFORMED, badConsumer);
    rejected(() -> validator.validate(noExp), Reason.MISSING_CLAIM, noExp);
  }

  @Test
  void readsAuthorizationDetailsAndRejectsMalformedOnes() {
    Map<String, Object> consent = new java.util.LinkedHashMap<>();
    consent.put("type", "urn:altinn:consent");
    consent.put("id", "c-1");
    consent.put("valid_to", null);
    String withDetails =
        fx.sign(fx.claims("acme:orders.read").claim("authorization_details", List.of(consent)));
    String notAnArray =
        fx.sign(fx.claims("acme:orders.read").claim("authorization_details", "urn:altinn:consent"));
    String noType =
        fx.sign(
            fx.claims("acme:orders.read")
                .claim("authorization_details", List.of(Map.of("id", "c-1"))));
    MaskinportenTokenValidator validator = fx.validator().build();

    MaskinportenClaims claims = validator.validate(withDetails);
    assertThat(claims.authorizationDetails("urn:altinn:consent"))
        .singleElement()
        .satisfies(d -> assertThat(d).containsEntry("id", "c-1").containsKey("valid_to"));
    assertThat(validator.validate(fx.sign(fx.claims("acme:orders.read"))).authorizationDetails())
        .isEmpty();
    rejected(() -> validator.validate(notAnArray), Reason.MALFORMED, notAnArray);
    rejected(() -> validator.validate(noType), Reason.MALFORMED, noType);
  }

  @Test
  void rejectsGarbageEmptyAndOversizedTokens() {
    MaskinportenTokenValidator validator = fx.validator().build();
    String huge = fx.sign(fx.claims("acme:orders.read").claim("padding", "x".repeat(20_000)));

    for (String token : new String[] {null, "", "  ", "abc", "a.b.c"}) {
      rejected(() -> validator.validate(token), Reason.MALFORMED, "");
    }
    rejected(() -> validator.validate(huge), Reason.MALFORMED, huge);
  }

  @Test
  void refusesToBuildWithoutAnIssuer() {
    assertThatThrownBy(() -> MaskinportenTokenValidator.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("issuer");
    assertThat(
            MaskinportenTokenValidator.builder()
                .environment(MaskinportenTokenValidator.Environment.PRODUCTION)
                .build()
                .issuer())
        .isEqualTo("https://maskinporten.no/");
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> rejected(
      ThrowingCallable call, Reason reason, String token) {
    var assertion =
        assertThatThrownBy(call)
            .isInstanceOfSatisfying(
                TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    if (token != null && !token.isBlank()) {
      assertion.hasMessageNotContaining(token);
    }
    return assertion;
  }
}
