package io.krrkit.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.Scope;
import io.krrkit.junit.TestClient;
import io.krrkit.local.Controls.AccessToken;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import no.ks.fiks.maskinporten.AccessTokenRequest;
import no.ks.fiks.maskinporten.Maskinportenklient;
import no.ks.fiks.maskinporten.MaskinportenklientProperties;
import no.ks.fiks.maskinporten.error.MaskinportenClientTokenRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * KS Fiks {@code no.ks.fiks:maskinporten-client}, unchanged but for the token endpoint and
 * audience, gets tokens from krr-local with a registered key ({@code kid}) and with an enterprise
 * certificate from the emulator's test CA ({@code x5c}), and meets Maskinporten's errors as the 4xx
 * exception it throws against Digdir's service.
 */
class KsFiksMaskinportenklientTest {
  @RegisterExtension static final InteropFixture fixture = new InteropFixture();
  private static final String READ = Scope.KRR_KONTAKTINFORMASJON_READ.value();

  private static MaskinportenklientProperties properties(TestClient client) {
    return MaskinportenklientProperties.builder()
        .audience(fixture.maskinportenIssuer())
        .tokenEndpoint(fixture.tokenEndpoint())
        .issuer(client.clientId())
        .build();
  }

  private static Maskinportenklient withKid(TestClient client) throws Exception {
    return Maskinportenklient.builder()
        .withPrivateKey(client.key().toPrivateKey())
        .usingAsymmetricKey(client.key().getKeyID())
        .withProperties(properties(client))
        .build();
  }

  @Test
  void getsTokenSignedWithRegisteredKeyByKid() throws Exception {
    TestClient client = fixture.registerKrrClient();

    String token = withKid(client).getAccessToken(AccessTokenRequest.builder().scope(READ).build());

    AccessToken verified = fixture.krr().controls().verifyAccessToken("Bearer " + token);
    assertThat(verified.clientId()).isEqualTo(client.clientId());
    assertThat(verified.scopes()).containsExactly(Scope.KRR_KONTAKTINFORMASJON_READ);
  }

  @Test
  void audienceIsSentAsStringResourceAndBecomesTheTokensAud() throws Exception {
    TestClient client = fixture.registerKrrClient();

    String token =
        withKid(client)
            .getAccessToken(
                AccessTokenRequest.builder()
                    .scope(READ)
                    .audience("https://api.example.no/krr")
                    .build());

    assertThat(fixture.krr().controls().verifyAccessToken("Bearer " + token).audience())
        .containsExactly("https://api.example.no/krr");
  }

  @Test
  void getsTokenSignedWithEnterpriseCertificateInX5c() throws Exception {
    TestClient client = fixture.registerKrrClient();
    fixture.krr().controls().replaceKeys(client.clientId(), java.util.List.of());
    char[] password = "changeit".toCharArray();
    KeyStore p12 = KeyStore.getInstance("PKCS12");
    p12.load(
        new ByteArrayInputStream(
            fixture.krr().controls().issueCertificate(client.org(), "KS FIKS TEST AS", password)),
        password);
    String alias = p12.aliases().nextElement();

    Maskinportenklient ks =
        Maskinportenklient.builder()
            .withPrivateKey((PrivateKey) p12.getKey(alias, password))
            .usingVirksomhetssertifikat((X509Certificate) p12.getCertificate(alias))
            .withProperties(properties(client))
            .build();
    String token = ks.getAccessToken(AccessTokenRequest.builder().scope(READ).build());

    assertThat(fixture.krr().controls().verifyAccessToken("Bearer " + token).clientId())
        .isEqualTo(client.clientId());
  }

  @Test
  void scopeTheClientLacksIsItsClientErrorWithMaskinportensBody() throws Exception {
    TestClient client = fixture.registerKrrClient();

    assertThatThrownBy(
            () ->
                withKid(client)
                    .getAccessToken(
                        AccessTokenRequest.builder().scope("krr:global/hentendring.read").build()))
        .isInstanceOfSatisfying(
            MaskinportenClientTokenRequestException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getMaskinportenError()).contains("\"error\":\"invalid_scope\"");
            });
  }

  @Test
  void unknownKidIsInvalidGrant() throws Exception {
    TestClient client = fixture.registerKrrClient();
    fixture.krr().controls().replaceKeys(client.clientId(), java.util.List.of());

    assertThatThrownBy(
            () -> withKid(client).getAccessToken(AccessTokenRequest.builder().scope(READ).build()))
        .isInstanceOfSatisfying(
            MaskinportenClientTokenRequestException.class,
            e -> assertThat(e.getMaskinportenError()).contains("\"error\":\"invalid_grant\""));
  }
}
