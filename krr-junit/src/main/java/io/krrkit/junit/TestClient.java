package io.krrkit.junit;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.testsupport.SigningClient;
import java.util.Objects;
import java.util.Set;

/**
 * A client registered in the emulator by {@link KrrLocalExtension}, with the private key its JWT
 * grants are signed with.
 *
 * @param clientId the integration id, the {@code iss} of the client's grants
 * @param org the organisation that owns the client; its tokens' {@code consumer}
 * @param scopes the scopes the client holds
 * @param key the RSA key pair; its public part is registered under {@code key.getKeyID()}
 */
public record TestClient(String clientId, OrgNumber org, Set<Scope> scopes, RSAKey key)
    implements SigningClient {

  /** Checks that every part is there and that the key has its private part. */
  public TestClient {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(org, "org == null");
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes == null"));
    Objects.requireNonNull(key, "key == null");
    if (!key.isPrivate()) {
      throw new IllegalArgumentException("a test client needs the private key to sign grants");
    }
  }

  /** The kid of the registered key. */
  public String kid() {
    return key.getKeyID();
  }

  /** Masks the private key: a test log never shows it. */
  @Override
  public String toString() {
    return "TestClient[clientId=" + clientId + ", org=" + org + ", kid=" + kid() + "]";
  }
}
