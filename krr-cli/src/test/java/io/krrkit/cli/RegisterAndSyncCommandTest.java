package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.Scope;
import io.krrkit.junit.KrrLocalExtension;
import io.krrkit.junit.TestClient;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.krr.PopulationSpec;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code krr register ...} against the operator API and {@code krr sync} keeping a copy. */
class RegisterAndSyncCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NEW = KnownPersons.NOT_REGISTERED.value();

  @RegisterExtension
  static final KrrLocalExtension emulator =
      KrrLocalExtension.builder().seedPersons(0).configure(b -> b.adminApi(true)).build();

  private static KrrLocal krr;
  @TempDir static Path dir;
  private static String[] asFeedClient;

  @BeforeAll
  static void startEmulator() throws Exception {
    krr = emulator.krrLocal();
    asFeedClient = feedClient();
  }

  @Test
  void seedPutGetDeleteAndExportThroughTheOperatorApi() throws Exception {
    CliRun seed = register("seed", "--count", "300", "--seed", "2", "--json");
    assertThat(seed.exitCode()).as(seed.err()).isZero();
    assertThat(JSON.readTree(seed.out()).get("stored").asLong())
        .isEqualTo(Internals.of(krr).register().count());

    CliRun put =
        register("put", NEW, "--json", "--body", "{\"reservasjon\":\"JA\",\"spraak\":\"se\"}");
    CliRun get = register("get", NEW, "--json");
    assertThat(put.exitCode()).as(put.err()).isZero();
    assertThat(JSON.readTree(get.out()).get("spraak").asText()).isEqualTo("se");

    CliRun deleted = register("delete", NEW, "--json");
    assertThat(JSON.readTree(deleted.out()).get("status").asText()).isEqualTo("SLETTET");

    Path export = dir.resolve("export.jsonl");
    CliRun exported = register("export", "--out", export.toString());
    assertThat(exported.exitCode()).as(exported.err()).isZero();
    assertThat(Files.readAllLines(export)).hasSize((int) Internals.of(krr).register().count());
  }

  @Test
  void badBodiesAndUnknownPersonsFailWithAMessage() {
    CliRun notJson = register("put", NEW, "--body", "{reservasjon");
    CliRun refused = register("put", NEW, "--body", "{\"spraak\":\"de\"}");
    CliRun unknown = register("get", "06869590213");

    assertThat(notJson.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(refused.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(refused.err()).contains("spraak must be one of");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
  }

  @Test
  void syncKeepsACopyThatFollowsTheRegister() throws Exception {
    Path copyDir = Files.createDirectories(dir.resolve("copy"));
    CliRun first = sync(copyDir);
    assertThat(first.exitCode()).as(first.err()).isZero();
    Path snapshot = copyDir.resolve("krr-copy.jsonl");
    // The copy holds the whole register: the computed population, and what tests here stored.
    PopulationSpec spec = Internals.of(krr).register().populationSpec().orElseThrow();
    Set<String> population =
        Stream.concat(
                KnownPersons.entries(spec.drawnAt()).stream(),
                new SyntheticRegister(spec.seed(), Shares.DEFAULT, spec.drawnAt())
                    .entries(spec.size()))
            .map(e -> e.personidentifikator().value())
            .collect(Collectors.toSet());
    List<String> copied =
        Files.readAllLines(snapshot).stream()
            .map(l -> parse(l).get("personidentifikator").asText())
            .toList();
    assertThat(copied).doesNotHaveDuplicates().containsAll(population);
    assertThat(copied.stream().filter(id -> !population.contains(id))).isSubsetOf(NEW);

    register("delete", KnownPersons.ACTIVE.value());
    CliRun second = sync(copyDir);

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("(1 changed in 1 pages)");
    JsonNode active =
        Files.readAllLines(snapshot).stream()
            .map(RegisterAndSyncCommandTest::parse)
            .filter(p -> p.get("personidentifikator").asText().equals(KnownPersons.ACTIVE.value()))
            .findFirst()
            .orElseThrow();
    assertThat(active.get("status").asText()).isEqualTo("SLETTET");
    assertThat(Files.readString(copyDir.resolve("krr-copy.jsonl.change-id")).trim())
        .isEqualTo(
            Long.toString(Long.parseLong(second.out().replaceAll("(?s).*-> (\\d+).*", "$1"))));
  }

  private static CliRun sync(Path out) {
    String[] args = new String[asFeedClient.length + 3];
    args[0] = "sync";
    args[1] = "--out";
    args[2] = out.toString();
    System.arraycopy(asFeedClient, 0, args, 3, asFeedClient.length);
    return CliRun.of(args);
  }

  private static CliRun register(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "register";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--url";
    all[args.length + 2] = krr.baseUrl();
    return CliRun.of(all);
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A KRR client granted the change feed scope directly, and its key in a file. */
  private static String[] feedClient() throws Exception {
    TestClient client =
        emulator.registerClient(
            KrrLocal.DEFAULT_ORG,
            IntegrationType.KRR,
            Set.of(Scope.of("krr:global/hentendring.read")));
    Path keyFile = dir.resolve("sync.jwk");
    Files.writeString(keyFile, client.key().toJSONString());
    return new String[] {
      "--url", krr.baseUrl(), "--client-id", client.clientId(), "--key", keyFile.toString()
    };
  }
}
