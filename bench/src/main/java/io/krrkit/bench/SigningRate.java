package io.krrkit.bench;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The JDK's raw RS256 rate (SHA256withRSA, 2048-bit key, default provider) on {@code threads}
 * threads: the ceiling for any token endpoint that signs each token on this machine.
 */
final class SigningRate {
  /** A payload the size of an access token's signing input. */
  private static final byte[] INPUT = "x".repeat(600).getBytes(StandardCharsets.US_ASCII);

  private SigningRate() {}

  /** What one run measured. */
  record Result(double perSecond, double cpuMicrosPerSignature) {}

  /** Signatures per second over {@code seconds}, summed over {@code threads}, and CPU per one. */
  static Result measure(int threads, double seconds) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    run(pair.getPrivate(), threads, 1.0);
    return run(pair.getPrivate(), threads, seconds);
  }

  private static Result run(PrivateKey key, int threads, double seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long cpuBefore = CpuMeter.now().process();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    List<Future<Long>> counts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      counts.add(pool.submit(() -> signUntil(key, deadline)));
    }
    long total = 0;
    for (Future<Long> c : counts) {
      total += c.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long cpu = CpuMeter.now().process() - cpuBefore;
    pool.shutdown();
    return new Result(total / elapsed, cpu / 1e3 / total);
  }

  private static long signUntil(PrivateKey key, long deadline) throws Exception {
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    long n = 0;
    while (System.nanoTime() < deadline) {
      rs256.initSign(key);
      rs256.update(INPUT);
      rs256.sign();
      n++;
    }
    return n;
  }
}
