package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.TestCertificates;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.certificate.EnterpriseCertificateRequest;
import io.krrkit.local.internal.certificate.IssuedCertificate;
import io.krrkit.local.internal.certificate.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grants signed with an enterprise certificate ({@code x5c}) over HTTP: the emulator's test CA and
 * a trust anchor given at start are accepted, every kind of bad chain gets its documented error,
 * and a refused grant does not spend its {@code jti}.
 */
class CertificateGrantTest {
  private static final Scope READ = Scope.KRR_KONTAKTINFORMASJON_READ;
  private static final OrgNumber OTHER_ORG = OrgNumber.of("991825827");
  private static final String MP_120 =
      "Invalid assertion. Client authentication failed. The JWT is signed with an invalid"
          + " certificate., ";

  @TempDir static Path dir;
  private static LocalFixture fx;
  private static TestCertificates.Ca partner;
  private static TestClient client;
  private static IssuedCertificate certificate;

  @BeforeAll
  static void start() throws Exception {
    partner = TestCertificates.ca("Partner test CA");
    Path anchor = dir.resolve("partner-ca.pem");
    Files.writeString(anchor, Pem.encode(partner.certificate()));
    fx =
        LocalFixture.start(
            KrrLocal.builder().port(0).ephemeral().seedPersons(0).trustAnchors(anchor));
    client = fx.client().scopes(READ).withoutKey().register();
    certificate = issueByEmulator(client.org());
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void issuesVirksomhetssertifikatTokenForCertificateOfTheTestCa() throws Exception {
    Answer answer = fx.token(grant(certificate));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JWTClaimsSet token =
        SignedJWT.parse(answer.json().get("access_token").asText()).getJWTClaimsSet();
    assertThat(token.getStringClaim("client_amr")).isEqualTo("virksomhetssertifikat");
    assertThat(token.getStringClaim("client_id")).isEqualTo(client.clientId());
    assertThat(token.getJSONObjectClaim("consumer").get("ID"))
        .isEqualTo("0192:" + client.org().value());
  }

  @Test
  void acceptsTheCertificateWithoutItsRoot() {
    Answer answer =
        fx.token(
            fx.sign(
                TestCertificates.header(List.of(certificate.certificate())),
                fx.claims(client),
                TestCertificates.key(certificate)));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void acceptsCertificateUnderTrustAnchorGivenAtStart() {
    Instant now = now();
    IssuedCertificate partnerIssued =
        partner.issue(client.org(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));

    Answer answer = fx.token(grant(partnerIssued));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void rejectsExpiredCertificate() {
    Instant now = now();
    IssuedCertificate expired =
        partner.issue(client.org(), now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(1)));

    assertError(fx.token(grant(expired)), "MP-120", MP_120 + "the certificate expired at");
  }

  @Test
  void rejectsCertificateExpiredByTheEmulatorClock() {
    try {
      fx.krrLocal().clock().advance(Duration.ofDays(2 * 365 + 1));

      assertError(fx.token(grant(certificate)), "MP-120", MP_120 + "the certificate expired at");
    } finally {
      fx.krrLocal().clock().setOffset(Duration.ZERO);
    }
  }

  @Test
  void rejectsCertificateNotYetValid() {
    Instant now = now();
    IssuedCertificate future =
        partner.issue(client.org(), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));

    assertError(fx.token(grant(future)), "MP-120", MP_120 + "the certificate is not valid before");
  }

  @Test
  void rejectsSelfSignedCertificate() {
    Instant now = now();
    IssuedCertificate selfSigned =
        TestCertificates.selfSigned(
            client.org(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));

    assertError(fx.token(grant(selfSigned)), "MP-120", MP_120 + "the certificate is self-signed");
  }

  @Test
  void rejectsCertificateFromAnotherCa() {
    Instant now = now();
    IssuedCertificate foreign =
        TestCertificates.ca("Stranger CA")
            .issue(client.org(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));

    assertError(
        fx.token(grant(foreign)),
        "MP-120",
        MP_120 + "the certificate is not issued by a trusted CA (issuer CN=Stranger CA)");
  }

  @Test
  void rejectsChainOutOfOrder() {
    List<java.security.cert.X509Certificate> reversed =
        List.of(certificate.chain().get(1), certificate.chain().get(0));
    String grant =
        fx.sign(
            TestCertificates.header(reversed),
            fx.claims(client),
            TestCertificates.key(certificate));

    assertError(fx.token(grant), "MP-120", MP_120 + "the chain is out of order");
  }

  @Test
  void rejectsCertificateOfAnotherOrganisation() {
    IssuedCertificate others = issueByEmulator(OTHER_ORG);

    assertError(
        fx.token(grant(others)),
        "MP-122",
        "Invalid JWT. Invalid organization number for client. Does not match certificate orgno,"
            + " the certificate is issued to 991825827 but the client belongs to 310000027");
  }

  @Test
  void rejectsGrantNotSignedWithTheCertificatesKey() {
    String grant =
        fx.sign(
            TestCertificates.header(certificate.chain()),
            fx.claims(client),
            TestCertificates.strangerKey());

    assertError(fx.token(grant), "MP-124", "Invalid JWT signature");
  }

  @Test
  void clientWithRegisteredKeysMustUseKid() {
    TestClient keyed = fx.client().scopes(READ).register();

    assertError(
        fx.token(
            fx.sign(
                TestCertificates.header(certificate.chain()),
                fx.claims(keyed),
                TestCertificates.key(certificate))),
        "MP-123",
        "Invalid JWT. The client requires pre-registered jwk and no key identifier (kid) provided");
  }

  @Test
  void rejectedCertificateGrantDoesNotSpendItsJti() {
    String jti = UUID.randomUUID().toString();
    Instant now = now();
    IssuedCertificate expired =
        partner.issue(client.org(), now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(1)));

    Answer refused = fx.token(grant(expired, jti));
    Answer accepted = fx.token(grant(certificate, jti));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
  }

  @Test
  void rejectsEmptyX5c() throws Exception {
    // Nimbus leaves an empty x5c out of the header, so this one is written by hand.
    String input =
        Base64URL.encode("{\"alg\":\"RS256\",\"x5c\":[]}")
            + "."
            + Base64URL.encode(fx.claims(client).build().toString());
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(certificate.privateKey());
    rsa.update(input.getBytes(StandardCharsets.US_ASCII));

    assertError(
        fx.token(input + "." + Base64URL.encode(rsa.sign())),
        "MP-123",
        "Invalid JWT header x5c, x5c must be a non-empty array");
  }

  @Test
  void refusesTrustAnchorFileWithoutCertificateAtBuild() throws Exception {
    Path notPem = Files.writeString(dir.resolve("not-a-ca.pem"), "no certificate here");

    assertThatThrownBy(() -> KrrLocal.builder().trustAnchors(notPem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(notPem.toString());
  }

  private static IssuedCertificate issueByEmulator(OrgNumber org) {
    return Internals.of(fx.krrLocal())
        .certificates()
        .issue(new EnterpriseCertificateRequest(org, null));
  }

  private static Instant now() {
    return fx.krrLocal().clock().instant();
  }

  private static String grant(IssuedCertificate issued) {
    return grant(issued, UUID.randomUUID().toString());
  }

  private static String grant(IssuedCertificate issued, String jti) {
    JWSHeader.Builder header = TestCertificates.header(issued.chain());
    RSAKey key = TestCertificates.key(issued);
    return fx.sign(header, fx.claims(client).jwtID(jti), key);
  }

  private static void assertError(Answer answer, String code, String descriptionStart) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(answer.json().get("error_uri").asText()).isEqualTo(fx.issuer() + "errors/" + code);
    assertThat(answer.json().get("error_description").asText()).startsWith(descriptionStart);
  }
}
