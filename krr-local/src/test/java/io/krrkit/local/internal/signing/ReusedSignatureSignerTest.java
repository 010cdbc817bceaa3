package io.krrkit.local.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReusedSignatureSignerTest {
  private static RSAKey key;

  @BeforeAll
  static void key() throws JOSEException {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
  }

  @Test
  void makesTheSameBytesAsNimbusSignerTokenAfterToken() throws Exception {
    ReusedSignatureSigner reused = new ReusedSignatureSigner(key.toPrivateKey());
    RSASSASigner nimbus = new RSASSASigner(key);

    for (int i = 0; i < 3; i++) {
      assertThat(signed("{\"n\":" + i + "}", reused))
          .isEqualTo(signed("{\"n\":" + i + "}", nimbus));
    }
  }

  @Test
  void threadsSigningAtOnceEachGetAValidSignatureOfTheirOwnInput() throws Exception {
    ReusedSignatureSigner signer = new ReusedSignatureSigner(key.toPrivateKey());
    RSASSAVerifier verifier = new RSASSAVerifier(key.toRSAPublicKey());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> tokens =
          IntStream.range(0, 40)
              .mapToObj(i -> pool.submit(() -> signed("{\"n\":" + i + "}", signer)))
              .toList();
      for (int i = 0; i < tokens.size(); i++) {
        JWSObject parsed = JWSObject.parse(tokens.get(i).get(60, TimeUnit.SECONDS));
        assertThat(parsed.verify(verifier)).isTrue();
        assertThat(parsed.getPayload().toString()).isEqualTo("{\"n\":" + i + "}");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesAnAlgorithmOtherThanRs256() throws Exception {
    ReusedSignatureSigner signer = new ReusedSignatureSigner(key.toPrivateKey());
    assertThatThrownBy(() -> signer.sign(new JWSHeader(JWSAlgorithm.RS512), new byte[] {1}))
        .isInstanceOf(JOSEException.class)
        .hasMessageContaining("RS256 only");
  }

  private static String signed(String payload, com.nimbusds.jose.JWSSigner signer)
      throws JOSEException {
    JWSObject object =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), new Payload(payload));
    object.sign(signer);
    return object.serialize();
  }
}
