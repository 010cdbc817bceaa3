package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands a user runs by hand, against one emulator, as the README's tour does. */
class CommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static CliEmulator emulator;
  private static KrrLocal krr;
  @TempDir static Path dir;
  private static Path bootstrap;

  @BeforeAll
  static void startEmulator() throws Exception {
    emulator = CliEmulator.start(dir);
    krr = emulator.krr;
    bootstrap = emulator.bootstrap;
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @Test
  void tourFromKeygenToLookup() throws Exception {
    String prefix = dir.resolve("tour").toString();
    CliRun keygen = CliRun.of("keygen", "--out", prefix, "--kid", "tour-key");
    assertThat(keygen.exitCode()).as(keygen.err()).isZero();
    assertThat(Files.getPosixFilePermissions(Path.of(prefix + ".jwk")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.readString(Path.of(prefix + ".pub.jwk"))).doesNotContain("\"d\"");

    CliRun create =
        CliRun.of(
            "client", "create", "--bootstrap", bootstrap.toString(), "--name", "Tour", "--json");
    assertThat(create.exitCode()).as(create.err()).isZero();
    JsonNode client = JSON.readTree(create.out());
    String clientId = client.get("client_id").asText();
    assertThat(client.get("scopes").toString())
        .contains("krr:global/kontaktinformasjon.read", "krr:global/digitalpost.read");

    CliRun upload =
        CliRun.of(
            "client",
            "keys",
            "upload",
            "--bootstrap",
            bootstrap.toString(),
            "--client",
            clientId,
            "--public-key",
            prefix + ".pub.jwk");
    assertThat(upload.exitCode()).as(upload.err()).isZero();
    assertThat(upload.out()).contains("tour-key");

    String[] asClient = {"--url", krr.baseUrl(), "--client-id", clientId, "--key", prefix + ".jwk"};
    CliRun token =
        CliRun.of(
            concat(
                new String[] {"token", "--scope", "krr:global/kontaktinformasjon.read"}, asClient));
    assertThat(token.exitCode()).as(token.err()).isZero();
    assertThat(token.out().trim()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

    CliRun lookup =
        CliRun.of(
            concat(
                new String[] {
                  "lookup", "--json", KnownPersons.ACTIVE.value(), KnownPersons.RESERVED.value()
                },
                asClient));
    assertThat(lookup.exitCode()).as(lookup.err()).isZero();
    JsonNode personer = JSON.readTree(lookup.out()).get("personer");
    assertThat(personer).hasSize(2);
    assertThat(personer.get(0).get("personidentifikator").asText())
        .isEqualTo(KnownPersons.ACTIVE.value());
    assertThat(personer.get(1).get("reservasjon").asText()).isEqualTo("JA");
  }

  @Test
  void invalidIdentifierIsAUsageErrorThatDoesNotEchoTheNumber() {
    CliRun run = CliRun.of("lookup", "12345678901");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(run.err()).contains("krr: ").doesNotContain("12345678901");
  }

  @Test
  void maskinportenRefusalExitsWithServiceErrorAndNamesTheCode() {
    CliRun run =
        CliRun.of(
            "token", "--bootstrap", bootstrap.toString(), "--scope", "krr:global/hentendring.read");

    assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(run.err()).contains("MP-200");
  }

  @Test
  void unreachableServiceExitsWithItsOwnCode() {
    CliRun run =
        CliRun.of(
            "token",
            "--bootstrap",
            bootstrap.toString(),
            "--url",
            "http://127.0.0.1:9",
            "--scope",
            "krr:global/kontaktinformasjon.read");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNREACHABLE.code);
  }

  @Test
  void missingCredentialsSayWhatToGive() {
    CliRun run = CliRun.of("token", "--scope", "krr:global/kontaktinformasjon.read");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(run.err()).contains("--bootstrap FILE");
  }

  @Test
  void helpListsExitCodes() {
    CliRun run = CliRun.of("lookup", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Exit codes:").contains("Invalid command line or input.");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
