package io.krrkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Masking;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Person;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrEnvironment;
import io.krrkit.krr.LookupResult;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.maskinporten.AccessToken;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.maskinporten.MaskinportenErrorException;
import io.krrkit.maskinporten.TokenRequest;
import io.krrkit.selfservice.ClientRequest;
import io.krrkit.selfservice.RegisteredClient;
import io.krrkit.selfservice.SelfServiceClient;
import io.krrkit.selfservice.SelfServiceEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code krr demo}: the whole KRR flow against an embedded emulator, or with {@code --bootstrap}
 * against a running one (the container image, {@code krr serve}), each step timed: key, client
 * registration, key upload, Maskinporten token, lookup of persons showing each case.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Walks the whole flow against an embedded emulator; nothing is kept.",
      "On a free port: generates a key, registers a KRR client through the self-service API,",
      "uploads the public key, gets a Maskinporten token and looks up persons showing each case.",
      "With --bootstrap, the same flow against a running krr-local (a container, krr serve):",
      "  ./krr demo --bootstrap bootstrap.json --url http://localhost:7070",
      "--wait waits for the file and for krr-local to be ready, as when both start together",
      "(docker compose):  krr demo --bootstrap /data/bootstrap.json --wait 2m"
    })
final class DemoCommand implements Callable<Integer> {
  private static final List<Personidentifikator> PERSONS =
      List.of(
          KnownPersons.ACTIVE,
          KnownPersons.WITH_DIGITAL_POST,
          KnownPersons.RESERVED,
          KnownPersons.STALE,
          KnownPersons.SLETTET,
          KnownPersons.NOT_REGISTERED,
          KnownPersons.DIGDIR_EXAMPLE);

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--seed-persons",
      defaultValue = "2000",
      description = "Synthetic persons in the demo register (default: ${DEFAULT-VALUE}).")
  int seedPersons;

  @Option(
      names = "--bootstrap",
      paramLabel = "FILE",
      description =
          "Walk the flow against the running krr-local that wrote this bootstrap file"
              + " (krr serve --bootstrap-out; /data/bootstrap.json in the container image).")
  Path bootstrap;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "Base URL of that krr-local (default: the base of the bootstrap file's issuer); needs"
              + " --bootstrap.")
  String url;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description = {
        "With --bootstrap: how long to wait for the file to appear and for krr-local to be",
        "ready: 30s, 2m (default: ${DEFAULT-VALUE})."
      })
  String waitFor;

  private PrintWriter out;
  private int step;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    long started = System.nanoTime();
    if (bootstrap != null) {
      runAgainstRunning();
    } else {
      runEmbedded();
    }
    out.printf("%nDone in %d ms. Exit code 0.%n", (System.nanoTime() - started) / 1_000_000);
    return ExitCode.OK.code;
  }

  private void runAgainstRunning() throws Exception {
    if (spec.commandLine().getParseResult().hasMatchedOption("--seed-persons")) {
      throw new CliErrors.Failure(
          ExitCode.USAGE,
          "--seed-persons is for the embedded emulator; the running one has the persons it was"
              + " started with");
    }
    Duration wait = Readiness.parse(waitFor, "--wait");
    long waitStarted = System.nanoTime();
    Readiness.awaitFile(bootstrap, wait, spec.commandLine().getErr());
    Duration left = wait.minusNanos(System.nanoTime() - waitStarted);
    Emulator emulator = Emulator.of(bootstrap, url);
    out.println("krr-kit demo: the whole KRR flow against the krr-local at " + emulator.base + ".");
    out.println();
    timed(
        "Check that krr-local is ready (GET /ready)",
        () -> {
          Readiness.awaitReady(emulator.base, left.isNegative() ? Duration.ZERO : left, wait);
          return null;
        });
    detail("base URL %s, issuer %s", emulator.base, emulator.issuer());
    run(emulator);
  }

  private void runEmbedded() throws Exception {
    if (url != null) {
      throw new CliErrors.Failure(
          ExitCode.USAGE,
          "--url needs --bootstrap: the demo registers its client with the emulator's bootstrap"
              + " client");
    }
    out.println("krr-kit demo: the whole KRR flow against krr-local, offline.");
    out.println();
    try (KrrLocal krr =
        timed(
            "Start krr-local (Maskinporten, self-service, KRR) with "
                + seedPersons
                + " synthetic persons",
            () ->
                KrrLocal.builder().port(0).ephemeral().seedPersons(seedPersons).build().start())) {
      detail("base URL %s, issuer %s", krr.baseUrl(), krr.maskinportenIssuer());
      Bootstrap admin = krr.bootstrap();
      run(
          new Emulator(
              krr.baseUrl(), admin.orgno(), admin.clientId(), RSAKey.parse(admin.privateJwk())));
    }
  }

  private void run(Emulator krr) throws Exception {
    MaskinportenEnvironment issuer = MaskinportenEnvironment.custom(krr.issuer());
    SelfServiceClient selfService =
        SelfServiceClient.builder()
            .environment(SelfServiceEnvironment.custom(krr.base + "/selvbetjening"))
            .maskinporten(
                MaskinportenClient.builder()
                    .environment(issuer)
                    .clientId(krr.adminClientId)
                    .signingKey(krr.adminKey)
                    .build())
            .build();

    RSAKey key =
        timed("Generate an RSA 2048 key pair (JWK)", () -> KeygenCommand.generate("demo-key-1"));
    detail("kid %s (the private key never leaves this process)", key.getKeyID());

    RegisteredClient client =
        timed(
            "Register a KRR integration through the self-service API (as org " + krr.orgno + ")",
            () ->
                selfService.createClient(
                    ClientRequest.krr("krr-kit demo").description("Created by krr demo").build()));
    detail("integration id (client_id, the grant's iss): %s", client.clientId());
    detail("scopes set automatically: %s", client.scopes());

    timed(
        "Upload the public key to the integration",
        () -> selfService.addKey(client.clientId(), key));
    detail("registered kid %s", key.getKeyID());

    MaskinportenClient maskinporten =
        MaskinportenClient.builder()
            .environment(issuer)
            .clientId(client.clientId())
            .signingKey(key)
            .build();
    TokenRequest krrScopes =
        TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ);
    AccessToken token =
        timed(
            "Sign a JWT grant and get a Maskinporten token",
            () -> maskinporten.getToken(krrScopes));
    JWTClaimsSet claims = SignedJWT.parse(token.value()).getJWTClaimsSet();
    detail("token %s", Masking.secret(token.value()));
    detail(
        "scope \"%s\", consumer %s, expires %s",
        claims.getStringClaim("scope"),
        claims.getJSONObjectClaim("consumer").get("ID"),
        token.expiresAt());

    KrrClient lookup =
        KrrClient.builder()
            .environment(KrrEnvironment.custom(krr.base + "/kontaktregisteret"))
            .maskinporten(maskinporten, krrScopes)
            .build();
    LookupResult result =
        timed(
            "Look up " + PERSONS.size() + " persons in KRR (POST /rest/v2/personer)",
            () -> lookup.lookup(PERSONS));
    out.println();
    PersonTable.print(out, result.persons());
    out.println();
    explain(result);

    MaskinportenErrorException refused =
        timed(
            "Ask for a scope the client does not have (shows Maskinporten's real error)",
            () -> refusedScope(maskinporten));
    detail("%s", refused.getMessage());
  }

  private static MaskinportenErrorException refusedScope(MaskinportenClient maskinporten) {
    try {
      maskinporten.getToken(Scope.of("krr:global/hentendring.read"));
    } catch (MaskinportenErrorException e) {
      return e;
    }
    throw new IllegalStateException("the emulator granted a scope the client does not have");
  }

  private void explain(LookupResult result) {
    for (Person p : result.persons()) {
      out.printf("  %s  %s%n", p.personidentifikator(), caseOf(p));
    }
    out.printf(
        "%n  %d of %d may be notified now (client-side 18-month rule agrees with KRR's"
            + " varslingsstatus).%n",
        result.notifiable().size(), result.size());
  }

  private static String caseOf(Person p) {
    return switch (p.status()) {
      case IKKE_REGISTRERT -> "not in the register: IKKE_REGISTRERT";
      case SLETTET -> "deleted from the register: cannot be notified";
      case AKTIV -> {
        if (p.isReservert()) {
          yield "reserved against digital communication (reservasjon JA)";
        }
        if (p.kontaktinformasjon() == null) {
          yield "contact data older than 18 months: withheld, KAN_IKKE_VARSLES";
        }
        yield p.digitalPost() != null
            ? "active, fresh contact data and a digital post mailbox"
            : "active with fresh contact data: KAN_VARSLES";
      }
    };
  }

  private <T> T timed(String what, ThrowingSupplier<T> action) throws Exception {
    step++;
    long t0 = System.nanoTime();
    T value = action.get();
    out.printf("%d. %-86s %6d ms%n", step, what, (System.nanoTime() - t0) / 1_000_000);
    out.flush();
    return value;
  }

  private void detail(String format, Object... args) {
    out.printf("     " + format + "%n", args);
  }

  /** The emulator the flow runs against: its base URL and its bootstrap (self-service) client. */
  private record Emulator(String base, String orgno, String adminClientId, RSAKey adminKey) {
    static Emulator of(Path bootstrapFile, String url) throws IOException {
      Credentials.Loaded admin = Credentials.readBootstrap(bootstrapFile);
      String orgno = JSON.readTree(bootstrapFile.toFile()).path("orgno").asText("?");
      String base = url != null ? url : admin.bootstrapIssuer();
      if (base == null) {
        throw new CliErrors.Failure(
            ExitCode.USAGE, bootstrapFile + " names no issuer: give the emulator's --url");
      }
      if (url == null && base.contains("/maskinporten")) {
        base = base.substring(0, base.indexOf("/maskinporten"));
      }
      base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
      return new Emulator(base, orgno, admin.clientId(), admin.key());
    }

    String issuer() {
      return base + "/maskinporten/";
    }
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
