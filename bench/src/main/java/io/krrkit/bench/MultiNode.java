package io.krrkit.bench;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.maskinporten.TokenRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Token and lookup throughput of 1, 2 and 3 krr-local nodes on one PostgreSQL (zonky's embedded
 * PostgreSQL from the Maven repository, as the storage tests use), all nodes in this JVM, the
 * requests spread over the nodes in turn. The token load is {@link Comparison}'s (pre-signed
 * grants, same warm-up); the lookup load is {@link LookupScenario}'s. Each node count gets a new
 * database. On one machine the nodes share its cores, so more nodes add no CPU: the figure shows
 * what sharing the store costs, not how a cluster scales.
 *
 * <pre>
 * java -jar bench/target/bench.jar nodes --nodes 1,2,3 --duration 5 --warmup 8
 *     [--concurrency 16] [--lookup-concurrency 4] [--persons 20000]
 * </pre>
 */
final class MultiNode {
  private static final String USER = "postgres";
  // Lookup batches are drawn from this many registered persons.
  private static final int IDS = 20_000;

  private MultiNode() {}

  static void main(String[] args) throws Exception {
    List<Integer> counts = new ArrayList<>();
    for (String n : LoadGenerator.stringOption(args, "--nodes", "1,2,3").split(",")) {
      counts.add(Integer.parseInt(n.trim()));
    }
    int duration = LoadGenerator.intOption(args, "--duration", 5);
    int warmup = LoadGenerator.intOption(args, "--warmup", 8);
    int concurrency = LoadGenerator.intOption(args, "--concurrency", 16);
    int lookupConcurrency = LoadGenerator.intOption(args, "--lookup-concurrency", 4);
    int persons = LoadGenerator.intOption(args, "--persons", 20_000);
    File log = File.createTempFile("krr-bench-postgres", ".log");
    List<String> rows = new ArrayList<>();
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPGStartupWait(Duration.ofSeconds(60))
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
            .start()) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      RSAKey key = new RSAKeyGenerator(2048).keyID("bench-key").generate();
      for (int n : counts) {
        String url = createDatabase(postgres, "krr_nodes_" + n);
        List<Integer> ports = new ArrayList<>();
        List<KrrLocal> nodes = new ArrayList<>();
        try {
          for (int i = 0; i < n; i++) {
            ports.add(freePort());
            KrrLocal.Builder node =
                KrrLocal.builder().port(ports.get(i)).jdbc(url, USER, "").seedPersons(persons);
            if (i > 0) {
              node.publicUrl("http://localhost:" + ports.get(0)); // one issuer for all nodes
            }
            nodes.add(node.build().start());
          }
          rows.add(token(http, key, nodes.get(0), ports, concurrency, warmup, duration));
          // Registered persons of the population the nodes compute (the store records it).
          List<String> ids = LookupPopulation.registeredIds(nodes.get(0), IDS);
          rows.add(lookup(http, nodes.get(0), ports, ids, lookupConcurrency, warmup, duration));
        } finally {
          for (KrrLocal node : nodes) {
            node.close();
          }
        }
        System.err.println(n + " node(s) done");
      }
    }
    System.out.println(
        "| what | nodes | concurrency | per second | persons/s | p50 ms | p99 ms | errors |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private static String token(
      HttpClient http,
      RSAKey key,
      KrrLocal first,
      List<Integer> ports,
      int concurrency,
      int warmup,
      int duration)
      throws Exception {
    String clientId = LoadGenerator.registerKrrClient(first, key);
    List<URI> uris =
        ports.stream()
            .map(p -> URI.create("http://localhost:" + p + "/maskinporten/token"))
            .toList();
    Comparison.Measured m =
        Comparison.measureTokens(
            new PooledTokenScenario(http, uris, "krr-local /token"),
            first.maskinportenIssuer(),
            clientId,
            key,
            concurrency,
            warmup,
            duration);
    return row("krr-local /token", ports.size(), concurrency, m.result(), false, m.ranOut());
  }

  private static String lookup(
      HttpClient http,
      KrrLocal first,
      List<Integer> ports,
      List<String> ids,
      int concurrency,
      int warmup,
      int duration)
      throws Exception {
    RSAKey lookupKey = new RSAKeyGenerator(2048).keyID("bench-lookup-key").generate();
    String clientId = LoadGenerator.registerKrrClient(first, lookupKey);
    MaskinportenClient maskinporten =
        MaskinportenClient.builder()
            .environment(MaskinportenEnvironment.custom(first.maskinportenIssuer()))
            .clientId(clientId)
            .signingKey(lookupKey)
            .build();
    LookupScenario scenario =
        new LookupScenario(
            http,
            ports.stream().map(p -> "http://localhost:" + p + "/kontaktregisteret").toList(),
            maskinporten,
            TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ),
            ids,
            1000);
    ClosedLoop.run(scenario, concurrency, warmup);
    ClosedLoop.Result r = ClosedLoop.run(scenario, concurrency, duration);
    return row(scenario.name(), ports.size(), concurrency, r, true, false);
  }

  private static String row(
      String what, int nodes, int concurrency, ClosedLoop.Result r, boolean persons, boolean out) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %.0f | %s | %.2f | %.2f | %d%s |",
        what,
        nodes,
        concurrency,
        r.perSecond(),
        persons ? String.format(Locale.ROOT, "%.0f", r.persons() / r.seconds()) : "-",
        r.latencies().quantileMillis(0.5),
        r.latencies().quantileMillis(0.99),
        r.errors(),
        out ? " (grant pool ran out)" : "");
  }

  private static String createDatabase(EmbeddedPostgres postgres, String name) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return postgres.getJdbcUrl(USER, name);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
