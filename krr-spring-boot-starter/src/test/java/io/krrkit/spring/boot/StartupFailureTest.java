package io.krrkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.junit.KrrLocalExtension;
import io.krrkit.junit.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * A missing or wrong {@code krr.*} property stops start-up with an analysis that names the property
 * and what to set, and never shows key material or passwords.
 */
class StartupFailureTest {
  @RegisterExtension
  static final KrrLocalExtension krr = KrrLocalExtension.builder().shared().build();

  @TempDir Path dir;

  @Test
  void aMissingClientIdIsNamed() {
    FailureAnalysis analysis = analysisOf(StarterFixture.runner());

    assertThat(analysis.getDescription()).contains("krr.maskinporten.client-id: not set");
    assertThat(analysis.getAction()).contains("integration id").contains("krr.enabled=false");
  }

  @Test
  void aMissingKeySaysWhichPropertiesGiveOne() {
    FailureAnalysis analysis =
        analysisOf(StarterFixture.runner().withPropertyValues("krr.maskinporten.client-id=c"));

    assertThat(analysis.getDescription()).contains("krr.maskinporten.key").contains("no key");
    assertThat(analysis.getAction())
        .contains("krr.maskinporten.key")
        .contains("krr.maskinporten.certificate.keystore");
  }

  @Test
  void aPemWithoutKidAsksForKrrMaskinportenKidWithoutShowingTheKey() throws Exception {
    TestClient client = krr.registerKrrClient();
    String pem = StarterFixture.pem("PRIVATE KEY", client.key().toRSAPrivateKey().getEncoded());
    Path file = Files.writeString(dir.resolve("client.pem"), pem);

    FailureAnalysis analysis =
        analysisOf(
            StarterFixture.runnerFor(krr, client, dir)
                .withPropertyValues("krr.maskinporten.key=" + file));

    assertThat(analysis.getDescription()).contains("krr.maskinporten.key").contains("no key id");
    assertThat(analysis.getAction()).contains("krr.maskinporten.kid");
    String base64Line = pem.lines().skip(1).findFirst().orElseThrow();
    assertThat(analysis.getDescription() + analysis.getAction())
        .doesNotContain(base64Line)
        .doesNotContain("BEGIN");
  }

  @Test
  void aMissingKeyFileIsNamed() throws Exception {
    TestClient client = krr.registerKrrClient();

    FailureAnalysis analysis =
        analysisOf(
            StarterFixture.runnerFor(krr, client, dir)
                .withPropertyValues("krr.maskinporten.key=" + dir.resolve("nosuch.jwk")));

    assertThat(analysis.getDescription()).contains("no key file").contains("nosuch.jwk");
  }

  @Test
  void aWrongKeystorePasswordIsNamedButNotShown() throws Exception {
    TestClient client = krr.registerKrrClient();
    Path notAKeystore = Files.write(dir.resolve("org.p12"), new byte[] {0x30, 0x03, 1, 2, 3});

    FailureAnalysis analysis =
        analysisOf(
            StarterFixture.runnerFor(krr, client, dir)
                .withPropertyValues(
                    "krr.maskinporten.key=",
                    "krr.maskinporten.certificate.keystore=" + notAKeystore,
                    "krr.maskinporten.certificate.password=hunter2-secret"));

    assertThat(analysis.getDescription()).contains("krr.maskinporten.certificate.keystore");
    assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("hunter2-secret");
  }

  @Test
  void aBadUrlIsNamed() throws Exception {
    TestClient client = krr.registerKrrClient();

    FailureAnalysis issuer =
        analysisOf(
            StarterFixture.runnerFor(krr, client, dir)
                .withPropertyValues("krr.maskinporten.issuer=ftp://nowhere"));
    FailureAnalysis lookup =
        analysisOf(
            StarterFixture.runnerFor(krr, client, dir)
                .withPropertyValues("krr.lookup.base-url=localhost:7070"));

    assertThat(issuer.getDescription()).contains("krr.maskinporten.issuer").contains("ftp://");
    assertThat(lookup.getDescription()).contains("krr.lookup.base-url");
  }

  @Test
  void theAnalyzerIsRegisteredForSpringBoot() {
    // Other analyzers need a bean factory to be made: skip those, as Boot does not.
    SpringFactoriesLoader.FailureHandler skip =
        SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {});
    assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class, skip))
        .hasAtLeastOneElementOfType(KrrPropertyFailureAnalyzer.class);
  }

  private static FailureAnalysis analysisOf(ApplicationContextRunner runner) {
    FailureAnalysis[] analysis = new FailureAnalysis[1];
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          analysis[0] = new KrrPropertyFailureAnalyzer().analyze(context.getStartupFailure());
        });
    assertThat(analysis[0]).as("a KrrPropertyException among the causes").isNotNull();
    return analysis[0];
  }
}
