package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrEnvironment;
import io.krrkit.krr.LookupResult;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.selfservice.RegisteredClient;
import io.krrkit.selfservice.SelfServiceClient;
import io.krrkit.selfservice.SelfServiceEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code krr client …} and {@code krr client keys …} against one emulator, as its admin. */
class ClientCommandsTest {
  @RegisterExtension static final AdminCli cli = new AdminCli();

  @Test
  void createsListsShowsUpdatesAndDeletesAClient() {
    String id = createKrrClient("Varsling");

    JsonNode listed = cli.json("client", "list");
    String table = cli.ok("client", "list");
    JsonNode shown = cli.json("client", "show", id);
    String fields = cli.ok("client", "show", id);
    JsonNode updated =
        cli.json("client", "update", id, "--name", "Varsling 2", "--description", "Ny");
    String deleted = cli.ok("client", "delete", id);
    CliRun gone = cli.run("client", "show", id);

    assertThat(listed.findValuesAsText("client_id")).contains(id);
    assertThat(table.lines().findFirst().orElseThrow())
        .startsWith("CLIENT_ID")
        .contains("TYPE", "NAME", "SCOPES");
    assertThat(table).contains(id + "  krr  ");
    assertThat(shown.get("client_name").asText()).isEqualTo("Varsling");
    assertThat(shown.get("scopes").toString()).contains("krr:global/kontaktinformasjon.read");
    assertThat(fields).contains("client_id:", id, "integration_type:", "krr");
    assertThat(updated.get("client_name").asText()).isEqualTo("Varsling 2");
    assertThat(updated.get("description").asText()).isEqualTo("Ny");
    assertThat(updated.get("integration_type").asText()).isEqualTo("krr");
    assertThat(deleted).contains(id);
    assertThat(gone.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
  }

  @Test
  void updateAddsAndRemovesScopes() {
    String id =
        cli.json(
                "client",
                "create",
                "--type",
                "maskinporten",
                "--name",
                "Eksport",
                "--scope",
                "difitest:open")
            .get("client_id")
            .asText();

    JsonNode added = cli.json("client", "update", id, "--add-scope", "difitest:annen");
    JsonNode removed = cli.json("client", "update", id, "--remove-scope", "difitest:open");

    assertThat(texts(added.get("scopes")))
        .containsExactlyInAnyOrder("difitest:open", "difitest:annen");
    assertThat(texts(removed.get("scopes"))).containsExactly("difitest:annen");
  }

  @Test
  void unknownClientIdIsOneClearLineAndAServiceError() {
    CliRun run = cli.run("client", "show", "00000000-0000-0000-0000-000000000000");

    assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("krr: ").contains("404").contains("No such client");
  }

  @Test
  void malformedScopeIsAUsageErrorBeforeAnythingIsSent() {
    CliRun run =
        cli.run(
            "client", "create", "--type", "maskinporten", "--name", "X", "--scope", "Not A Scope");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(run.err()).startsWith("krr: ").contains("prefix:subscope");
  }

  @Test
  void rotatesKeysAndDeletesOneOrAll() throws Exception {
    String id = createKrrClient("Nøkler");
    String first = cli.file("first");
    String kidA = kid("a");
    String kidB = kid("b");
    String kidC = kid("c");

    String rotated =
        cli.ok("client", "keys", "rotate", "--client", id, "--kid", kidA, "--out", first);
    cli.ok("client", "keys", "rotate", "--client", id, "--kid", kidB, "--out", cli.file("second"));
    JsonNode both = cli.json("client", "keys", "list", "--client", id);
    String table = cli.ok("client", "keys", "list", "--client", id);
    JsonNode afterDelete = cli.json("client", "keys", "delete", "--client", id, "--kid", kidA);
    JsonNode retired =
        cli.json(
            "client",
            "keys",
            "rotate",
            "--client",
            id,
            "--kid",
            kidC,
            "--retire-old",
            "--out",
            cli.file("third"));
    JsonNode none = cli.json("client", "keys", "delete", "--client", id, "--all");

    assertThat(rotated).contains("kid:", kidA, "private key: " + first + ".jwk");
    assertThat(Files.getPosixFilePermissions(Path.of(first + ".jwk")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.readString(Path.of(first + ".pub.jwk"))).doesNotContain("\"d\"");
    assertThat(texts(both.findValues("kid"))).containsExactlyInAnyOrder(kidA, kidB);
    assertThat(table.lines().findFirst().orElseThrow()).contains("KID", "ALG", "EXPIRES");
    assertThat(table).contains(kidA, kidB, "RS256");
    assertThat(texts(afterDelete.findValues("kid"))).containsExactly(kidB);
    assertThat(texts(retired.findValues("kid"))).containsExactly(kidC);
    assertThat(none.get("keys")).isEmpty();
  }

  @Test
  void aRefusedRotationLeavesNoKeyFileBehind() {
    String taken = kid("taken");
    String id = createKrrClient("Avvist rotasjon");
    cli.ok("client", "keys", "rotate", "--client", id, "--kid", taken, "--out", cli.file("taken"));
    String other = createKrrClient("Samme kid");

    CliRun run =
        cli.run(
            "client",
            "keys",
            "rotate",
            "--client",
            other,
            "--kid",
            taken,
            "--out",
            cli.file("dup"));

    assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(Path.of(cli.file("dup") + ".jwk")).doesNotExist();
    assertThat(Path.of(cli.file("dup") + ".pub.jwk")).doesNotExist();
  }

  @Test
  void keysDeleteNeedsKidOrAll() {
    CliRun run = cli.run("client", "keys", "delete", "--client", "x");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(run.err()).contains("--kid", "--all");
  }

  @Test
  void deletingAKidTheClientDoesNotHaveSaysSo() {
    String id = createKrrClient("Ingen slik nøkkel");

    CliRun run = cli.run("client", "keys", "delete", "--client", id, "--kid", "finnes-ikke");

    assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(run.err()).contains("has no key finnes-ikke");
  }

  @Test
  void aSupplierCreatesAndKeysAClientForACustomer() {
    JsonNode created =
        cli.json("client", "create", "--name", "For kunden", "--customer-org", AdminCli.CUSTOMER);
    String id = created.get("client_id").asText();

    String rotated =
        cli.ok(
            "client", "keys", "rotate", "--client", id, "--supplier", "--out", cli.file("kunde"));
    CliRun withoutSupplier = cli.run("client", "show", id);
    CliRun badOrg = cli.run("client", "create", "--name", "X", "--customer-org", "123");

    assertThat(created.get("client_orgno").asText()).isEqualTo(AdminCli.CUSTOMER);
    assertThat(created.get("supplier_orgno").asText()).isEqualTo(cli.org());
    assertThat(rotated).contains("kid:");
    assertThat(withoutSupplier.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(withoutSupplier.err()).contains("403", "idporten:dcr.supplier");
    assertThat(badOrg.exitCode()).isEqualTo(ExitCode.USAGE.code);
  }

  @Test
  void aClientCreatedByTheCliIsUsableThroughTheLibrariesAtOnce() throws Exception {
    String id = createKrrClient("To dører");
    String key = cli.file("doors");
    cli.ok("client", "keys", "rotate", "--client", id, "--out", key);

    RegisteredClient seen = adminLibrary().getClient(id);
    KrrClient lookups =
        KrrClient.builder()
            .environment(KrrEnvironment.custom(cli.krr().kontaktregisteretUrl()))
            .maskinporten(
                maskinporten(id, RSAKey.parse(Files.readString(Path.of(key + ".jwk")))),
                Scope.KRR_KONTAKTINFORMASJON_READ)
            .build();
    LookupResult result = lookups.lookup(List.of(KnownPersons.ACTIVE));

    assertThat(seen.clientName()).isEqualTo("To dører");
    assertThat(result.persons()).hasSize(1);
    assertThat(result.persons().get(0).personidentifikator())
        .isEqualTo(KnownPersons.ACTIVE.value());
  }

  private static SelfServiceClient adminLibrary() throws Exception {
    KrrLocal krr = cli.krr();
    return SelfServiceClient.builder()
        .environment(SelfServiceEnvironment.custom(krr.selfServiceUrl()))
        .maskinporten(
            maskinporten(krr.bootstrap().clientId(), RSAKey.parse(krr.bootstrap().privateJwk())))
        .build();
  }

  private static MaskinportenClient maskinporten(String clientId, RSAKey key) {
    return MaskinportenClient.builder()
        .environment(MaskinportenEnvironment.custom(cli.krr().maskinportenIssuer()))
        .clientId(clientId)
        .signingKey(key)
        .build();
  }

  private static String createKrrClient(String name) {
    return cli.json("client", "create", "--name", name).get("client_id").asText();
  }

  private static String kid(String name) {
    return name + "-" + UUID.randomUUID();
  }

  private static List<String> texts(Iterable<JsonNode> nodes) {
    List<String> list = new ArrayList<>();
    nodes.forEach(n -> list.add(n.asText()));
    return list;
  }
}
