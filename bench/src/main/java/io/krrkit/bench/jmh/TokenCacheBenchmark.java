package io.krrkit.bench.jmh;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.maskinporten.AccessToken;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.maskinporten.TokenRequest;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A token cache hit: {@link MaskinportenClient#getToken(TokenRequest)} when a fresh token for the
 * request is cached. The token comes once from mock-oauth2-server (it lives an hour, so every
 * measured call is a hit). Target: under 1 µs.
 *
 * <pre>
 * java -cp bench/target/bench.jar org.openjdk.jmh.Main TokenCacheBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TokenCacheBenchmark {
  private MockOAuth2Server server;
  private MaskinportenClient client;
  private TokenRequest request;

  /** Starts the server and fills the cache with one token. */
  @Setup(Level.Trial)
  public void fillCache() throws Exception {
    server = new MockOAuth2Server();
    server.start();
    RSAKey key = new RSAKeyGenerator(2048).keyID("jmh-key").generate();
    client =
        MaskinportenClient.builder()
            .environment(MaskinportenEnvironment.custom(server.issuerUrl("jmh").toString()))
            .clientId("jmh-client")
            .signingKey(key)
            .build();
    request = TokenRequest.of(io.krrkit.core.Scope.KRR_KONTAKTINFORMASJON_READ);
    client.getToken(request);
  }

  /** Stops the server. */
  @TearDown(Level.Trial)
  public void stop() {
    server.shutdown();
  }

  /** One cached {@code getToken}. */
  @Benchmark
  public AccessToken cachedGetToken() {
    return client.getToken(request);
  }

  /** The same through the asynchronous twin, joined at once. */
  @Benchmark
  public AccessToken cachedGetTokenAsync() {
    return client.getTokenAsync(request).join();
  }
}
