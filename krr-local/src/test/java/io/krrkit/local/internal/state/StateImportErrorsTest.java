package io.krrkit.local.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad state files are refused whole: 400 {@code invalid_request} in the operator API's shape (or an
 * {@link IllegalArgumentException} in-process) naming each problem's file and line, never the value
 * (an identity number, a key), and nothing of the files is imported.
 */
class StateImportErrorsTest {
  private static final String BAD_ID = "20914695017"; // 20914695016 with a wrong control digit
  private static LocalFixture fx;
  private static StateCalls calls;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(5).adminApi(true));
    calls = new StateCalls(fx);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void invalidJsonNamesTheFileAndLine() {
    Answer answer =
        calls.load(
            Map.of("clients.json", "[\n  {\n    \"client_id\": \"broken\",\n    oops\n  }\n]"), "");

    assertRefused(answer, "clients.json line 4", "not valid JSON");
    assertThat(answer.body()).doesNotContain("oops");
  }

  @Test
  void aSixthKeyIsRefused() {
    StringJoiner keys = new StringJoiner(",\n");
    for (int i = 0; i < 6; i++) {
      keys.add("      " + StateCalls.newKey().toPublicJWK().toJSONString());
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("clients.json", client("six-keys"));
    files.put(
        "keys.json",
        "[\n  {\n    \"client_id\": \"six-keys\",\n    \"keys\": [\n" + keys + "\n    ]\n  }\n]");

    assertRefused(calls.load(files, ""), "keys.json line 2", "at most 5");
    assertThat(fx.krrLocal().controls().hasClient("six-keys")).isFalse();
  }

  @Test
  void anInvalidIdentityNumberIsNamedByLineNeverByValue() {
    Answer answer =
        calls.load(
            Map.of(
                "persons.json",
                "[\n  {\"personidentifikator\": \"01817090148\"},\n  {\"personidentifikator\": \""
                    + BAD_ID
                    + "\", \"reservasjon\": \"NEI\"}\n]"),
            "");

    assertRefused(answer, "persons.json line 3", "not a valid identity number");
    assertThat(answer.body()).doesNotContain(BAD_ID);
  }

  @Test
  void accessToAnUnknownScopeIsRefused() {
    Answer answer =
        calls.load(
            Map.of(
                "access.json",
                "[\n  {\n    \"scope\": \"nosuch:scope\",\n    \"consumer_orgno\": \"910753614\"\n"
                    + "  }\n]"),
            "");

    assertRefused(answer, "access.json line 2", "nosuch:scope is not registered");
  }

  @Test
  void aBrokenRuleOfAClientNamesTheField() {
    Answer answer =
        calls.load(
            Map.of(
                "clients.json",
                "[\n"
                    + client("ok-client").substring(2, client("ok-client").length() - 2)
                    + ",\n  {\"client_id\": \"no-type\", \"client_orgno\": \"310000027\"}\n]"),
            "");

    assertRefused(answer, "clients.json line 8", "integration_type is required");
    assertThat(fx.krrLocal().controls().hasClient("ok-client")).isFalse();
  }

  @Test
  void aForgottenPersonMustBeAValidNumberListedOnceAndNotStoredToo() {
    String person = "{\"personidentifikator\": \"20914695016\"}";

    assertRefused(
        calls.load(
            Map.of("persons-forgotten.json", "[\n{\"personidentifikator\": \"" + BAD_ID + "\"}]"),
            ""),
        "persons-forgotten.json line 2",
        "not a valid identity number");
    assertRefused(
        calls.load(Map.of("persons-forgotten.json", "[" + person + ",\n" + person + "]"), ""),
        "persons-forgotten.json line 2",
        "the same as at line 1");
    assertRefused(
        calls.load(
            Map.of(
                "persons.json", "[" + person + "]", "persons-forgotten.json", "[" + person + "]"),
            ""),
        "persons-forgotten.json line 1",
        "a person is either stored or forgotten");
    assertRefused(
        calls.load(Map.of("persons-forgotten.json", "[{\"id\": \"20914695016\"}]"), ""),
        "persons-forgotten.json line 1",
        "each item is");
    assertThat(calls.admin("GET", "/admin/persons/20914695016", null).status()).isEqualTo(200);
  }

  @Test
  void nothingIsHalfImported() {
    Map<String, String> before = calls.export("");
    Map<String, String> files = new LinkedHashMap<>();
    files.put("clients.json", client("half"));
    files.put(
        "delegations.json",
        "[{\"consumer_orgno\":\"910753614\",\"supplier_orgno\":\"310000027\",\"scope\":\"a:b\"}]");
    files.put("persons.json", "[{\"personidentifikator\": \"" + BAD_ID + "\"}]");

    assertRefused(calls.load(files, ""), "persons.json line 1", "identity number");

    assertThat(fx.krrLocal().controls().hasClient("half")).isFalse();
    assertThat(calls.export("").get("delegations.json")).isEqualTo(before.get("delegations.json"));
    assertThat(calls.export("").get("clients.json")).isEqualTo(before.get("clients.json"));
  }

  @Test
  void theBootstrapClientIsLeftAlone() {
    String own = fx.krrLocal().bootstrap().clientId();

    assertRefused(
        calls.load(Map.of("clients.json", client(own)), ""),
        "clients.json line 2",
        "own self-service client");
  }

  @Test
  void unknownFilesNotZipAndBadModeAreRefused() {
    assertRefused(calls.load(Map.of("cliens.json", "[]"), ""), "cliens.json", "not a state file");
    Answer notZip =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + "/admin/state"))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofString("[]")));
    assertRefused(notZip, "not a zip archive");
    assertRefused(calls.load(Map.of("clients.json", "[]"), "mode=sideways"), "mode must be");
    Answer json =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + "/admin/state"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertRefused(json, "zip archive");
  }

  @Test
  void inProcessImportNamesTheFileAndLineToo(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("persons.json"), "[\n\n  {\"personidentifikator\": \"" + BAD_ID + "\"}\n]");
    Files.writeString(dir.resolve("README.md"), "not a state file, left alone");

    assertThatThrownBy(() -> fx.krrLocal().controls().importState(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("persons.json line 3")
        .hasMessageNotContaining(BAD_ID);
  }

  @Test
  void mergeKeepsWhatTheFilesDoNotName() {
    String kept = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ).clientId();
    Map<String, String> files = Map.of("clients.json", client("merged-in"));
    int clientsBefore = StateCalls.json(calls.export("").get("clients.json")).size();

    Answer merged = calls.load(files, "mode=merge");

    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    assertThat(StateCalls.json(calls.export("").get("clients.json"))).hasSize(clientsBefore + 1);
    assertThat(fx.krrLocal().controls().hasClient(kept)).isTrue();
    assertThat(fx.krrLocal().controls().hasClient("merged-in")).isTrue();
  }

  private static String client(String id) {
    return "[\n  {\n    \"client_id\": \""
        + id
        + "\",\n    \"client_orgno\": \"310000027\",\n    \"integration_type\": \"krr\",\n"
        + "    \"client_name\": \"from a file\"\n  }\n]";
  }

  private static void assertRefused(Answer answer, String... parts) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().path("error").asText()).isEqualTo("invalid_request");
    assertThat(answer.json().path("error_description").asText()).contains(parts);
  }
}
