package io.krrkit.selfservice;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.UUID;

/** RSA 2048 keys with kids unique across the shared emulator (kids are unique across clients). */
final class Keys {
  private Keys() {}

  /** A new key pair whose kid starts with {@code name}. */
  static RSAKey rsa(String name) {
    try {
      return new RSAKeyGenerator(2048).keyID(name + "-" + UUID.randomUUID()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
