package io.krrkit.testcontainers;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import io.krrkit.testsupport.SigningClient;
import java.util.Objects;
import java.util.Set;

/**
 * A client {@link KrrLocalContainer} registered in the emulator through its self-service API, with
 * the private key its JWT grants are signed with.
 *
 * @param clientId the integration id, the {@code iss} of the client's grants
 * @param scopes the scopes the emulator gave the client
 * @param key the RSA key pair; its public part is registered under {@code key.getKeyID()}
 */
public record ContainerTestClient(String clientId, Set<Scope> scopes, RSAKey key)
    implements SigningClient {

  /** Checks that every part is there and that the key has its private part. */
  public ContainerTestClient {
    Objects.requireNonNull(clientId, "clientId == null");
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes == null"));
    Objects.requireNonNull(key, "key == null");
    if (!key.isPrivate()) {
      throw new IllegalArgumentException("a test client needs the private key to sign grants");
    }
  }

  /** Masks the private key: a test log never shows it. */
  @Override
  public String toString() {
    return "ContainerTestClient[clientId=" + clientId + ", kid=" + key.getKeyID() + "]";
  }
}
