package io.krrkit.maskinporten;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.util.Set;

/**
 * A client {@link MaskinportenFixture} registered in the emulator, with the private key its grants
 * are signed with (krr-junit's {@code TestClient}, which this module cannot use: krr-junit depends
 * on it).
 */
record TestClient(String clientId, OrgNumber org, Set<Scope> scopes, RSAKey key) {

  /** The kid of the registered key. */
  String kid() {
    return key.getKeyID();
  }
}
