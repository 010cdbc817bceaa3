package io.krrkit.junit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RSA-2048 key pairs for tests, made once per kid and test run: generating one takes about a tenth
 * of a second, which adds up over a suite.
 */
public final class TestKeys {
  private static final Map<String, RSAKey> KEYS = new ConcurrentHashMap<>();

  private TestKeys() {}

  /** The key pair with this kid; the same object every time it is asked for in one test run. */
  public static RSAKey rsa(String kid) {
    return KEYS.computeIfAbsent(kid, TestKeys::generate);
  }

  private static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(RSAKeyGenerator.MIN_KEY_SIZE_BITS).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("the JDK could not make an RSA key pair", e);
    }
  }
}
