package io.krrkit.junit;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.JwtGrantRules;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.internal.client.ClientKey;
import io.krrkit.local.internal.client.IntegrationType;
import io.krrkit.local.internal.client.RegisteredClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Registers test clients straight in a running emulator's store, for fixtures that start krr-local
 * themselves; {@link KrrLocalExtension} does the same for the emulator it runs.
 */
public final class TestClients {
  private static final String GRANT_TYPE = JwtGrantRules.GRANT_TYPE;
  private static final Duration KEY_LIFETIME = Duration.ofDays(3650);
  private static final Set<IntegrationType> MASKINPORTEN_TYPES =
      Set.of(IntegrationType.KRR, IntegrationType.MASKINPORTEN);

  private TestClients() {}

  /**
   * Registers a Maskinporten-style client (integration type {@code krr} or {@code maskinporten})
   * holding {@code scopes}, with a registered RSA key. The store takes it as it is: scopes are not
   * checked against the self-service rules, so a test can give a client what Digdir grants by
   * agreement (such as {@code krr:global/hentendring.read}). Clients share key material to save key
   * generation time; each has its own kid.
   */
  public static TestClient register(
      KrrLocal krr, OrgNumber org, IntegrationType type, Collection<Scope> scopes) {
    Objects.requireNonNull(krr, "krr == null");
    Objects.requireNonNull(org, "org == null");
    if (!MASKINPORTEN_TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "registerClient makes clients that get tokens with JWT grants (krr, maskinporten), not "
              + type
              + "; register ID-porten clients through the self-service API");
    }
    String clientId = UUID.randomUUID().toString();
    RSAKey key = new RSAKey.Builder(TestKeys.rsa("krr-junit")).keyID("test-" + clientId).build();
    TestClient client = new TestClient(clientId, org, Set.copyOf(scopes), key);
    krr.clients().save(registered(client, type, krr.clock().instant()));
    replaceKeys(krr, client, List.of(key));
    return client;
  }

  /** Makes {@code keys} the client's registered keys (an empty list removes them all). */
  public static void replaceKeys(KrrLocal krr, TestClient client, List<RSAKey> keys) {
    Instant now = krr.clock().instant();
    krr.clientKeys()
        .replaceAll(
            client.clientId(),
            keys.stream()
                .map(
                    k ->
                        new ClientKey(
                            client.clientId(),
                            k.getKeyID(),
                            k.toPublicJWK().toJSONString(),
                            now,
                            now.plus(KEY_LIFETIME)))
                .toList());
  }

  private static RegisteredClient registered(TestClient c, IntegrationType type, Instant now) {
    return new RegisteredClient(
        c.clientId(),
        c.org(),
        null,
        type,
        "krr-junit test client",
        "registered by krr-junit",
        null,
        "web",
        "private_key_jwt",
        List.of(GRANT_TYPE),
        c.scopes(),
        List.of(),
        List.of(),
        120,
        0,
        0,
        null,
        false,
        null,
        true,
        now,
        now);
  }
}
