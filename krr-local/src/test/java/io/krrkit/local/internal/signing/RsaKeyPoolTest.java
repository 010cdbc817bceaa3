package io.krrkit.local.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pooled keys are fresh, of the asked size, never handed out twice, and refilled ahead of need. */
class RsaKeyPoolTest {

  @Test
  void handsOutEachKeyOnce() {
    RsaKeyPool pool = new RsaKeyPool(1024, 2);
    Set<Object> moduli = new HashSet<>();

    for (int i = 0; i < 6; i++) {
      KeyPair pair = pool.take(1024);
      assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(1024);
      moduli.add(((RSAPublicKey) pair.getPublic()).getModulus());
    }

    assertThat(moduli).hasSize(6);
  }

  @Test
  void refillsInTheBackgroundAfterATake() {
    RsaKeyPool pool = new RsaKeyPool(1024, 2);
    assertThat(pool.readyCount()).isZero();

    pool.take(1024);

    await().atMost(Duration.ofSeconds(30)).until(() -> pool.readyCount() == 2);
  }

  @Test
  void generatesOtherSizesOnDemand() {
    RsaKeyPool pool = new RsaKeyPool(1024, 2);

    KeyPair pair = pool.take(2048);

    assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(pool.readyCount()).isZero();
  }
}
