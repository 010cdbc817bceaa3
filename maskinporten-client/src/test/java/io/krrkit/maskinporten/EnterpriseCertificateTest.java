package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.certificate.EnterpriseCertificateRequest;
import io.krrkit.local.internal.certificate.IssuedCertificate;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grants signed with an enterprise certificate from a PKCS#12 or JKS keystore, against krr-local:
 * the chain goes in {@code x5c}, the token says {@code client_amr: virksomhetssertifikat}, and
 * every keystore mistake is a {@link MaskinportenConfigException} saying what to fix.
 */
class EnterpriseCertificateTest {
  @RegisterExtension static final MaskinportenFixture fixture = new MaskinportenFixture();
  private static final char[] PASSWORD = "keystore-password".toCharArray();
  private static final String ALIAS = IssuedCertificate.ALIAS;
  private static final Scope READ = Scope.KRR_KONTAKTINFORMASJON_READ;

  @TempDir static Path dir;
  private static IssuedCertificate issued;
  private static Path p12;
  private static Path jks;

  @BeforeAll
  static void issueCertificate() throws Exception {
    issued =
        Internals.of(fixture.krr())
            .certificates()
            .issue(new EnterpriseCertificateRequest(MaskinportenFixture.ORG, "ACME AS"));
    p12 = dir.resolve("org.p12");
    Files.write(p12, issued.toPkcs12(PASSWORD));
    KeyStore store = KeyStore.getInstance("JKS");
    store.load(null, null);
    store.setKeyEntry(
        "org", issued.privateKey(), PASSWORD, issued.chain().toArray(new X509Certificate[0]));
    store.setCertificateEntry("ca", issued.chain().get(1));
    jks = dir.resolve("org.jks");
    try (OutputStream out = Files.newOutputStream(jks)) {
      store.store(out, PASSWORD);
    }
  }

  @Test
  void getsTokenWithPkcs12Keystore() throws Exception {
    TestClient client = fixture.registerKeylessClient();
    MaskinportenClient maskinporten = builder(client).keystore(p12, ALIAS, PASSWORD).build();

    AccessToken token = maskinporten.getToken(READ);

    assertThat(SignedJWT.parse(token.value()).getJWTClaimsSet().getStringClaim("client_amr"))
        .isEqualTo("virksomhetssertifikat");
  }

  @Test
  void getsTokenWithJksKeystoreAndItsOnlyKeyEntry() throws Exception {
    TestClient client = fixture.registerKeylessClient();
    MaskinportenClient maskinporten = builder(client).keystore(jks, null, PASSWORD).build();

    AccessToken token = maskinporten.getToken(READ);

    assertThat(SignedJWT.parse(token.value()).getJWTClaimsSet().getStringClaim("client_id"))
        .isEqualTo(client.clientId());
  }

  @Test
  void getsTokenWithKeyAndChain() {
    TestClient client = fixture.registerKeylessClient();
    MaskinportenClient maskinporten =
        builder(client).certificate(issued.privateKey(), issued.chain()).build();

    assertThat(maskinporten.getToken(READ).scopes()).containsExactly(READ);
  }

  @Test
  void grantCarriesTheFullChainInX5cAndNoKid() throws Exception {
    EnterpriseCertificate certificate = EnterpriseCertificate.fromKeyStore(p12, ALIAS, PASSWORD);

    String assertion =
        JwtGrant.builder()
            .audience(fixture.environment().issuer())
            .issuer("client")
            .scope(READ)
            .sign(certificate);

    JWSHeader header = SignedJWT.parse(assertion).getHeader();
    assertThat(header.getKeyID()).isNull();
    assertThat(header.getX509CertChain()).hasSize(2);
    assertThat(header.getX509CertChain().get(0).decode())
        .isEqualTo(issued.certificate().getEncoded());
    assertThat(header.getX509CertChain().get(1).decode())
        .isEqualTo(issued.chain().get(1).getEncoded());
  }

  @Test
  void certificateOfAnotherOrganisationIsRefusedWithMp122() {
    TestClient client = fixture.registerKeylessClient();
    IssuedCertificate other =
        Internals.of(fixture.krr())
            .certificates()
            .issue(new EnterpriseCertificateRequest(OrgNumber.of("991825827"), null));
    MaskinportenClient maskinporten =
        builder(client).certificate(other.privateKey(), other.chain()).build();

    assertThatThrownBy(() -> maskinporten.getToken(READ))
        .isInstanceOfSatisfying(
            MaskinportenErrorException.class, e -> assertThat(e.getMessage()).contains("MP-122"));
  }

  @Test
  void wrongPasswordIsAConfigError() {
    assertThatThrownBy(() -> EnterpriseCertificate.fromKeyStore(p12, ALIAS, "wrong".toCharArray()))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("wrong password");
  }

  @Test
  void missingAliasNamesTheEntries() {
    assertThatThrownBy(() -> EnterpriseCertificate.fromKeyStore(jks, "nope", PASSWORD))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("no entry 'nope'")
        .hasMessageContaining("org");
  }

  @Test
  void entryWithoutPrivateKeyIsAConfigError() {
    assertThatThrownBy(() -> EnterpriseCertificate.fromKeyStore(jks, "ca", PASSWORD))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("holds no private key");
  }

  @Test
  void fileThatIsNoKeystoreIsAConfigError() throws Exception {
    Path text = Files.writeString(dir.resolve("not-a-keystore.p12"), "hello");

    assertThatThrownBy(() -> EnterpriseCertificate.fromKeyStore(text, ALIAS, PASSWORD))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining(text.toString());
    assertThatThrownBy(
            () -> EnterpriseCertificate.fromKeyStore(dir.resolve("missing.p12"), ALIAS, PASSWORD))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void keyThatDoesNotBelongToTheCertificateIsAConfigError() {
    assertThatThrownBy(
            () ->
                EnterpriseCertificate.of(
                    MaskinportenFixture.rsaKey("stranger").toPrivateKey(), issued.chain()))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("does not belong");
  }

  @Test
  void builderRefusesBothAKeyAndACertificate() {
    MaskinportenClient.Builder both =
        builder(fixture.registerKeylessClient())
            .keystore(p12, ALIAS, PASSWORD)
            .signingKey(MaskinportenFixture.rsaKey("client-key"));

    assertThatThrownBy(both::build)
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("not both");
  }

  private static MaskinportenClient.Builder builder(TestClient client) {
    return MaskinportenClient.builder()
        .environment(fixture.environment())
        .clientId(client.clientId())
        .clock(fixture.clientClock());
  }
}
