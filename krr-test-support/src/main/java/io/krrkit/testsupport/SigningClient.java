package io.krrkit.testsupport;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import java.util.Set;

/**
 * A client registered in an emulator, with the private key its JWT grants are signed with: what
 * {@link ReadyClients} needs to wire a library client to it.
 */
public interface SigningClient {
  /** The integration id, the {@code iss} of the client's grants. */
  String clientId();

  /** The scopes the client holds. */
  Set<Scope> scopes();

  /** The RSA key pair, private part included; its public part is registered under its kid. */
  RSAKey key();
}
