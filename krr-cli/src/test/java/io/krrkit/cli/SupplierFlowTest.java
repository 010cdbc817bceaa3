package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.local.KrrLocal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A supplier acting for a customer, end to end through the CLI: delegation (MP-251), the customer's
 * access (MP-250), and on-behalf-of registrations, against one emulator with its operator API on.
 */
class SupplierFlowTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CUSTOMER = "910753614";
  private static final String DELEGATED = "difitest:delegert";
  private static final String OPEN = "difitest:open";

  private static KrrLocal krr;
  @TempDir static Path dir;
  private static String bootstrap;
  private static String supplier;
  private static String[] asSupplier;

  @BeforeAll
  static void registerTheSuppliersClient() throws Exception {
    krr = KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true).build().start();
    bootstrap = dir.resolve("bootstrap.json").toString();
    Files.writeString(Path.of(bootstrap), krr.bootstrap().toJson());
    supplier = krr.bootstrap().orgno();
    String key = dir.resolve("supplier").toString();
    ok("keygen", "--out", key, "--kid", "supplier-key");
    String clientId =
        JSON.readTree(
                ok(
                    "client",
                    "create",
                    "--bootstrap",
                    bootstrap,
                    "--type",
                    "maskinporten",
                    "--name",
                    "Leverandør",
                    "--scope",
                    DELEGATED,
                    "--scope",
                    OPEN,
                    "--json"))
            .get("client_id")
            .asText();
    ok(
        "client",
        "keys",
        "upload",
        "--bootstrap",
        bootstrap,
        "--client",
        clientId,
        "--public-key",
        key + ".pub.jwk");
    asSupplier =
        new String[] {"--url", krr.baseUrl(), "--client-id", clientId, "--key", key + ".jwk"};
  }

  @AfterAll
  static void stop() {
    krr.close();
  }

  @Test
  void supplierGetsATokenForTheCustomerOnceDelegatedAndGranted() throws Exception {
    String[] url = {"--url", krr.baseUrl()};
    ok(args(new String[] {"admin", "scope", "add", "--scope", DELEGATED}, url));

    CliRun notDelegated = token("--scope", DELEGATED, "--consumer-org", CUSTOMER);
    ok(
        args(
            new String[] {
              "admin",
              "delegation",
              "add",
              "--consumer",
              CUSTOMER,
              "--supplier",
              supplier,
              "--scope",
              DELEGATED
            },
            url));
    CliRun notGranted = token("--scope", DELEGATED, "--consumer-org", CUSTOMER);
    ok(
        args(
            new String[] {"admin", "access", "grant", "--scope", DELEGATED, "--org", CUSTOMER},
            url));
    CliRun granted = token("--scope", DELEGATED, "--consumer-org", CUSTOMER);
    String delegations = ok(args(new String[] {"admin", "delegation", "list", "--json"}, url));

    assertThat(notDelegated.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(notDelegated.err()).contains("MP-251");
    assertThat(notGranted.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(notGranted.err()).contains("MP-250");
    assertThat(granted.exitCode()).as(granted.err()).isZero();
    JWTClaimsSet claims = SignedJWT.parse(granted.out().trim()).getJWTClaimsSet();
    assertThat(claims.getJSONObjectClaim("consumer")).containsEntry("ID", "0192:" + CUSTOMER);
    assertThat(claims.getJSONObjectClaim("supplier")).containsEntry("ID", "0192:" + supplier);
    assertThat(claims.getStringClaim("delegation_source")).isEqualTo("https://tt02.altinn.no/");
    assertThat(JSON.readTree(delegations).findValuesAsText("consumer_orgno")).contains(CUSTOMER);
  }

  @Test
  void revokedAccessIsGoneAndCannotBeRevokedTwice() {
    String scope = "difitest:kortvarig";
    String[] url = {"--url", krr.baseUrl()};
    ok(args(new String[] {"admin", "scope", "add", "--scope", scope}, url));
    ok(args(new String[] {"admin", "access", "grant", "--scope", scope, "--org", CUSTOMER}, url));
    ok(
        args(
            new String[] {
              "admin",
              "delegation",
              "add",
              "--consumer",
              CUSTOMER,
              "--supplier",
              supplier,
              "--scope",
              scope
            },
            url));

    ok(args(new String[] {"admin", "access", "revoke", "--scope", scope, "--org", CUSTOMER}, url));
    CliRun revoked = CliRun.of(args(new String[] {"admin", "access", "list"}, url));
    CliRun again =
        CliRun.of(
            args(
                new String[] {"admin", "access", "revoke", "--scope", scope, "--org", CUSTOMER},
                url));

    assertThat(revoked.out()).doesNotContain(scope);
    assertThat(again.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(again.err()).contains("no access entry");
  }

  @Test
  void onBehalfOfRegistrationsFromAddToDelete() throws Exception {
    String clientId = asSupplier[3];
    String[] self = {"--bootstrap", bootstrap, "--client", clientId};

    ok(
        args(
            new String[] {
              "client",
              "onbehalfof",
              "add",
              "--id",
              "kunde1",
              "--orgno",
              CUSTOMER,
              "--name",
              "Kunde 1"
            },
            self));
    String listed = ok(args(new String[] {"client", "onbehalfof", "list"}, self));
    CliRun onBehalf = token("--scope", OPEN, "--on-behalf-of", "kunde1");
    ok(args(new String[] {"client", "onbehalfof", "delete", "--id", "kunde1"}, self));
    CliRun afterDelete = token("--scope", OPEN, "--on-behalf-of", "kunde1");

    assertThat(listed).contains("kunde1", CUSTOMER, "Kunde 1");
    assertThat(onBehalf.exitCode()).as(onBehalf.err()).isZero();
    JWTClaimsSet claims = SignedJWT.parse(onBehalf.out().trim()).getJWTClaimsSet();
    assertThat(claims.getStringClaim("client_onbehalfof")).isEqualTo("kunde1");
    assertThat(claims.getStringClaim("client_onbehalfof_orgno")).isEqualTo(CUSTOMER);
    assertThat(afterDelete.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(afterDelete.err()).contains("MP-011");
  }

  @Test
  void operatorCommandsSayWhenTheOperatorApiIsOff() {
    try (KrrLocal closed = KrrLocal.builder().port(0).ephemeral().seedPersons(0).build().start()) {
      CliRun run = CliRun.of("admin", "access", "list", "--url", closed.baseUrl());

      assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
      assertThat(run.err()).contains("krr serve --admin");
    }
  }

  private static CliRun token(String... options) {
    return CliRun.of(args(args(new String[] {"token"}, options), asSupplier));
  }

  /** Runs the CLI and returns its output, failing the test on a non-zero exit. */
  private static String ok(String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
    return run.out();
  }

  private static String[] args(String[] first, String... more) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
