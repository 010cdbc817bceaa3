package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.local.KrrLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code krr admin system-user} and {@code krr admin consent} against krr-local's operator API. */
class AltinnAdminCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CUSTOMER = "910753614";
  private static final String PID = "20914695016";

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
  void addsListsAndRemovesASystemUser() throws Exception {
    CliRun added =
        run(
            "admin",
            "system-user",
            "add",
            "--system-id",
            "310000027_fagsystem",
            "--org",
            CUSTOMER,
            "--client-id",
            "klient-1",
            "--json");
    String id = JSON.readTree(added.out()).get("id").asText();
    JsonNode listed = JSON.readTree(run("admin", "system-user", "list", "--json").out());
    CliRun removed = run("admin", "system-user", "remove", "--id", id);
    CliRun again = run("admin", "system-user", "remove", "--id", id);

    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(listed.findValuesAsText("external_ref")).contains(CUSTOMER);
    assertThat(removed.exitCode()).as(removed.err()).isZero();
    assertThat(again.exitCode()).isNotZero();
    assertThat(again.err()).contains("no system user with id");
  }

  @Test
  void addsListsAndRemovesAConsent() throws Exception {
    CliRun added =
        run(
            "admin",
            "consent",
            "add",
            "--from",
            "urn:altinn:person:identifier-no:" + PID,
            "--to",
            "310000027",
            "--valid-to",
            "2999-01-01T00:00:00Z",
            "--json");
    String id = JSON.readTree(added.out()).get("id").asText();
    JsonNode listed = JSON.readTree(run("admin", "consent", "list", "--json").out());
    CliRun removed = run("admin", "consent", "remove", "--id", id);

    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(listed.findValuesAsText("id")).contains(id);
    assertThat(removed.exitCode()).as(removed.err()).isZero();
  }

  @Test
  void badInputIsTheOperatorApisMessageWithoutTheIdentityNumber() {
    CliRun badSystem =
        run(
            "admin",
            "system-user",
            "add",
            "--system-id",
            "Fagsystem",
            "--org",
            CUSTOMER,
            "--client-id",
            "k");
    CliRun badFrom =
        run("admin", "consent", "add", "--from", PID, "--to", "310000027", "--valid-to", "x");
    CliRun oddId = run("admin", "consent", "remove", "--id", "a b/c");

    assertThat(badSystem.exitCode()).isNotZero();
    assertThat(badSystem.err()).contains("<orgno>_<name>");
    assertThat(badFrom.exitCode()).isNotZero();
    assertThat(badFrom.err()).contains("from must be").doesNotContain(PID);
    assertThat(oddId.exitCode()).isNotZero();
    assertThat(oddId.err()).contains("no consent with id");
  }

  private static CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--url";
    all[args.length + 1] = krr.baseUrl();
    return CliRun.of(all);
  }
}
