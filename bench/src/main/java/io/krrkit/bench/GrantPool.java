package io.krrkit.bench;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import io.krrkit.maskinporten.JwtGrant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Token request bodies with unique grants, all signed before a measurement starts so the load
 * generator spends no CPU on RSA while the server is measured.
 *
 * <p>The emulator takes a grant only while its {@code iat} is within 10 s of the server time, so
 * every grant of a pool is signed with {@code iat = signing start + }{@link #IAT_LEAD}: the pool is
 * usable from 1 s before signing starts until 19 s after, which bounds signing time plus measured
 * time (see {@link #usableUntil()}).
 */
final class GrantPool {
  /** How far ahead of the signing start the grants' {@code iat} lies. */
  static final Duration IAT_LEAD = Duration.ofSeconds(9);

  /** The emulator's allowed clock skew for {@code iat}. */
  static final Duration SKEW = Duration.ofSeconds(10);

  /** Thrown by {@link #next()} when every grant is spent. */
  static final class ExhaustedException extends RuntimeException {
    ExhaustedException() {
      super("grant pool exhausted: make it bigger or the run shorter", null, false, false);
    }
  }

  private final String[] forms;
  private final AtomicInteger next = new AtomicInteger();
  private final Instant usableUntil;

  private GrantPool(String[] forms, Instant usableUntil) {
    this.forms = forms;
    this.usableUntil = usableUntil;
  }

  /**
   * Signs up to {@code size} grants for {@code clientId} with {@code key} on {@code threads}
   * threads, fewer when {@code budgetSeconds} (at most 10, so some of the iat window is left to use
   * them) run out first.
   */
  static GrantPool sign(
      String issuer,
      String clientId,
      RSAKey key,
      Scope scope,
      int size,
      int threads,
      int budgetSeconds)
      throws InterruptedException {
    Instant start = Instant.now();
    long deadline = System.nanoTime() + Math.min(10, budgetSeconds) * 1_000_000_000L;
    Clock ahead = Clock.fixed(start.plus(IAT_LEAD), ZoneOffset.UTC);
    String[] forms = new String[size];
    AtomicInteger slot = new AtomicInteger();
    ExecutorService signers = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      signers.submit(
          () -> {
            for (int i = slot.getAndIncrement();
                i < size && System.nanoTime() < deadline;
                i = slot.getAndIncrement()) {
              forms[i] = form(issuer, clientId, key, scope, ahead);
            }
            return null;
          });
    }
    signers.shutdown();
    if (!signers.awaitTermination(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("signing the grant pool took over 5 minutes");
    }
    String[] signed = java.util.Arrays.stream(forms).filter(f -> f != null).toArray(String[]::new);
    return new GrantPool(signed, start.plus(IAT_LEAD).plus(SKEW));
  }

  private static String form(String issuer, String clientId, RSAKey key, Scope scope, Clock clock) {
    String grant =
        JwtGrant.builder()
            .audience(issuer)
            .issuer(clientId)
            .scope(scope)
            .lifetime(Duration.ofSeconds(120))
            .clock(clock)
            .build()
            .sign(key);
    return "grant_type="
        + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
        + "&assertion="
        + grant;
  }

  /** The next unused request body; throws {@link ExhaustedException} when none is left. */
  String next() {
    int i = next.getAndIncrement();
    if (i >= forms.length) {
      throw new ExhaustedException();
    }
    return forms[i];
  }

  /** The last instant the emulator still takes these grants ({@code iat} + 10 s). */
  Instant usableUntil() {
    return usableUntil;
  }

  int used() {
    return Math.min(next.get(), forms.length);
  }

  int size() {
    return forms.length;
  }
}
