package io.krrkit.local.internal.signing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh RSA key pairs made ahead of need, so that generating them (about 100 ms each for 2048 bits
 * on a small machine) stays off an emulator's start path. Every pair is handed out once. A daemon
 * thread refills the pool after each {@link #take} while the JVM is otherwise busy (a test class
 * running), so the second emulator started in a JVM finds its keys waiting; when the pool is empty,
 * {@link #take} waits for the pair being made, or generates on the caller's thread when none is.
 * Thread-safe.
 *
 * <p>One pool is shared by the emulators of one JVM ({@link #shared()}): the point is to carry work
 * from one start to the next. Only pairs of {@link #bits()} are pooled; other sizes are generated
 * on demand.
 */
public final class RsaKeyPool {
  private static final Logger log = LoggerFactory.getLogger(RsaKeyPool.class);
  private static final RsaKeyPool SHARED = new RsaKeyPool(2048, 3);
  private static final long POLL_MILLIS = 20;

  private final int bits;
  private final BlockingQueue<KeyPair> ready;
  private final AtomicBoolean refilling = new AtomicBoolean();

  RsaKeyPool(int bits, int capacity) {
    this.bits = bits;
    this.ready = new ArrayBlockingQueue<>(capacity);
  }

  /** The pool of this JVM's emulators: RSA 2048, up to three pairs kept ready. */
  public static RsaKeyPool shared() {
    return SHARED;
  }

  /** The size of the pooled pairs. */
  public int bits() {
    return bits;
  }

  /**
   * A key pair of {@code keyBits} bits that nobody else has been given: a pooled one when {@code
   * keyBits} is {@link #bits()} and one is ready, else one generated now. Starts a refill.
   */
  public KeyPair take(int keyBits) {
    if (keyBits != bits) {
      return generate(keyBits);
    }
    KeyPair pair = ready.poll();
    // The pair being made is nearer than a new one, and two generators would share the cores.
    try {
      while (pair == null && refilling.get()) {
        pair = ready.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    refill();
    return pair != null ? pair : generate(bits);
  }

  /**
   * A fresh RS256 signing key of {@code keyBits} bits, from {@link #take}, as a JWK builder with
   * its use and algorithm set: the caller names it ({@code keyID}, or {@code keyIDFromThumbprint}).
   */
  public RSAKey.Builder takeSigningKey(int keyBits) {
    KeyPair pair = take(keyBits);
    return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
        .privateKey((RSAPrivateKey) pair.getPrivate())
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.RS256);
  }

  /** Starts filling the pool in the background, unless a refill is already running. */
  public void refill() {
    if (ready.remainingCapacity() == 0 || !refilling.compareAndSet(false, true)) {
      return;
    }
    Thread filler = new Thread(this::fill, "krr-local:rsa-key-pool");
    filler.setDaemon(true);
    filler.setPriority(Thread.MIN_PRIORITY);
    filler.start();
  }

  /** The number of pairs ready now (for tests). */
  int readyCount() {
    return ready.size();
  }

  private void fill() {
    try {
      while (ready.remainingCapacity() > 0) {
        if (!ready.offer(generate(bits))) {
          break;
        }
      }
    } catch (RuntimeException e) {
      // The caller's thread generates instead; nothing is lost but time.
      log.warn("the RSA key pool could not pre-generate a key: {}", e.toString());
    } finally {
      refilling.set(false);
    }
  }

  private static KeyPair generate(int keyBits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(keyBits);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM cannot generate RSA keys", e);
    }
  }
}
