package io.krrkit.local.internal.maskinporten;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets each grant {@code jti} be used once. Ids are stored as SHA-256 hashes (fixed length, nothing
 * the client chose in the store) until the grant expires; expired ids are purged at most once a
 * minute, on the request that finds the purge due.
 */
public final class ReplayGuard {
  static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

  private final UsedGrantRepository repository;
  private final Clock clock;
  private final AtomicReference<Instant> nextPurge;

  public ReplayGuard(UsedGrantRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
    this.nextPurge = new AtomicReference<>(Instant.MIN);
  }

  /**
   * Records {@code jti} as used until {@code keepUntil}.
   *
   * @return false when it was used before
   */
  boolean firstUse(String jti, Instant keepUntil) {
    purgeWhenDue();
    return repository.markUsed(hash(jti), keepUntil);
  }

  private void purgeWhenDue() {
    Instant now = clock.instant();
    Instant due = nextPurge.get();
    // Only the thread that moves the deadline purges; the others go on.
    if (!now.isBefore(due) && nextPurge.compareAndSet(due, now.plus(PURGE_INTERVAL))) {
      repository.deleteExpired(now);
    }
  }

  static String hash(String jti) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(jti.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
