package io.krrkit.junit;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.ClientSpec;
import io.krrkit.local.KrrLocal;
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
    krr.controls()
        .putClient(
            ClientSpec.jwtBearer(clientId, org, type.wireName(), client.scopes())
                .named("krr-junit test client"));
    replaceKeys(krr, client, List.of(key));
    return client;
  }

  /** Makes {@code keys} the client's registered keys (an empty list removes them all). */
  public static void replaceKeys(KrrLocal krr, TestClient client, List<RSAKey> keys) {
    krr.controls().replaceKeys(client.clientId(), keys);
  }
}
