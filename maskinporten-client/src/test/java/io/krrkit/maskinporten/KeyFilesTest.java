package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.certificate.EnterpriseCertificateRequest;
import io.krrkit.local.internal.certificate.IssuedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key files in each form Maskinporten keys come in (JWK, PKCS#8 and PKCS#1 PEM, PKCS#12) sign
 * grants krr-local accepts; each mistake is a {@link MaskinportenConfigException} that names the
 * file and never quotes its content.
 */
class KeyFilesTest {
  @RegisterExtension static final MaskinportenFixture fixture = new MaskinportenFixture();
  private static final char[] PASSWORD = "keystore-password".toCharArray();

  @TempDir Path dir;

  @Test
  void readsAJwkWithItsOwnKid() throws Exception {
    TestClient client = fixture.registerClient();
    Path file = write("client.jwk", client.key().toJSONString());

    RSAKey key = KeyFiles.readPrivateKey(file, null, null);

    assertThat(key.getKeyID()).isEqualTo(client.kid());
    assertThat(tokenWith(client, key)).isNotBlank();
  }

  @Test
  void readsPkcs8AndPkcs1PemUnderTheKidGiven() throws Exception {
    TestClient client = fixture.registerClient();
    byte[] pkcs8 = client.key().toRSAPrivateKey().getEncoded();
    Path pkcs8File = write("k8.pem", pem("PRIVATE KEY", pkcs8));
    Path pkcs1File = write("k1.pem", pem("RSA PRIVATE KEY", pkcs1Of(pkcs8)));

    for (Path file : List.of(pkcs8File, pkcs1File)) {
      RSAKey key = KeyFiles.readPrivateKey(file, client.kid(), null);
      assertThat(key.getKeyID()).as(file.toString()).isEqualTo(client.kid());
      assertThat(tokenWith(client, key)).as(file.toString()).isNotBlank();
    }
  }

  @Test
  void readsAPkcs12KeystoreWithItsAliasAsKid() throws Exception {
    IssuedCertificate issued =
        Internals.of(fixture.krr())
            .certificates()
            .issue(new EnterpriseCertificateRequest(MaskinportenFixture.ORG, "ACME AS"));
    Path p12 = dir.resolve("org.p12");
    Files.write(p12, issued.toPkcs12(PASSWORD));

    RSAKey byAlias = KeyFiles.readPrivateKey(p12, null, PASSWORD);
    RSAKey byKid = KeyFiles.readPrivateKey(p12, "registered-kid", PASSWORD);

    assertThat(byAlias.getKeyID()).isEqualTo(IssuedCertificate.ALIAS);
    assertThat(byKid.getKeyID()).isEqualTo("registered-kid");
    assertThat(byAlias.toRSAPublicKey()).isEqualTo(issued.chain().get(0).getPublicKey());
    assertThatThrownBy(() -> KeyFiles.readPrivateKey(p12, null, "wrong".toCharArray()))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("password is wrong");
    assertThatThrownBy(() -> KeyFiles.readPrivateKey(p12, null, null))
        .hasMessageContaining("give the keystore password");
  }

  @Test
  void readPublicKeyGivesOnlyThePublicPart() throws Exception {
    TestClient client = fixture.registerClient();
    Path file = write("client.jwk", client.key().toJSONString());

    RSAKey key = KeyFiles.readPublicKey(file, null);

    assertThat(key.isPrivate()).isFalse();
    assertThat(key.getKeyID()).isEqualTo(client.kid());
  }

  @Test
  void aPemWithoutKidAsksForOneAndNeverQuotesTheKey() throws Exception {
    String pem = pem("PRIVATE KEY", fixture.registerClient().key().toRSAPrivateKey().getEncoded());
    Path file = write("k.pem", pem);

    assertThatThrownBy(() -> KeyFiles.readPrivateKey(file, null, null))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("names no key id")
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining("BEGIN")
        .hasMessageNotContaining(pem.lines().skip(1).findFirst().orElseThrow());
  }

  @Test
  void aPublicKeyIsNoSigningKey() throws Exception {
    Path file = write("pub.jwk", fixture.registerClient().key().toPublicJWK().toJSONString());

    assertThatThrownBy(() -> KeyFiles.readPrivateKey(file, null, null))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("holds no private key");
  }

  @Test
  void aMissingFileOrGarbageSaysWhatTheFileIsNot() throws Exception {
    Path missing = dir.resolve("nosuch.jwk");
    Path garbage = write("garbage.jwk", "{\"kty\":\"RSA\",\"n\":\"secret-looking\"}");

    assertThatThrownBy(() -> KeyFiles.readPrivateKey(missing, null, null))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("no key file")
        .hasMessageContaining("nosuch.jwk");
    assertThatThrownBy(() -> KeyFiles.readPrivateKey(garbage, null, null))
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("is not a JWK")
        .hasMessageNotContaining("secret-looking");
  }

  private String tokenWith(TestClient client, RSAKey key) {
    return MaskinportenClient.builder()
        .environment(fixture.environment())
        .clientId(client.clientId())
        .signingKey(key)
        .clock(fixture.clientClock())
        .build()
        .getToken(Scope.KRR_KONTAKTINFORMASJON_READ)
        .value();
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: its last element, an OCTET STRING. */
  private static byte[] pkcs1Of(byte[] pkcs8) {
    int i = 1 + lengthOfLength(pkcs8, 1); // the outer SEQUENCE's header
    i += 3; // INTEGER 0
    i += 2 + pkcs8[i + 1]; // the AlgorithmIdentifier SEQUENCE (short form)
    int header = 1 + lengthOfLength(pkcs8, i + 1); // the OCTET STRING's header
    return Arrays.copyOfRange(pkcs8, i + header, pkcs8.length);
  }

  private static int lengthOfLength(byte[] der, int at) {
    return (der[at] & 0x80) == 0 ? 1 : 1 + (der[at] & 0x7f);
  }
}
