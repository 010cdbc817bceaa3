package io.krrkit.cli;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.KrrLocal;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code krr serve}: runs the emulator until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs krr-local: Maskinporten, the self-service API and the KRR lookup API on one port.",
      "Flags win over environment variables (KRR_LOCAL_*), which win over defaults."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "${env:KRR_LOCAL_PORT:-7070}",
      description = "Port (0 = any free port; default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "${env:KRR_LOCAL_HOST:-127.0.0.1}",
      description = "Interface to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--public-url",
      defaultValue = "${env:KRR_LOCAL_PUBLIC_URL}",
      description = "URL clients use, when behind a proxy; all nodes on one DB must share it.")
  String publicUrl;

  @Option(
      names = "--data",
      defaultValue = "${env:KRR_LOCAL_DATA}",
      description = "Directory of the H2 store (default: ~/.krr-local).")
  Path dataDir;

  @Option(
      names = "--ephemeral",
      defaultValue = "${env:KRR_LOCAL_EPHEMERAL:-false}",
      description = "Keep everything in memory (env KRR_LOCAL_EPHEMERAL=true).")
  boolean ephemeral;

  @Option(
      names = "--db",
      defaultValue = "${env:KRR_LOCAL_DB}",
      description = "JDBC URL of a shared PostgreSQL store (jdbc:postgresql://host/db).")
  String jdbcUrl;

  @Option(names = "--db-user", defaultValue = "${env:KRR_LOCAL_DB_USER}", description = "DB user.")
  String dbUser;

  @Option(
      names = "--db-password",
      defaultValue = "${env:KRR_LOCAL_DB_PASSWORD}",
      description = "DB password (prefer the environment variable).")
  String dbPassword;

  @Option(
      names = "--org",
      defaultValue = "${env:KRR_LOCAL_ORG:-310000027}",
      description =
          "Organisation of the bootstrap self-service client (default: ${DEFAULT-VALUE}).")
  String org;

  @Option(
      names = "--seed-persons",
      defaultValue = "${env:KRR_LOCAL_SEED_PERSONS:-5500000}",
      description =
          "Size of the synthetic population an empty register computes, 0..10000000 (persons"
              + " registered or not; computed, never stored, so no seeding wait; default:"
              + " ${DEFAULT-VALUE}).")
  int seedPersons;

  @Option(
      names = "--seed",
      defaultValue = "${env:KRR_LOCAL_SEED:-1}",
      description = "Seed of the register generator (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--signing-key-size",
      defaultValue = "${env:KRR_LOCAL_SIGNING_KEY_SIZE:-2048}",
      description =
          "RSA size of the token signing key: 2048 or 4096 (default: ${DEFAULT-VALUE}; env"
              + " KRR_LOCAL_SIGNING_KEY_SIZE).")
  int signingKeySize;

  @Option(
      names = "--admin",
      defaultValue = "${env:KRR_LOCAL_ADMIN:-false}",
      description =
          "Serve the operator API under /admin. Without --operator-token it answers loopback"
              + " callers only, and refuses to start on a non-loopback --host (env"
              + " KRR_LOCAL_ADMIN=true).")
  boolean admin;

  @Option(
      names = "--operator-token",
      paramLabel = "TOKEN",
      defaultValue = "${env:KRR_LOCAL_OPERATOR_TOKEN}",
      description =
          "Secret every /admin call must send as 'Authorization: Bearer TOKEN' (16+ characters;"
              + " prefer the environment variable KRR_LOCAL_OPERATOR_TOKEN, which krr admin"
              + " commands send too).")
  String operatorToken;

  @Option(
      names = "--allowed-host",
      paramLabel = "NAME",
      split = ",",
      defaultValue = "${env:KRR_LOCAL_ALLOWED_HOSTS}",
      description =
          "Host name browsers may reach /admin and the web page by, besides localhost, loopback"
              + " addresses and the --public-url host; other Host headers are refused there (DNS"
              + " rebinding). Repeatable or comma-separated (env KRR_LOCAL_ALLOWED_HOSTS).")
  List<String> allowedHosts = List.of();

  @Option(
      names = "--delegation-source",
      defaultValue = "${env:KRR_LOCAL_DELEGATION_SOURCE:-https://tt02.altinn.no/}",
      description =
          "Issuer named in delegation_source of delegated tokens (default: ${DEFAULT-VALUE}).")
  String delegationSource;

  @Option(
      names = "--trust-anchor",
      paramLabel = "FILE",
      description =
          "PEM file of a CA to trust for enterprise certificate (x5c) grants, besides the test"
              + " CA (repeatable).")
  List<Path> trustAnchors = List.of();

  @Option(
      names = "--bootstrap-out",
      defaultValue = "${env:KRR_LOCAL_BOOTSTRAP_OUT}",
      description = {
        "Write {issuer, orgno, client_id, kid, private_jwk} of the bootstrap client here (mode",
        "600; env KRR_LOCAL_BOOTSTRAP_OUT) once the emulator is ready; a file left from an",
        "earlier run is removed at start, so readers ('--bootstrap FILE', 'krr wait') wait."
      })
  Path bootstrapOut;

  @Option(
      names = "--init",
      paramLabel = "DIR",
      defaultValue = "${env:KRR_LOCAL_INIT}",
      description = {
        "Load the state files in DIR (clients.json, keys.json, persons.json, ...; as 'krr admin",
        "export --dir' writes them) at start, merged into the store: starting again with the",
        "same files changes nothing. A broken file stops the start, naming the file and line,",
        "with nothing loaded (exit 2; env KRR_LOCAL_INIT)."
      })
  Path init;

  @Option(
      names = "--export-on-exit",
      paramLabel = "DIR",
      defaultValue = "${env:KRR_LOCAL_EXPORT_ON_EXIT}",
      description = {
        "On stop (Ctrl-C, SIGTERM), write the whole state into DIR as state files, replacing",
        "what DIR held; without the emulator's signing keys (env KRR_LOCAL_EXPORT_ON_EXIT)."
      })
  Path exportOnExit;

  @Override
  public Integer call() throws Exception {
    PortCheck.free(host, port);
    Logging.verbose();
    if (bootstrapOut != null) {
      Files.deleteIfExists(bootstrapOut);
    }
    KrrLocal.Builder builder =
        KrrLocal.builder()
            .port(port)
            .host(host)
            .orgNumber(OrgNumber.of(org))
            .seedPersons(seedPersons)
            .seed(seed)
            .signingKeySize(signingKeySize)
            .adminApi(admin)
            .delegationSource(delegationSource);
    builder.trustAnchors(trustAnchors.toArray(Path[]::new));
    if (operatorToken != null) {
      builder.operatorToken(operatorToken);
    }
    if (allowedHosts != null) {
      builder.allowedHosts(allowedHosts.toArray(String[]::new));
    }
    if (publicUrl != null) {
      builder.publicUrl(publicUrl);
    }
    if (jdbcUrl != null) {
      builder.jdbc(jdbcUrl, dbUser, dbPassword);
    } else if (ephemeral) {
      builder.ephemeral();
    } else if (dataDir != null) {
      builder.dataDir(dataDir);
    }
    if (init != null) {
      if (!Files.isDirectory(init)) {
        throw new CliErrors.Failure(
            ExitCode.USAGE, "--init " + init + ": not a directory of state files");
      }
      builder.init(init);
    }
    KrrLocal krr = builder.build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    if (exportOnExit != null) {
                      StateExport.replaceDirectory(exportOnExit, krr.controls()::exportState);
                      System.err.println("krr serve: state written to " + exportOnExit);
                    }
                  } catch (RuntimeException e) {
                    System.err.println("krr serve: --export-on-exit failed: " + e.getMessage());
                  } finally {
                    krr.close();
                    stopped.countDown();
                  }
                },
                "krr-local-shutdown"));
    if (bootstrapOut != null) {
      // start() returns once the server answers: a reader of the file finds it ready.
      SecretFiles.writeAtomically(bootstrapOut, krr.bootstrap().toJson() + "\n");
    }
    printSummary(krr, spec.commandLine().getOut());
    stopped.await();
    return ExitCode.OK.code;
  }

  private void printSummary(KrrLocal krr, PrintWriter out) {
    out.printf("krr-local is running. Stop with Ctrl-C.%n");
    out.printf("  Maskinporten issuer: %s%n", krr.maskinportenIssuer());
    out.printf("  KRR lookup:          %s/rest/v2/personer%n", krr.kontaktregisteretUrl());
    out.printf("  Self-service API:    %s/api/v1/clients%n", krr.selfServiceUrl());
    out.printf("  Swagger UI:          %s/swagger-ui%n", krr.selfServiceUrl());
    out.printf("  Self-service page:   %s/ (Min side: log in, Integrasjoner)%n", krr.baseUrl());
    out.printf("  Bootstrap client:    %s (org %s)%n", krr.bootstrap().clientId(), org);
    if (bootstrapOut != null) {
      out.printf("  Bootstrap file:      %s (holds a private key; mode 600)%n", bootstrapOut);
    }
    out.flush();
  }
}
