package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.Scope;
import io.krrkit.local.ClientSpec;
import io.krrkit.local.KrrLocal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code krr admin reset|export|import} against a running emulator over HTTP. */
class StateCommandTest {
  private static KrrLocal krr;

  @BeforeAll
  static void start() {
    krr = KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true).build().start();
  }

  @AfterAll
  static void stop() {
    krr.close();
  }

  @Test
  void resetEmptiesTheEmulator() {
    krr.controls()
        .putClient(
            ClientSpec.jwtBearer(
                "reset-me",
                KrrLocal.DEFAULT_ORG,
                "krr",
                Set.of(Scope.KRR_KONTAKTINFORMASJON_READ)));

    CliRun reset = CliRun.of("admin", "reset", "--url", krr.baseUrl());

    assertThat(reset.exitCode()).as(reset.err()).isZero();
    assertThat(krr.controls().hasClient("reset-me")).isFalse();
    assertThat(krr.controls().hasClient(krr.bootstrap().clientId())).isTrue();
  }

  @Test
  void exportThenImportRestoresAClientAsZipAndAsDirectory(@TempDir Path temp) throws Exception {
    krr.controls().putClient(client("kept-client"));
    Path zip = temp.resolve("state.zip");
    Path dir = temp.resolve("state");

    CliRun toZip = CliRun.of("admin", "export", "--out", zip.toString(), "--url", krr.baseUrl());
    CliRun toDir = CliRun.of("admin", "export", "--dir", dir.toString(), "--url", krr.baseUrl());

    assertThat(toZip.exitCode()).as(toZip.err()).isZero();
    assertThat(toDir.exitCode()).as(toDir.err()).isZero();
    assertThat(Files.readString(dir.resolve("clients.json"))).contains("kept-client");
    assertThat(Files.getPosixFilePermissions(zip))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    krr.controls().reset();
    assertThat(krr.controls().hasClient("kept-client")).isFalse();
    CliRun fromZip = CliRun.of("admin", "import", zip.toString(), "--url", krr.baseUrl());
    assertThat(fromZip.exitCode()).as(fromZip.err()).isZero();
    assertThat(fromZip.out()).contains("imported from", "clients");
    assertThat(krr.controls().hasClient("kept-client")).isTrue();

    krr.controls().reset();
    CliRun fromDir = CliRun.of("admin", "import", dir.toString(), "--url", krr.baseUrl());
    assertThat(fromDir.exitCode()).as(fromDir.err()).isZero();
    assertThat(krr.controls().hasClient("kept-client")).isTrue();
  }

  @Test
  void mergeKeepsWhatTheFilesDoNotName(@TempDir Path temp) throws Exception {
    krr.controls().reset();
    krr.controls().putClient(client("from-file"));
    Path dir = temp.resolve("state");
    assertThat(
            CliRun.of("admin", "export", "--dir", dir.toString(), "--url", krr.baseUrl())
                .exitCode())
        .isZero();
    krr.controls().reset();
    krr.controls().putClient(client("already-there"));

    CliRun merge = CliRun.of("admin", "import", dir.toString(), "--merge", "--url", krr.baseUrl());

    assertThat(merge.exitCode()).as(merge.err()).isZero();
    assertThat(krr.controls().hasClient("from-file")).isTrue();
    assertThat(krr.controls().hasClient("already-there")).isTrue();
  }

  @Test
  void aBrokenFileIsRefusedWholeNamingFileAndLine(@TempDir Path temp) throws Exception {
    krr.controls().reset();
    krr.controls().putClient(client("untouched"));
    Path dir = Files.createDirectories(temp.resolve("broken"));
    Files.writeString(dir.resolve("clients.json"), "[\n  {\"client_id\": \"x\",\n  oops\n]\n");

    CliRun load = CliRun.of("admin", "import", dir.toString(), "--url", krr.baseUrl());

    assertThat(load.exitCode()).isNotZero();
    assertThat(load.err()).contains("clients.json").containsPattern("line \\d+");
    assertThat(krr.controls().hasClient("untouched")).isTrue();
  }

  @Test
  void exportNeedsOneTargetAndImportAnExistingPath(@TempDir Path temp) {
    CliRun neither = CliRun.of("admin", "export", "--url", krr.baseUrl());
    CliRun missing =
        CliRun.of("admin", "import", temp.resolve("nope").toString(), "--url", krr.baseUrl());
    CliRun empty = CliRun.of("admin", "import", temp.toString(), "--url", krr.baseUrl());

    assertThat(neither.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(neither.err()).contains("--out FILE or --dir DIR");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.IO_ERROR.code);
    assertThat(empty.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(empty.err()).contains("holds no state files");
  }

  @Test
  void serveLoadsInitFilesAndWritesTheStateOnExit(@TempDir Path temp) throws Exception {
    krr.controls().reset();
    krr.controls().putClient(client("seeded-by-init"));
    Path init = temp.resolve("init");
    krr.controls().exportState(Files.createDirectories(init));
    Path out = temp.resolve("on-exit");

    EmulatorProcess serve =
        EmulatorProcess.start(
            temp.resolve("serve.log"),
            List.of(
                "--ephemeral",
                "--port",
                "0",
                "--seed-persons",
                "0",
                "--init",
                init.toString(),
                "--export-on-exit",
                out.toString()));
    // A fresh in-memory store: the client in the exported state can only come from --init.
    serve.stop();

    assertThat(Files.readString(out.resolve("clients.json"))).contains("seeded-by-init");
  }

  @Test
  void serveRefusesABrokenInitDirectoryWithoutAStackTrace(@TempDir Path temp) throws Exception {
    Path init = Files.createDirectories(temp.resolve("init"));
    Files.writeString(
        init.resolve("persons.json"), "[{\"personidentifikator\": \"12345678901\"}]\n");
    Path log = temp.resolve("serve.log");

    int code =
        EmulatorProcess.runToExit(
            log,
            List.of(
                "--ephemeral", "--port", "0", "--seed-persons", "0", "--init", init.toString()));

    assertThat(code).isEqualTo(ExitCode.USAGE.code);
    String output = Files.readString(log);
    assertThat(output)
        .contains("persons.json")
        .doesNotContain("\tat ")
        .doesNotContain("12345678901");
  }

  private static ClientSpec client(String id) {
    return ClientSpec.jwtBearer(
        id, KrrLocal.DEFAULT_ORG, "krr", Set.of(Scope.KRR_KONTAKTINFORMASJON_READ));
  }
}
