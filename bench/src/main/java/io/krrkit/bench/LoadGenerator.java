package io.krrkit.bench;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.Scope;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.KrrLocal;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.maskinporten.TokenRequest;
import io.krrkit.selfservice.ClientRequest;
import io.krrkit.selfservice.SelfServiceClient;
import io.krrkit.selfservice.SelfServiceEnvironment;
import java.net.http.HttpClient;
import java.util.Locale;

/**
 * A closed-loop load generator for krr-local's token and lookup endpoints. Starts the emulator in
 * this JVM on a free port, registers a KRR client through the self-service API, then runs {@code
 * --concurrency} workers for {@code --duration} seconds after a warm-up, and prints throughput and
 * latency percentiles as a Markdown table row.
 *
 * <pre>
 * java -jar bench/target/bench.jar token  --concurrency 4 --duration 20
 * java -jar bench/target/bench.jar lookup --concurrency 4 --duration 20 --batch 1000
 * java -jar bench/target/bench.jar compare --concurrency 8,32 --duration 5   (see Comparison)
 * java -jar bench/target/bench.jar nodes --nodes 1,2,3                        (see MultiNode)
 * java -jar bench/target/bench.jar all                                       (see All)
 * bench/soak.sh 2m                                                           (see Soak)
 * </pre>
 */
public final class LoadGenerator {
  private final String target;
  private final int concurrency;
  private final int durationSeconds;
  private final int warmupSeconds;
  private final int batch;
  // Lookup bodies pre-built from this many persons (200 batches of 1000).
  private static final int IDS = 200_000;

  private final int persons;
  private final int overridden;

  private LoadGenerator(String[] args) {
    if (args.length == 0 || !(args[0].equals("token") || args[0].equals("lookup"))) {
      throw new IllegalArgumentException(
          "usage: bench token|lookup [--concurrency N] [--duration S] [--warmup S]"
              + " [--batch N] [--persons N] [--overridden PERCENT]");
    }
    target = args[0];
    concurrency = intOption(args, "--concurrency", 4);
    durationSeconds = intOption(args, "--duration", 20);
    warmupSeconds = intOption(args, "--warmup", 5);
    batch = intOption(args, "--batch", 1000);
    persons = intOption(args, "--persons", LookupPopulation.DEFAULT_SIZE);
    overridden = intOption(args, "--overridden", 10);
  }

  /** Runs one measurement and prints its row. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("compare")) {
      Comparison.main(args);
      return;
    }
    if (args.length > 0 && args[0].equals("start")) {
      StartBench.main(args);
      return;
    }
    if (args.length > 0 && args[0].equals("soak")) {
      Soak.main(args);
      return;
    }
    if (args.length > 0 && args[0].equals("nodes")) {
      MultiNode.main(args);
      return;
    }
    if (args.length > 0 && args[0].equals("all")) {
      All.main(args);
      return;
    }
    if (args.length > 0 && args[0].equals("lookup-limit")) {
      LookupLimit.main(args);
      return;
    }
    new LoadGenerator(args).run();
  }

  private void run() throws Exception {
    int seeded = target.equals("lookup") ? persons : 0;
    try (KrrLocal krr =
        KrrLocal.builder().port(0).ephemeral().seedPersons(seeded).build().start()) {
      if (seeded > 0) {
        LookupPopulation.override(krr, overridden);
      }
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      RSAKey key = new RSAKeyGenerator(2048).keyID("bench-key").generate();
      String clientId = registerKrrClient(krr, key);
      MaskinportenClient maskinporten =
          MaskinportenClient.builder()
              .environment(MaskinportenEnvironment.custom(krr.maskinportenIssuer()))
              .clientId(clientId)
              .signingKey(key)
              .build();
      Scenario scenario =
          target.equals("token")
              ? new TokenScenario(http, krr.maskinportenIssuer(), clientId, key)
              : new LookupScenario(
                  http,
                  krr.kontaktregisteretUrl(),
                  maskinporten,
                  TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ),
                  LookupPopulation.registeredIds(krr, IDS),
                  batch);
      ClosedLoop.run(scenario, concurrency, warmupSeconds);
      ClosedLoop.Result result = ClosedLoop.run(scenario, concurrency, durationSeconds);
      printRow(scenario, result);
    }
  }

  static String registerKrrClient(KrrLocal krr, RSAKey key) throws Exception {
    Bootstrap admin = krr.bootstrap();
    SelfServiceClient selfService =
        SelfServiceClient.builder()
            .environment(SelfServiceEnvironment.custom(krr.selfServiceUrl()))
            .maskinporten(
                MaskinportenClient.builder()
                    .environment(MaskinportenEnvironment.custom(krr.maskinportenIssuer()))
                    .clientId(admin.clientId())
                    .signingKey(RSAKey.parse(admin.privateJwk()))
                    .build())
            .build();
    String clientId = selfService.createClient(ClientRequest.krr("bench").build()).clientId();
    selfService.uploadKey(clientId, key);
    return clientId;
  }

  private void printRow(Scenario scenario, ClosedLoop.Result r) {
    System.out.println(
        "| endpoint | concurrency | seconds | requests | requests/s | persons/s | p50 ms | p99 ms |"
            + " errors |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %.1f | %d | %.0f | %s | %.2f | %.2f | %d |%n",
        scenario.name(),
        concurrency,
        r.seconds(),
        r.requests(),
        r.requests() / r.seconds(),
        target.equals("lookup")
            ? String.format(Locale.ROOT, "%.0f", r.persons() / r.seconds())
            : "-",
        r.latencies().quantileMillis(0.50),
        r.latencies().quantileMillis(0.99),
        r.errors());
  }

  static String stringOption(String[] args, String name, String fallback) {
    for (int i = 1; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  static int intOption(String[] args, String name, int fallback) {
    for (int i = 1; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
