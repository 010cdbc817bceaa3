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

  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(ReplayGuard::sha256);
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

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
    // digest() resets the digest, so each thread's one serves every grant it reads.
    byte[] digest = SHA_256.get().digest(jti.getBytes(StandardCharsets.UTF_8));
    return BASE64URL.encodeToString(digest);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
