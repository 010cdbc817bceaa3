package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code krr admin journal} against krr-local's operator API: the table and JSON of the entries,
 * the filters, {@code --last}, {@code --counts}, {@code --clear} and the emulator's refusal of a
 * bad filter; no grant or token in the output.
 */
class JournalCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final OperatorCli cli = new OperatorCli();

  @BeforeEach
  void clear() {
    CliRun cleared = cli.run("admin", "journal", "--clear");
    assertThat(cleared.exitCode()).as(cleared.err()).isZero();
    assertThat(cleared.out()).contains("journal cleared");
  }

  @Test
  void listsTheRequestsNewestFirstAsATableAndAsJson() throws Exception {
    TestClient client = cli.fx().registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    String grant = cli.fx().grant(client);
    String token = cli.fx().token(grant).json().get("access_token").asText();
    cli.fx().token("not-a-jwt");

    CliRun table = cli.run("admin", "journal");
    CliRun json = cli.run("admin", "journal", "--json");

    assertThat(table.exitCode()).as(table.err()).isZero();
    String[] lines = table.out().split("\n");
    assertThat(lines[0]).startsWith("TIME").contains("METHOD", "PATH", "STATUS", "CLIENT", "MS");
    assertThat(lines[1]).contains("POST", "/maskinporten/token", "400");
    assertThat(lines[2]).contains("POST", "/maskinporten/token", "200", client.clientId());
    assertThat(table.out()).contains("2 of 2 matching, newest first");
    assertThat(table.out() + json.out()).doesNotContain(grant).doesNotContain(token);
    JsonNode entries = JSON.readTree(json.out()).get("entries");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(1).get("client_id").asText()).isEqualTo(client.clientId());
  }

  @Test
  void filtersByClientStatusServiceAndPathAndKeepsTheLastN() throws Exception {
    TestClient client = cli.fx().registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    for (int i = 0; i < 3; i++) {
      cli.fx().token(cli.fx().grant(client));
    }
    cli.fx().token("not-a-jwt");
    cli.fx()
        .get(
            cli.fx().krrLocal().baseUrl() + "/maskinporten/.well-known/oauth-authorization-server");

    JsonNode byClient = entries("admin", "journal", "--client", client.clientId(), "--json");
    JsonNode refused = entries("admin", "journal", "--status", "4xx", "--json");
    JsonNode tokens = entries("admin", "journal", "--path", "/maskinporten/token", "--json");
    JsonNode lastTwo =
        entries("admin", "journal", "--service", "maskinporten", "--last", "2", "--json");
    JsonNode none = entries("admin", "journal", "--service", "kontaktregisteret", "--json");
    CliRun noneTable = cli.run("admin", "journal", "--service", "kontaktregisteret");

    assertThat(byClient).hasSize(3);
    assertThat(byClient.findValuesAsText("status")).containsOnly("200");
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).get("status").asInt()).isEqualTo(400);
    assertThat(tokens).hasSize(4);
    assertThat(lastTwo).hasSize(2);
    assertThat(lastTwo.get(0).get("path").asText()).contains("well-known");
    assertThat(none).isEmpty();
    assertThat(noneTable.out()).contains("no requests match");
  }

  @Test
  void countsByServiceStatusAndClient() throws Exception {
    TestClient client = cli.fx().registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    cli.fx().token(cli.fx().grant(client));
    cli.fx().token(cli.fx().grant(client));
    cli.fx().token("not-a-jwt");

    CliRun table = cli.run("admin", "journal", "--counts");
    JsonNode json = JSON.readTree(cli.run("admin", "journal", "--counts", "--json").out());
    JsonNode onlyOk =
        JSON.readTree(cli.run("admin", "journal", "--counts", "--status", "200", "--json").out());

    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains("requests: 3").contains("SERVICE").contains("maskinporten");
    assertThat(json.get("count").asInt()).isEqualTo(3);
    assertThat(json.get("by_status").get("200").asInt()).isEqualTo(2);
    assertThat(json.get("by_status").get("400").asInt()).isEqualTo(1);
    assertThat(json.get("by_client").get(client.clientId()).asInt()).isEqualTo(2);
    assertThat(onlyOk.get("count").asInt()).isEqualTo(2);
  }

  @Test
  void aBadFilterIsTheEmulatorsMessage() {
    CliRun badStatus = cli.run("admin", "journal", "--status", "42");
    CliRun badService = cli.run("admin", "journal", "--service", "altinn");
    CliRun badLast = cli.run("admin", "journal", "--last", "0");
    CliRun both = cli.run("admin", "journal", "--counts", "--last", "3");
    CliRun clearSome = cli.run("admin", "journal", "--clear", "--service", "maskinporten");

    assertThat(badStatus.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(badStatus.err()).contains("status must be an HTTP status");
    assertThat(badService.exitCode()).isNotZero();
    assertThat(badService.err()).contains("service must be one of");
    assertThat(badLast.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(badLast.err()).contains("--last must be 1 or more");
    assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(both.err()).contains("--last and --counts");
    assertThat(clearSome.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(clearSome.err()).contains("--clear forgets every entry and takes no filter");
    assertThat(badStatus.err() + badService.err()).doesNotContain("Exception");
  }

  private static JsonNode entries(String... args) throws Exception {
    CliRun ran = cli.run(args);
    assertThat(ran.exitCode()).as(ran.err()).isZero();
    return JSON.readTree(ran.out()).get("entries");
  }
}
