package io.krrkit.local.internal.web.http;

import static io.krrkit.local.TestCertificates.keyPair;
import static io.krrkit.local.TestCertificates.pem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.TestCertificates;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The keys page in a real browser: a key pair made by the browser's WebCrypto that then gets a
 * Maskinporten token and looks a person up in KRR, pasted JWKs, uploaded PEM files, every refusal
 * as a message next to its field, delete and rotate, and another organisation's integration.
 */
class KeyPagesTest {
  @RegisterExtension static final Browser browser = new Browser();

  static final String PERSON = KnownPersons.ACTIVE.value();
  static final String ORG = KrrLocal.DEFAULT_ORG.value();
  static final KeyPair RSA = keyPair("RSA", 2048);

  @Test
  void aKeyMadeInTheBrowserGetsATokenThatLooksUpAPerson() throws Exception {
    String clientId = newKrrIntegration("oppslag fra nettleseren");
    browser.checkAccessibility("keys page, no keys");

    browser.wait(ExpectedConditions.elementToBeClickable(By.id("generate-key"))).click();
    browser.wait(d -> d.findElement(By.id("keygen-result")).isDisplayed());
    String privateJwk = value("private-key-jwk");
    String privatePem = value("private-key-pem");
    RSAKey key = RSAKey.parse(privateJwk);
    assertThat(key.isPrivate()).isTrue();
    assertThat(key.size()).isEqualTo(2048);
    assertThat(JWK.parse(value("key")).isPrivate())
        .as("the form holds only the public key")
        .isFalse();
    assertThat(samePrivateKey(privatePem, key)).as("the PEM and the JWK are one key").isTrue();
    browser.checkAccessibility("keys page, key pair made");
    browser.screenshot("key pair made");
    browser.driver().findElement(By.id("download-jwk")).click();
    Path downloaded = browser.downloads().resolve(key.getKeyID() + ".private.jwk.json");
    browser.wait(d -> Files.isRegularFile(downloaded));
    assertThat(RSAKey.parse(Files.readString(downloaded)).getPrivateExponent())
        .isEqualTo(key.getPrivateExponent());

    browser.submit("add-key");

    assertThat(browser.text("flash")).isEqualTo("Nøkkelen er lagt til.");
    assertThat(rowOf(key.getKeyID()).getText()).contains("RS256");
    browser.checkAccessibility("keys page, one key");
    TestClient client =
        new TestClient(
            clientId,
            key.getKeyID(),
            key,
            KrrLocal.DEFAULT_ORG,
            Set.of(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ));
    JsonNode person = lookUp(browser.fx().accessToken(client), PERSON);
    assertThat(person.get("personidentifikator").asText()).isEqualTo(PERSON);
    assertThat(person.get("status").asText()).isEqualTo("AKTIV");
    assertThat(person.get("kontaktinformasjon").get("epostadresse").asText()).contains("@");
  }

  @Test
  void addsPastedAndUploadedKeysAndDeletesOne() throws Exception {
    newKrrIntegration("limt inn og lastet opp");

    browser.fill("key", publicJwk(RSA, null));
    browser.fill("kid", "pasted-" + System.nanoTime());
    browser.submit("add-key");
    assertThat(browser.driver().findElements(By.cssSelector("#keys tbody tr"))).hasSize(1);

    KeyPair other = keyPair("RSA", 2048);
    browser
        .driver()
        .findElement(By.id("key_file"))
        .sendKeys(pemFile("PUBLIC KEY", other.getPublic().getEncoded()).toString());
    browser.submit("add-key");
    String thumbprint =
        new RSAKey.Builder((RSAPublicKey) other.getPublic()).build().computeThumbprint().toString();
    assertThat(rowOf(thumbprint).isDisplayed()).as("kid derived from the key").isTrue();

    byte[] certificate =
        TestCertificates.selfSigned(
                KrrLocal.DEFAULT_ORG,
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(300)))
            .certificate()
            .getEncoded();
    browser
        .driver()
        .findElement(By.id("key_file"))
        .sendKeys(pemFile("CERTIFICATE", certificate).toString());
    browser.fill("kid", "cert-" + System.nanoTime());
    browser.submit("add-key");
    assertThat(browser.driver().findElements(By.cssSelector("#keys tbody tr"))).hasSize(3);
    assertThat(browser.text("keys")).contains("sertifikat");

    rowOf(thumbprint).findElement(By.cssSelector("button[type=submit]")).click();
    browser.wait(ExpectedConditions.textToBe(By.id("flash"), "Nøkkelen er slettet."));
    assertThat(browser.driver().findElements(By.cssSelector("#keys tbody tr"))).hasSize(2);
    assertThat(browser.driver().findElements(By.cssSelector("tr[data-kid='" + thumbprint + "']")))
        .isEmpty();
  }

  @Test
  void rotatesAKeyInOneStep() {
    newKrrIntegration("rotasjon");
    String oldKid = "old-" + System.nanoTime();
    browser.fill("key", publicJwk(RSA, oldKid));
    browser.submit("add-key");

    rowOf(oldKid).findElement(By.linkText("Bytt ut")).click();
    browser.wait(d -> d.findElement(By.id("rotate-note")).isDisplayed());
    String newKid = "new-" + System.nanoTime();
    browser.fill("key", publicJwk(keyPair("RSA", 2048), newKid));
    browser.submit("add-key");

    assertThat(browser.text("flash")).startsWith("Nøkkelen er byttet ut.");
    assertThat(browser.driver().findElements(By.cssSelector("#keys tbody tr"))).hasSize(1);
    assertThat(rowOf(newKid).isDisplayed()).isTrue();
  }

  @Test
  void showsWhyEachRefusedKeyWasRefusedNextToItsField() throws Exception {
    String clientId = newKrrIntegration("avviste nøkler");

    assertRefused("key", "{\"kty\":\"RSA\",", "Nøkkelen kunne ikke leses");
    assertRefused(
        "key",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
        "Nøkkelen kunne ikke leses");
    KeyPair ec = keyPair("EC", 256);
    assertRefused(
        "key",
        new ECKey.Builder(Curve.P_256, (ECPublicKey) ec.getPublic()).build().toJSONString(),
        "Dette er en EC-nøkkel. Bare RSA-nøkler (RS256) støttes");
    assertRefused(
        "key",
        pem("PUBLIC KEY", keyPair("RSA", 4096).getPublic().getEncoded()),
        "Dette er en RSA-nøkkel på 4096 bit. Bare nøkler på 2048 bit støttes");
    browser.checkAccessibility("keys page, refused key");

    String privateJwk =
        new RSAKey.Builder((RSAPublicKey) RSA.getPublic())
            .privateKey((RSAPrivateKey) RSA.getPrivate())
            .build()
            .toJSONString();
    assertRefused("key", privateJwk, "Dette er en privat nøkkel.");
    assertThat(value("key")).as("a private key is never shown back").isEmpty();
    assertThat(browser.driver().getPageSource())
        .doesNotContain(
            ((RSAPrivateKey) RSA.getPrivate()).getPrivateExponent().toString(16).substring(0, 16));

    browser
        .driver()
        .findElement(By.id("key_file"))
        .sendKeys(pemFile("PRIVATE KEY", RSA.getPrivate().getEncoded()).toString());
    browser.submit("add-key");
    assertThat(browser.text("key_file-error")).startsWith("Dette er en privat nøkkel.");

    paste(publicJwk(RSA, null), "<b>ugyldig</b>");
    assertThat(browser.text("kid-error")).startsWith("Nøkkel-ID-en kan bare ha");
    assertThat(browser.driver().getPageSource()).doesNotContain("<b>ugyldig</b>");

    TestClient someoneElse = browser.fx().client().register();
    paste(publicJwk(RSA, null), someoneElse.kid());
    assertThat(browser.text("kid-error"))
        .startsWith("En annen integrasjon bruker denne nøkkel-ID-en.");

    setValue("expires", "2099-01-01");
    paste(publicJwk(RSA, null), "far-future");
    assertThat(browser.text("expires-error"))
        .isEqualTo("Utløpsdatoen må være etter i dag og høyst ett år fram i tid");

    setValue("expires", "");
    browser
        .driver()
        .findElement(By.id("key_file"))
        .sendKeys(pemFile("PUBLIC KEY", RSA.getPublic().getEncoded()).toString());
    paste(publicJwk(RSA, null), "");
    assertThat(browser.text("key-error"))
        .isEqualTo("Lim inn en nøkkel eller last opp en fil, ikke begge");
    assertThat(browser.text("error-summary"))
        .contains("Lim inn en nøkkel eller last opp en fil, ikke begge");
    browser.checkAccessibility("keys page, two refusals");

    for (int i = 1; i <= 5; i++) {
      paste(publicJwk(RSA, null), "k" + i + "-" + clientId);
    }
    assertThat(browser.text("keys-full")).contains("5 nøkler");
    paste(publicJwk(RSA, null), "k6-" + clientId);
    assertThat(browser.text("key-error"))
        .isEqualTo(
            "Integrasjonen har allerede 5 nøkler, det høyeste antallet. Slett eller bytt ut en"
                + " nøkkel først");
    browser.open("/integrasjoner/" + clientId + "/nokler?erstatt=k1-" + clientId);
    assertThat(browser.driver().findElements(By.id("keys-full")))
        .as("rotation stays possible")
        .isEmpty();
  }

  @Test
  void marksAnExpiredKey() {
    TestClient expired = browser.fx().client().keyLife(Duration.ofDays(-1)).register();
    browser.logIn(PERSON, ORG);

    browser.open("/integrasjoner/" + expired.clientId() + "/nokler");

    assertThat(rowOf(expired.kid()).findElement(By.cssSelector("[data-expired]")).getText())
        .isEqualTo("Utløpt");
    browser.checkAccessibility("keys page, expired key");

    browser.submit("language-switch");
    assertThat(rowOf(expired.kid()).findElement(By.cssSelector("[data-expired]")).getText())
        .isEqualTo("Expired");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).startsWith("Keys of ");
    browser.submit("add-key");
    assertThat(browser.text("key-error"))
        .isEqualTo("Paste a public key, upload a file or make a key pair");
    browser.checkAccessibility("keys page in English, refused");
  }

  @Test
  void anotherOrganisationsIntegrationIsNotFound() {
    TestClient theirs = browser.fx().client().org(OrgNumber.of(browser.newOrgNumber())).register();
    browser.logIn(PERSON, ORG);

    browser.open("/integrasjoner/" + theirs.clientId() + "/nokler");

    assertThat(browser.text("error-heading")).isEqualTo("Fant ikke siden");
    assertThat(browser.driver().getPageSource()).doesNotContain(theirs.kid());
  }

  @Test
  void refusesAKeyFormWithoutTheSessionsCsrfToken() {
    TestClient mine = browser.fx().client().register();
    Answer answer =
        browser
            .fx()
            .postForm(
                browser.fx().krrLocal().baseUrl()
                    + "/integrasjoner/"
                    + mine.clientId()
                    + "/nokler/slett",
                "kid=" + mine.kid());

    assertThat(answer.status()).isEqualTo(403);
    assertThat(Internals.of(browser.fx().krrLocal()).clientKeys().findByClient(mine.clientId()))
        .hasSize(1);
  }

  /** Logs in, creates a KRR integration on the page and opens its keys page; returns its id. */
  private static String newKrrIntegration(String name) {
    browser.logIn(PERSON, ORG);
    browser.open("/integrasjoner/ny?integration_type=krr");
    browser.fill("client_name", name);
    browser.submit("save");
    String clientId = browser.text("client-id");
    browser.open("/integrasjoner/" + clientId + "/nokler");
    return clientId;
  }

  /** Pastes {@code key} with {@code kid} (empty: none) into the form and submits it. */
  private static void paste(String key, String kid) {
    browser.fill("key", key);
    browser.fill("kid", kid);
    browser.submit("add-key");
  }

  private static void assertRefused(String field, String pasted, String message) {
    browser.fill("key", pasted);
    browser.submit("add-key");
    assertThat(browser.text(field + "-error")).startsWith(message);
    assertThat(browser.driver().findElement(By.id(field)).getAttribute("aria-invalid"))
        .isEqualTo("true");
  }

  private static JsonNode lookUp(String token, String pid) {
    Answer answer =
        browser
            .fx()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            browser.fx().krrLocal().kontaktregisteretUrl() + "/rest/v1/personer"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"personidentifikatorer\":[\"" + pid + "\"]}")));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().get("personer").get(0);
  }

  private static WebElement rowOf(String kid) {
    return browser.driver().findElement(By.cssSelector("tr[data-kid='" + kid + "']"));
  }

  private static String value(String id) {
    return browser.driver().findElement(By.id(id)).getDomProperty("value");
  }

  private static void setValue(String id, String value) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].value = arguments[1];", browser.driver().findElement(By.id(id)), value);
  }

  private static boolean samePrivateKey(String pem, RSAKey jwk) throws Exception {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    RSAPrivateCrtKey fromPem =
        (RSAPrivateCrtKey)
            KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    return pem.startsWith("-----BEGIN PRIVATE KEY-----")
        && fromPem.getPrivateExponent().equals(jwk.getPrivateExponent().decodeToBigInteger())
        && fromPem.getModulus().equals(jwk.getModulus().decodeToBigInteger());
  }

  private static String publicJwk(KeyPair pair, String kid) {
    return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid).build().toJSONString();
  }

  private static Path pemFile(String type, byte[] der) throws IOException {
    Path file = Files.createTempFile("krr-key-", ".pem");
    file.toFile().deleteOnExit();
    Files.writeString(file, pem(type, der), StandardCharsets.US_ASCII);
    return file;
  }
}
