package io.krrkit.bench;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Side by side on one machine with one load generator: krr-local's {@code /token} (full validation)
 * and navikt's mock-oauth2-server token endpoint (jwt-bearer, no signature check), each at several
 * concurrencies, plus the JDK's raw RS256 signing rate measured in the same run.
 *
 * <p>Grants are pre-signed ({@link GrantPool}) just before each measured window, sized from the
 * warm-up's rate, so the load generator's CPU goes to HTTP only.
 *
 * <pre>
 * java -jar bench/target/bench.jar compare --duration 5 --warmup 12 --concurrency 8,32
 * </pre>
 */
final class Comparison {
  private static final Scope SCOPE = Scope.KRR_KONTAKTINFORMASJON_READ;
  private static final int MAX_POOL = 60_000;

  private final double duration;
  private final double warmup;
  private final List<Integer> concurrencies;
  private final String targets;
  private final int cores = Runtime.getRuntime().availableProcessors();
  private final List<String> rows = new ArrayList<>();

  private Comparison(String[] args) {
    duration = LoadGenerator.intOption(args, "--duration", 5);
    warmup = LoadGenerator.intOption(args, "--warmup", 12);
    targets = LoadGenerator.stringOption(args, "--targets", "krr-local,mock");
    concurrencies = new ArrayList<>();
    for (String c : LoadGenerator.stringOption(args, "--concurrency", "8,32").split(",")) {
      concurrencies.add(Integer.parseInt(c.trim()));
    }
  }

  /** Runs the comparison and prints a Markdown table. */
  static void main(String[] args) throws Exception {
    new Comparison(args).run();
  }

  private void run() throws Exception {
    SigningRate.Result raw = SigningRate.measure(cores, duration);
    rows.add(
        String.format(
            Locale.ROOT,
            "| JDK raw RS256 sign (2048) | %d threads | %.0f | - | - | %.0f | - | - |",
            cores,
            raw.perSecond(),
            raw.cpuMicrosPerSignature()));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    RSAKey key = new RSAKeyGenerator(2048).keyID("bench-key").generate();
    if (targets.contains("krr-local")) {
      measureKrrLocal(http, key);
    }
    if (targets.contains("mock")) {
      measureMock(http, key);
    }
    System.out.println(
        "| what | concurrency | per second | p50 ms | p99 ms | server CPU µs/req |"
            + " load generator CPU µs/req | errors |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private void measureKrrLocal(HttpClient http, RSAKey key) throws Exception {
    try (KrrLocal krr = KrrLocal.builder().port(0).ephemeral().seedPersons(0).build().start()) {
      String clientId = LoadGenerator.registerKrrClient(krr, key);
      String issuer = krr.maskinportenIssuer();
      measureAll(
          new PooledTokenScenario(http, URI.create(issuer + "token"), "krr-local /token"),
          issuer,
          clientId,
          key);
    }
  }

  private void measureMock(HttpClient http, RSAKey key) throws Exception {
    MockOAuth2Server mock = new MockOAuth2Server();
    mock.start();
    try {
      String issuer = mock.issuerUrl("maskinporten").toString();
      measureAll(
          new PooledTokenScenario(
              http,
              URI.create(mock.tokenEndpointUrl("maskinporten").toString()),
              "mock-oauth2-server /token"),
          issuer,
          "bench-client",
          key);
    } finally {
      mock.shutdown();
    }
  }

  /** One measured window of pooled token requests, after its warm-up. */
  record Measured(ClosedLoop.Result result, int poolSize, int poolUsed) {
    boolean ranOut() {
      return poolUsed == poolSize;
    }
  }

  /**
   * Warms {@code scenario} up at {@code concurrency}, then measures one window of at most {@code
   * duration} seconds with a pool of grants signed for it (see the class comment). Also used by
   * {@link MultiNode}.
   */
  static Measured measureTokens(
      PooledTokenScenario scenario,
      String issuer,
      String clientId,
      RSAKey key,
      int concurrency,
      double warmup,
      double duration)
      throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    ClosedLoop.Result warm = warmUp(scenario, issuer, clientId, key, concurrency, warmup);
    int size = (int) Math.min(MAX_POOL, warm.perSecond() * duration * 1.3 + 500);
    GrantPool pool = GrantPool.sign(issuer, clientId, key, SCOPE, size, cores, 8);
    scenario.use(pool);
    double window =
        Math.min(
            duration, Duration.between(Instant.now(), pool.usableUntil()).toMillis() / 1e3 - 1);
    ClosedLoop.Result r = ClosedLoop.run(scenario, concurrency, window);
    System.err.printf(
        Locale.ROOT,
        "%s c=%d: %.0f/s over %.1f s, pool %d/%d%n",
        scenario.name(),
        concurrency,
        r.perSecond(),
        r.seconds(),
        pool.used(),
        pool.size());
    return new Measured(r, pool.size(), pool.used());
  }

  /**
   * Rounds of (sign a pool for at most 4 s, send it for at most 4 s) until {@code warmup} seconds
   * of sending are done, so the JIT has compiled the server's path before the measured window.
   */
  private static ClosedLoop.Result warmUp(
      PooledTokenScenario scenario,
      String issuer,
      String clientId,
      RSAKey key,
      int concurrency,
      double warmup)
      throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    double sent = 0;
    ClosedLoop.Result last = null;
    while (sent < warmup) {
      GrantPool pool = GrantPool.sign(issuer, clientId, key, SCOPE, 4 * cores * 800, cores, 4);
      scenario.use(pool);
      last = ClosedLoop.run(scenario, concurrency, Math.min(4, warmup - sent));
      sent += last.seconds();
    }
    return last;
  }

  private void measureAll(PooledTokenScenario scenario, String issuer, String clientId, RSAKey key)
      throws Exception {
    for (int concurrency : concurrencies) {
      Measured m = measureTokens(scenario, issuer, clientId, key, concurrency, warmup, duration);
      ClosedLoop.Result r = m.result();
      rows.add(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.0f | %.2f | %.2f | %.0f | %.0f | %d%s |",
              scenario.name(),
              concurrency,
              r.perSecond(),
              r.latencies().quantileMillis(0.5),
              r.latencies().quantileMillis(0.99),
              r.serverCpuMicros(),
              r.loadGeneratorCpuMicros(),
              r.errors(),
              m.ranOut() ? " (pool of " + m.poolSize() + " ran out)" : ""));
    }
  }
}
