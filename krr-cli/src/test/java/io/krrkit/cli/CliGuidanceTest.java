package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A CLI that guides: profiles written by {@code krr init} so later commands need no options, keys
 * in every format users hold, errors that name the fix, help that reads well, completion.
 */
class CliGuidanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCOPE = "krr:global/kontaktinformasjon.read";
  private static CliEmulator krr;
  @TempDir static Path dir;
  private static Path bootstrap;
  private Path config;

  @BeforeAll
  static void startEmulator() throws Exception {
    krr = CliEmulator.start(dir);
    bootstrap = krr.bootstrap;
  }

  @AfterAll
  static void stopEmulator() {
    krr.close();
  }

  @BeforeEach
  void ownConfigFile(@TempDir Path home) {
    config = home.resolve("krr").resolve("config.properties");
    System.setProperty("krr.config", config.toString());
  }

  @AfterEach
  void noConfigFile() {
    System.clearProperty("krr.config");
  }

  @Test
  void initWritesAProfileSoLaterCommandsNeedNoOptions() throws Exception {
    CliRun init = CliRun.of("init", "--bootstrap", bootstrap.toString(), "--url", krr.baseUrl());

    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(init.out()).contains("profile:     local").contains("krr lookup");
    assertThat(Files.readString(config))
        .contains("default-profile = local", "local.url = " + krr.baseUrl(), "local.key = keys/");
    assertThat(Files.getPosixFilePermissions(config.resolveSibling("keys/local.jwk")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    CliRun lookup = CliRun.of("lookup", "--json", KnownPersons.ACTIVE.value());
    assertThat(lookup.exitCode()).as(lookup.err()).isZero();
    assertThat(JSON.readTree(lookup.out()).at("/personer/0/personidentifikator").asText())
        .isEqualTo(KnownPersons.ACTIVE.value());
    CliRun token = CliRun.of("token", "--scope", SCOPE);
    assertThat(token.exitCode()).as(token.err()).isZero();
  }

  @Test
  void theCommandLineWinsOverTheProfileAndAnUnknownProfileNamesTheFix() {
    assertThat(CliRun.of("init", "--bootstrap", bootstrap.toString(), "--url", krr.baseUrl()))
        .extracting(CliRun::exitCode)
        .isEqualTo(0);

    CliRun elsewhere = CliRun.of("token", "--scope", SCOPE, "--url", "http://127.0.0.1:9");
    CliRun unknown = CliRun.of("--profile", "nosuch", "token", "--scope", SCOPE);
    CliRun again = CliRun.of("init", "--bootstrap", bootstrap.toString());

    assertThat(elsewhere.exitCode()).isEqualTo(ExitCode.UNREACHABLE.code);
    assertThat(elsewhere.err()).contains("--url URL (env KRR_LOCAL_URL)");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(unknown.err()).contains("no profile 'nosuch'").contains("krr init --profile nosuch");
    assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(again.err()).contains("profile 'local' exists").contains("--force");
  }

  @Test
  void initWithAnExtraScopeGivesAClientForIt() throws Exception {
    CliRun init =
        CliRun.of(
            "--profile",
            "extra",
            "init",
            "--bootstrap",
            bootstrap.toString(),
            "--url",
            krr.baseUrl(),
            "--scope",
            "krr:global/kontaktinformasjon.read");

    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(Files.readString(config)).contains("extra.client-id = ");
    CliRun token = CliRun.of("--profile", "extra", "token", "--scope", SCOPE);
    assertThat(token.exitCode()).as(token.err()).isZero();
  }

  @Test
  void pemAndPkcs1AndPkcs12KeysSignGrantsLikeTheJwk() throws Exception {
    RSAKey key = KeygenCommand.generate("pem-key");
    String clientId = clientOf(key);
    Path pkcs8 = dir.resolve("k8.pem");
    Files.writeString(pkcs8, pem("PRIVATE KEY", key.toRSAPrivateKey().getEncoded()));
    Path pkcs1 = opensslPkcs1(pkcs8);

    for (Path file : List.of(pkcs8, pkcs1)) {
      CliRun token = token(clientId, file, "--key-id", "pem-key");
      assertThat(token.exitCode()).as(file + ": " + token.err()).isZero();
    }
    CliRun noKid = token(clientId, pkcs8);
    assertThat(noKid.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(noKid.err()).contains("--key-id KID").doesNotContain("BEGIN");

    Path p12 = dir.resolve("k.p12");
    keytool(p12, "p12-key");
    RSAKey fromStore = CliKeyFiles.readPrivate(p12, null, "secret-pw".toCharArray());
    String p12Client = clientOf(fromStore);
    CliRun withStore = token(p12Client, p12, "--keystore-password", "secret-pw");
    CliRun wrongPassword = token(p12Client, p12, "--keystore-password", "nope");
    assertThat(withStore.exitCode()).as(withStore.err()).isZero();
    assertThat(fromStore.getKeyID()).isEqualTo("p12-key");
    assertThat(wrongPassword.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(wrongPassword.err()).contains("password is wrong");
  }

  @Test
  void aMissingKeyFileSaysHowToMakeOne() {
    CliRun run = token("some-client", dir.resolve("nosuch.jwk"));

    assertThat(run.exitCode()).isEqualTo(ExitCode.IO_ERROR.code);
    assertThat(run.err()).contains("no key file").contains("nosuch.jwk").contains("krr keygen");
  }

  @Test
  void lookupSkipsAnInvalidNumberAndLooksUpTheRest() throws Exception {
    List<String> args = new ArrayList<>(List.of("lookup", "--json"));
    args.addAll(List.of(krr.actAsNewKrrClient("Lookup", "lookup-key")));
    args.addAll(List.of(KnownPersons.ACTIVE.value(), "12345678901"));

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(JSON.readTree(run.out()).get("personer")).hasSize(1);
    assertThat(run.err())
        .contains("argument 2")
        .contains("1 of 2 identity numbers skipped")
        .doesNotContain("12345678901");
  }

  @Test
  void lookupOffersNoBootstrapFileSinceItCannotLookUp() {
    assertThat(CliRun.of("lookup", "--help").out()).doesNotContain("--bootstrap");
    assertThat(CliRun.of("client", "create", "--help").out()).contains("--bootstrap");
  }

  @Test
  void serveOnATakenPortFailsAtOnceWithItsOwnCode() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      CliRun run = CliRun.of("serve", "--ephemeral", "--port", "" + taken.getLocalPort());

      assertThat(run.exitCode()).isEqualTo(ExitCode.PORT_IN_USE.code);
      assertThat(run.err()).contains("is taken").contains("--port").doesNotContain("ERROR");
    }
  }

  @Test
  void aMistypedCommandGetsASuggestion() {
    CliRun run = CliRun.of("lookupp");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(run.err()).contains("Did you mean: lookup");
  }

  @Test
  void versionComesFromTheBuild() {
    CliRun run = CliRun.of("--version");

    assertThat(run.out()).matches("(?s)krr \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\RJava .*");
  }

  @Test
  void everyCommandsHelpPrintsWithoutWarningsAndItsSummaryIsASentence() {
    List<String> problems = new ArrayList<>();
    CommandLine krr = Krr.commandLine();
    krr.setUsageHelpWidth(Krr.HELP_WIDTH);
    visit(krr, problems);

    assertThat(problems).isEmpty();
  }

  @Test
  void aSubcommandNamedFirstIsBuiltAloneAndHelpsAsInTheWholeTree() {
    CommandLine all = Krr.commandLine();
    all.setUsageHelpWidth(Krr.HELP_WIDTH);

    for (String name : all.getSubcommands().keySet()) {
      CommandLine alone = Krr.commandLine(name, "--help");
      alone.setUsageHelpWidth(Krr.HELP_WIDTH);
      boolean wholeTree = name.equals("help") || name.equals("completion");

      assertThat(alone.getSubcommands().keySet())
          .as(name)
          .isEqualTo(wholeTree ? all.getSubcommands().keySet() : java.util.Set.of(name));
      assertThat(alone.getSubcommands().get(name).getUsageMessage())
          .as(name)
          .isEqualTo(all.getSubcommands().get(name).getUsageMessage());
    }
    assertThat(Krr.commandLine("--profile", "serve").getSubcommands())
        .hasSameSizeAs(all.getSubcommands());
  }

  @Test
  void bashCompletesCommandsAndOptions() throws Exception {
    Path script = dir.resolve("krr.bash");
    CliRun completion = CliRun.of("completion", "bash");
    Files.writeString(script, completion.out());

    assertThat(complete(script, "krr look")).contains("lookup");
    assertThat(complete(script, "krr lookup --res")).contains("--resume");
    assertThat(CliRun.of("completion", "zsh").out()).contains("ZSH_VERSION");
  }

  private static void visit(CommandLine cli, List<String> problems) {
    String name = cli.getCommandSpec().qualifiedName();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    java.io.PrintStream originalErr = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      cli.usage(new PrintWriter(out, true));
    } finally {
      System.setErr(originalErr);
    }
    String warnings = stderr.toString(StandardCharsets.UTF_8) + err;
    if (!warnings.isBlank()) {
      problems.add(name + " --help warns: " + warnings.strip());
    }
    String[] description = cli.getCommandSpec().usageMessage().description();
    if (!name.equals("krr help")
        && (description.length == 0 || !description[0].strip().matches(".*[.)]$"))) {
      problems.add(
          name + ": summary is not a sentence: " + (description.length == 0 ? "" : description[0]));
    }
    for (String line : description.length > 1 ? description : new String[0]) {
      if (line.length() > Krr.HELP_WIDTH) {
        problems.add(name + ": a line wider than the help (" + Krr.HELP_WIDTH + "): " + line);
      }
    }
    cli.getSubcommands().values().stream().distinct().forEach(sub -> visit(sub, problems));
  }

  private static String complete(Path script, String line) throws Exception {
    String[] words = line.split(" ");
    String bash =
        "source '"
            + script
            + "' 2>/dev/null; COMP_WORDS=("
            + line
            + "); COMP_CWORD="
            + (words.length - 1)
            + "; COMP_LINE='"
            + line
            + "'; COMP_POINT="
            + line.length()
            + "; _complete_krr 2>/dev/null; echo \"${COMPREPLY[@]}\"";
    Process p = new ProcessBuilder("bash", "-c", bash).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private static CliRun token(String clientId, Path key, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "token",
                "--scope",
                SCOPE,
                "--url",
                krr.baseUrl(),
                "--client-id",
                clientId,
                "--key",
                key.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** A KRR client registered through the CLI with {@code key}'s public part; its id. */
  private static String clientOf(RSAKey key) throws Exception {
    return krr.registerKrrClient("Keys " + key.getKeyID(), key);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** The same key as PKCS#1 ({@code RSA PRIVATE KEY}), as openssl writes it. */
  private static Path opensslPkcs1(Path pkcs8) throws Exception {
    Path out = dir.resolve("k1-openssl.pem");
    run("openssl", "rsa", "-in", pkcs8.toString(), "-out", out.toString(), "-traditional");
    assertThat(Files.readString(out)).contains("BEGIN RSA PRIVATE KEY");
    return out;
  }

  private static void keytool(Path p12, String alias) throws Exception {
    run(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair",
        "-keystore",
        p12.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "secret-pw",
        "-alias",
        alias,
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=krr-kit test");
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
  }
}
