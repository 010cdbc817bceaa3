package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.local.KrrLocal;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enterprise certificate flow end to end through the CLI, against an in-process emulator with
 * the operator API: {@code krr cert issue}, {@code krr client create} (a client without keys),
 * {@code krr token --keystore}.
 */
class CertCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "cli-test-password";
  private static final String READ = "krr:global/kontaktinformasjon.read";

  @TempDir static Path dir;
  private static KrrLocal krr;
  private static Path bootstrap;

  @BeforeAll
  static void startEmulator() throws Exception {
    krr = KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true).build().start();
    bootstrap = dir.resolve("bootstrap.json");
    Files.writeString(bootstrap, krr.bootstrap().toJson());
  }

  @AfterAll
  static void stopEmulator() {
    krr.close();
  }

  @Test
  void issuesCertificateAndGetsATokenWithIt() throws Exception {
    Path p12 = dir.resolve("org.p12");
    CliRun issue =
        CliRun.of(
            "cert",
            "issue",
            "--url",
            krr.baseUrl(),
            "--orgno",
            "310000027",
            "--out",
            p12.toString(),
            "--password",
            PASSWORD,
            "--name",
            "ACME AS");
    assertThat(issue.exitCode()).as(issue.err()).isZero();
    assertThat(issue.out()).contains("alias virksomhetssertifikat").doesNotContain(PASSWORD);
    assertThat(Files.getPosixFilePermissions(p12))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(subjectOf(p12)).contains("CN=ACME AS");

    CliRun create =
        CliRun.of(
            "client", "create", "--bootstrap", bootstrap.toString(), "--name", "Cert", "--json");
    assertThat(create.exitCode()).as(create.err()).isZero();
    String clientId = JSON.readTree(create.out()).get("client_id").asText();

    CliRun token =
        CliRun.of(
            "token",
            "--url",
            krr.baseUrl(),
            "--client-id",
            clientId,
            "--keystore",
            p12.toString(),
            "--alias",
            "virksomhetssertifikat",
            "--keystore-password",
            PASSWORD,
            "--scope",
            READ);
    assertThat(token.exitCode()).as(token.err()).isZero();
    assertThat(SignedJWT.parse(token.out().trim()).getJWTClaimsSet().getStringClaim("client_amr"))
        .isEqualTo("virksomhetssertifikat");
  }

  @Test
  void printsTheTestCa() {
    CliRun ca = CliRun.of("cert", "ca", "--url", krr.baseUrl());

    assertThat(ca.exitCode()).as(ca.err()).isZero();
    assertThat(ca.out()).startsWith("-----BEGIN CERTIFICATE-----");
  }

  @Test
  void issueWithoutPasswordIsAUsageError() {
    CliRun run =
        CliRun.of(
            "cert",
            "issue",
            "--url",
            krr.baseUrl(),
            "--orgno",
            "310000027",
            "--out",
            dir.resolve("nopass.p12").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(run.err()).contains("KRR_CERT_PASSWORD");
  }

  @Test
  void wrongKeystorePasswordIsAUsageErrorThatSaysSo() throws Exception {
    Path p12 = dir.resolve("wrong.p12");
    CliRun issue =
        CliRun.of(
            "cert",
            "issue",
            "--url",
            krr.baseUrl(),
            "--orgno",
            "310000027",
            "--out",
            p12.toString(),
            "--password",
            PASSWORD);
    assertThat(issue.exitCode()).as(issue.err()).isZero();

    CliRun token =
        CliRun.of(
            "token",
            "--url",
            krr.baseUrl(),
            "--client-id",
            "any",
            "--keystore",
            p12.toString(),
            "--keystore-password",
            "not-it",
            "--scope",
            READ);

    assertThat(token.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(token.err()).contains("wrong password").doesNotContain("not-it");
  }

  private static String subjectOf(Path p12) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return ((X509Certificate) store.getCertificate("virksomhetssertifikat"))
        .getSubjectX500Principal()
        .getName();
  }
}
