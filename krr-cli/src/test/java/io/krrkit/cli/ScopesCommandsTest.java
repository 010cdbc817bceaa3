package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code krr scopes …}: the API owner's commands, against one emulator, as its admin. */
class ScopesCommandsTest {
  @RegisterExtension static final AdminCli cli = new AdminCli();

  @Test
  void createsListsShowsUpdatesAndDeactivatesAScope() {
    String scope = newScope();

    JsonNode created =
        cli.json(
            "scopes",
            "create",
            scope,
            "--description",
            "Demo-API",
            "--visibility",
            "PRIVATE",
            "--at-max-age",
            "300",
            "--integration-type",
            "maskinporten");
    String table = cli.ok("scopes", "list");
    JsonNode listed = cli.json("scopes", "list");
    String fields = cli.ok("scopes", "show", scope);
    JsonNode updated =
        cli.json("scopes", "update", scope, "--description", "Nytt", "--accessible-for-all");
    String deleted = cli.ok("scopes", "delete", scope);
    JsonNode inactive = cli.json("scopes", "show", scope);
    JsonNode reactivated = cli.json("scopes", "update", scope, "--active");

    assertThat(created.get("name").asText()).isEqualTo(scope);
    assertThat(created.get("visibility").asText()).isEqualTo("PRIVATE");
    assertThat(created.get("at_max_age").asInt()).isEqualTo(300);
    assertThat(created.get("allowed_integration_types").get(0).asText()).isEqualTo("maskinporten");
    assertThat(created.get("owner_orgno").asText()).isEqualTo(cli.org());
    assertThat(table.lines().findFirst().orElseThrow()).startsWith("NAME").contains("VISIBILITY");
    assertThat(table).contains(scope, "PRIVATE", "Demo-API");
    assertThat(listed.findValuesAsText("name")).contains(scope);
    assertThat(fields).contains("name:", scope, "at_max_age:", "300");
    assertThat(updated.get("description").asText()).isEqualTo("Nytt");
    assertThat(updated.get("accessible_for_all").asBoolean()).isTrue();
    assertThat(updated.get("visibility").asText()).isEqualTo("PRIVATE");
    assertThat(deleted).contains(scope);
    assertThat(inactive.get("active").asBoolean()).isFalse();
    assertThat(reactivated.get("active").asBoolean()).isTrue();
  }

  @Test
  void grantsListsAndRevokesAccess() {
    String scope = newScope();
    cli.ok("scopes", "create", scope, "--description", "Tilgangsstyrt");

    JsonNode granted =
        cli.json("scopes", "access", "grant", "--scope", scope, "--org", AdminCli.CUSTOMER);
    String table = cli.ok("scopes", "access", "list", "--scope", scope);
    JsonNode afterRevoke =
        cli.json("scopes", "access", "revoke", "--scope", scope, "--org", AdminCli.CUSTOMER);
    CliRun again =
        cli.run("scopes", "access", "revoke", "--scope", scope, "--org", AdminCli.CUSTOMER);

    assertThat(granted.get(0).get("consumer_orgno").asText()).isEqualTo(AdminCli.CUSTOMER);
    assertThat(granted.get(0).get("state").asText()).isEqualTo("APPROVED");
    assertThat(table.lines().findFirst().orElseThrow()).contains("CONSUMER", "STATE");
    assertThat(table).contains(AdminCli.CUSTOMER, "APPROVED");
    assertThat(afterRevoke).isEmpty();
    assertThat(again.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(again.err()).startsWith("krr: ").contains("404");
  }

  @Test
  void listsPublicScopesWhatWasGrantedAndTheDelegationSources() {
    String open = newScope();
    String own = newScope();
    cli.ok("scopes", "create", open, "--description", "Åpent", "--accessible-for-all");
    cli.ok("scopes", "create", own, "--description", "Til oss selv");
    cli.ok("scopes", "access", "grant", "--scope", own, "--org", cli.org());

    JsonNode all = cli.json("scopes", "all");
    JsonNode forAll = cli.json("scopes", "all", "--accessible-for-all");
    JsonNode granted = cli.json("scopes", "granted");
    JsonNode sources = cli.json("scopes", "delegation-sources");
    String sourceTable = cli.ok("scopes", "delegation-sources");

    assertThat(all.findValuesAsText("name")).contains(open, own);
    assertThat(forAll.findValuesAsText("name")).contains(open).doesNotContain(own);
    assertThat(granted.findValuesAsText("scope")).contains(own);
    assertThat(sources.findValuesAsText("issuer")).contains("https://tt02.altinn.no/");
    assertThat(sourceTable).startsWith("ISSUER").contains("https://tt02.altinn.no/");
  }

  @Test
  void anUnknownScopeIsAServiceErrorInOneLine() {
    CliRun run = cli.run("scopes", "show", newScope());

    assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("krr: ").contains("404", "No such scope");
  }

  @Test
  void badInputIsAUsageErrorBeforeAnythingIsSent() {
    CliRun malformed = cli.run("scopes", "show", "Not A Scope");
    CliRun noPrefix = cli.run("scopes", "create", "openid", "--description", "x");
    CliRun noDescription = cli.run("scopes", "create", newScope());
    CliRun badOrg = cli.run("scopes", "access", "grant", "--scope", newScope(), "--org", "12");
    CliRun badVisibility =
        cli.run("scopes", "create", newScope(), "--description", "x", "--visibility", "SECRET");

    assertThat(malformed.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(malformed.err()).contains("prefix:subscope");
    assertThat(noPrefix.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(noPrefix.err()).contains("prefix");
    assertThat(noDescription.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(noDescription.err()).contains("description is required");
    assertThat(badOrg.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(badVisibility.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(badVisibility.err()).contains("PUBLIC");
  }

  @Test
  void aFieldTheServerRefusesIsNamed() {
    CliRun run =
        cli.run(
            "scopes", "create", newScope(), "--description", "x", "--delegation-source", "altinn");

    assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(run.err()).contains("400", "delegation_source");
  }

  private static String newScope() {
    return "clitest:api-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
