package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.access.ScopeDraft;
import io.krrkit.local.internal.cache.ReadCache;
import io.krrkit.local.internal.store.FreshStore;
import io.krrkit.local.internal.store.StoreEngine;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The token endpoint's read cache (clients, keys, scopes, access entries) on two nodes of one
 * store, on each engine (PostgreSQL is the multi-node store): a key, client or scope access removed
 * or changed on node A stops working on A at once and on B within a second. Every change is made
 * after both nodes have the rows cached (a token from each), so only the cache's bound can make B
 * refuse.
 *
 * <p>B is polled with fresh grants: an answer other than the refusal is allowed only for a request
 * that started less than a second after the change returned on A.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class TokenReadCacheAcrossNodesTest {
  private static final Scope READ = Scope.KRR_KONTAKTINFORMASJON_READ;

  /** What the issue asks: a change on one node is seen on every other within a second. */
  private static final Duration REQUIRED_BOUND = Duration.ofSeconds(1);

  private static final String FORM_GRANT_TYPE =
      "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=";

  private static LocalFixture nodeA;
  private static LocalFixture nodeB;
  private static String tokenB;

  @Parameter StoreEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) throws IOException {
    FreshStore store = engine.freshStore();
    int portA = freePort();
    int portB = freePort();
    nodeA = LocalFixture.start(node(store).port(portA));
    nodeB = LocalFixture.start(node(store).port(portB).publicUrl("http://localhost:" + portA));
    tokenB = "http://127.0.0.1:" + portB + "/maskinporten/token";
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    nodeB.close();
    nodeA.close();
  }

  @Test
  void aKeyReplacedOnANodeStopsWorkingOnBothNodes() {
    TestClient client = cachedOnBothNodes(nodeA.registerClient(READ));

    nodeA.krrLocal().controls().replaceKeys(client.clientId(), List.of(newKey()));
    long changed = System.nanoTime();

    assertRefusedAtOnceOnA(client, "MP-100", "Unknown key identifier");
    assertRefusedOnBWithinTheBound(client, changed, "MP-100", "Unknown key identifier");
  }

  @Test
  void aClientDeletedOnANodeStopsWorkingOnBothNodes() {
    TestClient client = cachedOnBothNodes(nodeA.registerClient(READ));

    Internals.of(nodeA.krrLocal()).clientRegistry.delete(KrrLocal.DEFAULT_ORG, client.clientId());
    long changed = System.nanoTime();

    assertRefusedAtOnceOnA(client, "MP-100", "Client not found");
    assertRefusedOnBWithinTheBound(client, changed, "MP-100", "Client not found");
  }

  @Test
  void aClientDeactivatedOnANodeStopsWorkingOnBothNodes() {
    TestClient client = cachedOnBothNodes(nodeA.registerClient(READ));

    var clients = Internals.of(nodeA.krrLocal()).clients();
    clients.save(clients.findById(client.clientId()).orElseThrow().deactivated());
    long changed = System.nanoTime();

    assertRefusedAtOnceOnA(client, "MP-100", "not active");
    assertRefusedOnBWithinTheBound(client, changed, "MP-100", "not active");
  }

  @Test
  void aScopeAccessRevokedOnANodeStopsWorkingOnBothNodes() {
    Scope scope = restrictedScope();
    nodeA.krrLocal().controls().grantAccess(scope, KrrLocal.DEFAULT_ORG);
    TestClient client = cachedOnBothNodes(nodeA.registerClient(scope));

    Internals.of(nodeA.krrLocal())
        .scopeRegistry
        .revoke(scope.value(), KrrLocal.DEFAULT_ORG.value());
    long changed = System.nanoTime();

    assertRefusedAtOnceOnA(client, "MP-250", scope.value());
    assertRefusedOnBWithinTheBound(client, changed, "MP-250", scope.value());
  }

  @Test
  void aScopeDeactivatedOnANodeStopsWorkingOnBothNodes() {
    Scope scope = restrictedScope();
    nodeA.krrLocal().controls().grantAccess(scope, KrrLocal.DEFAULT_ORG);
    TestClient client = cachedOnBothNodes(nodeA.registerClient(scope));

    var registry = Internals.of(nodeA.krrLocal()).scopeRegistry;
    registry.put(
        registry.find(scope).orElseThrow().withActive(false, nodeA.krrLocal().clock().instant()));
    long changed = System.nanoTime();

    assertRefusedAtOnceOnA(client, "MP-200", "deactivated");
    assertRefusedOnBWithinTheBound(client, changed, "MP-200", "deactivated");
  }

  /** Gets a token for {@code client} from each node, so both hold its rows in their caches. */
  private static TestClient cachedOnBothNodes(TestClient client) {
    Answer onA = nodeA.token(nodeA.grant(client));
    Answer onB = tokenOnB(client);
    assertThat(onA.status()).as(onA.body()).isEqualTo(200);
    assertThat(onB.status()).as(onB.body()).isEqualTo(200);
    return client;
  }

  private static void assertRefusedAtOnceOnA(TestClient client, String code, String detail) {
    assertRefusal(nodeA.token(nodeA.grant(client)), code, detail);
  }

  /**
   * Polls B with fresh grants until it refuses; fails when B answers otherwise to a request that
   * started a second or more after {@code changedAt} (so it ends within the bound and a request).
   */
  private static void assertRefusedOnBWithinTheBound(
      TestClient client, long changedAt, String code, String detail) {
    assertThat(ReadCache.MAX_AGE).isLessThanOrEqualTo(REQUIRED_BOUND);
    long bound = REQUIRED_BOUND.toNanos();
    List<String> servedStale = new ArrayList<>();
    // Polls a few times within the bound (a grant is signed between polls anyway); a stale answer
    // to a request started after the bound fails at once, so the wait ends within the bound.
    await("node B refuses " + code)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .atMost(REQUIRED_BOUND.multipliedBy(5))
        .until(
            () -> {
              String grant = nodeA.grant(client);
              long started = System.nanoTime();
              Answer answer = tokenOnB(grant);
              if (answer.status() != 200) {
                assertRefusal(answer, code, detail);
                return true;
              }
              long since = started - changedAt;
              servedStale.add(TimeUnit.NANOSECONDS.toMillis(since) + " ms");
              assertThat(since)
                  .as("B still gave tokens for requests started %s after the change", servedStale)
                  .isLessThan(bound);
              return false;
            });
  }

  private static void assertRefusal(Answer answer, String code, String detail) {
    assertThat(answer.status()).as(answer.body()).isIn(400, 403);
    assertThat(answer.json().get("error_uri").asText()).endsWith("/" + code);
    assertThat(answer.json().get("error_description").asText()).contains(detail);
  }

  private static Answer tokenOnB(TestClient client) {
    return tokenOnB(nodeA.grant(client));
  }

  private static Answer tokenOnB(String grant) {
    return nodeA.postForm(tokenB, FORM_GRANT_TYPE + LocalFixture.encode(grant));
  }

  /** A scope organisations need an access grant for, registered through node A. */
  private static Scope restrictedScope() {
    String subscope = "cache" + UUID.randomUUID().toString().substring(0, 8);
    Internals.of(nodeA.krrLocal())
        .scopeRegistry
        .define(ScopeDraft.of("tokencache", subscope, "a scope for the read cache test"));
    return Scope.of("tokencache:" + subscope);
  }

  private static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KrrLocal.Builder node(FreshStore store) {
    return store.node(KrrLocal.builder().seedPersons(0));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
