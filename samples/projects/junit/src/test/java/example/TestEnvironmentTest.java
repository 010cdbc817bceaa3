package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrEnvironment;
import org.junit.jupiter.api.Test;

/** The TEST example builds without a network and names Digdir's test hosts. */
class TestEnvironmentTest {
  @Test
  void theClientsPointAtDigdirsTestEnvironment() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();

    KrrClient krr = TestEnvironment.krrClient("0f8b6a1e-5a52-4d0e-9c44-6f9d2b1c3e7a", key);

    assertEquals(KrrEnvironment.TEST, krr.environment());
    assertEquals("https://test.kontaktregisteret.no", krr.environment().baseUri().toString());
  }
}
