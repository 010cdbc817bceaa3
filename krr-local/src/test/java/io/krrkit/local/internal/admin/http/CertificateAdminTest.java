package io.krrkit.local.internal.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.certificate.Pem;
import io.krrkit.local.internal.store.FreshStore;
import io.krrkit.local.internal.store.StoreEngine;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The operator API for test enterprise certificates over HTTP: {@code POST /admin/certificates} and
 * {@code GET /admin/ca}, on two nodes of one store (one with the operator API, one without).
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class CertificateAdminTest {
  private static final char[] PASSWORD = "test-password".toCharArray();

  private static LocalFixture admin;
  private static LocalFixture plain;

  @Parameter StoreEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) {
    FreshStore store = engine.freshStore();
    admin = LocalFixture.start(node(store).adminApi(true));
    plain = LocalFixture.start(node(store));
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    plain.close();
    admin.close();
  }

  @Test
  void issuesPkcs12WithKeyAndChainOfTheTestCa() throws Exception {
    HttpResponse<byte[]> response =
        issue("{\"orgno\":\"310000027\",\"password\":\"test-password\",\"name\":\"ACME AS\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-pkcs12");
    KeyStore p12 = KeyStore.getInstance("PKCS12");
    p12.load(new ByteArrayInputStream(response.body()), PASSWORD);
    assertThat(p12.isKeyEntry("virksomhetssertifikat")).isTrue();
    RSAPrivateKey key = (RSAPrivateKey) p12.getKey("virksomhetssertifikat", PASSWORD);
    assertThat(key.getModulus().bitLength()).isEqualTo(2048);
    Certificate[] chain = p12.getCertificateChain("virksomhetssertifikat");
    assertThat(chain).hasSize(2);
    X509Certificate leaf = (X509Certificate) chain[0];
    assertThat(subject(leaf, BCStyle.SERIALNUMBER)).isEqualTo("310000027");
    assertThat(subject(leaf, BCStyle.ORGANIZATION_IDENTIFIER)).isEqualTo("NTRNO-310000027");
    assertThat(subject(leaf, BCStyle.O)).isEqualTo("ACME AS");
    assertThat(subject(leaf, BCStyle.CN)).isEqualTo("ACME AS");
    assertThat(subject(leaf, BCStyle.C)).isEqualTo("NO");
    assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
        .isEqualTo(Duration.ofDays(730));
    assertThat(chain[1]).isEqualTo(Pem.certificates(admin.get(caUrl(admin)).body()).get(0));
    leaf.verify(chain[1].getPublicKey());
  }

  @Test
  void nodesOnOneStoreShareTheTestCa() {
    Answer ca = admin.get(caUrl(admin));

    assertThat(ca.status()).isEqualTo(200);
    assertThat(ca.response().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-pem-file"));
    assertThat(Pem.certificates(ca.body()))
        .containsExactly(Internals.of(plain.krrLocal()).certificates().caCertificate());
  }

  @Test
  void rejectsBadRequestsWithTheErrorJson() {
    for (String body :
        new String[] {
          "not json",
          "{\"orgno\":\"310000028\",\"password\":\"x\"}",
          "{\"orgno\":\"310000027\"}",
          "{\"orgno\":\"310000027\",\"password\":\"\"}",
          "{\"orgno\":310000027,\"password\":\"x\"}",
          "{\"orgno\":\"310000027\",\"password\":\"x\",\"name\":\"" + "N".repeat(65) + "\"}"
        }) {
      Answer answer =
          admin.send(
              HttpRequest.newBuilder(URI.create(admin.krrLocal().baseUrl() + "/admin/certificates"))
                  .POST(HttpRequest.BodyPublishers.ofString(body)));

      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
      assertThat(answer.json().get("error_description").asText()).isNotBlank();
    }
  }

  @Test
  void servesNoCertificateRoutesWithoutTheOperatorApi() {
    assertThat(plain.get(caUrl(plain)).status()).isEqualTo(404);
    assertThat(plain.postForm(plain.krrLocal().baseUrl() + "/admin/certificates", "{}").status())
        .isEqualTo(404);
  }

  private static HttpResponse<byte[]> issue(String json) throws Exception {
    return admin
        .http()
        .send(
            HttpRequest.newBuilder(URI.create(admin.krrLocal().baseUrl() + "/admin/certificates"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String caUrl(LocalFixture node) {
    return node.krrLocal().baseUrl() + "/admin/ca";
  }

  private static String subject(X509Certificate certificate, ASN1ObjectIdentifier type) {
    return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
        .getRDNs(type)[0]
        .getFirst()
        .getValue()
        .toString();
  }

  private static KrrLocal.Builder node(FreshStore store) {
    return store.node(KrrLocal.builder().port(0).seedPersons(0));
  }
}
