package io.krrkit.local.internal.fault;

import io.krrkit.local.FaultEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * The fault rules in force, in the order they were added: the first rule that applies to a request
 * decides it. Windows are read on the emulator's clock; each rule draws its probability and jitter
 * from its own {@link Random}, seeded when the rule says, so a test replays the same faults. {@link
 * #clear()} (and the emulator's reset) drops every rule and releases the requests they hold or
 * delay. Thread-safe.
 */
public final class FaultRules {
  /** Most rules at once. */
  public static final int MAX_RULES = 1000;

  private final Clock clock;
  private final List<Live> rules = new ArrayList<>();
  private final Object waits = new Object();
  private long nextId = 1;

  /** Rules read on {@code clock} (the emulator's). */
  public FaultRules(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Adds {@code spec} after the rules in force.
   *
   * @throws IllegalArgumentException when {@value #MAX_RULES} rules are in force
   */
  public synchronized FaultRule add(FaultSpec spec) {
    Objects.requireNonNull(spec, "spec == null");
    if (rules.size() >= MAX_RULES) {
      throw new IllegalArgumentException(
          "at most " + MAX_RULES + " fault rules at once; remove or clear some first");
    }
    Live live =
        new Live(
            "fault-" + nextId++,
            spec,
            spec.seed() == null ? new Random() : new Random(spec.seed()));
    rules.add(live);
    return live.view();
  }

  /** The rules in force, exhausted ones included, oldest first. */
  public synchronized List<FaultRule> list() {
    return rules.stream().map(Live::view).toList();
  }

  /** The rule with {@code id}. */
  public synchronized Optional<FaultRule> find(String id) {
    return rules.stream().filter(r -> r.id.equals(id)).map(Live::view).findFirst();
  }

  /** Removes the rule with {@code id}; false when there is none. */
  public boolean remove(String id) {
    boolean removed;
    synchronized (this) {
      removed = rules.removeIf(r -> r.id.equals(id));
    }
    if (removed) {
      release();
    }
    return removed;
  }

  /** Removes every rule and releases the requests held or delayed. */
  public void clear() {
    synchronized (this) {
      rules.clear();
    }
    release();
  }

  /**
   * What a request to {@code endpoint} meets now: the first rule in force that applies (counted as
   * applied), or empty when none does.
   */
  public synchronized Optional<FaultDecision> decide(FaultEndpoint endpoint) {
    var now = clock.instant();
    for (Iterator<Live> it = rules.iterator(); it.hasNext(); ) {
      Live rule = it.next();
      FaultSpec spec = rule.spec;
      if (spec.endpoint() != endpoint || rule.view().exhausted() || !spec.inWindow(now)) {
        continue;
      }
      if (spec.probability() != null && rule.random.nextDouble() >= spec.probability()) {
        continue;
      }
      FaultStep step = spec.steps().get(spec.sequence() ? rule.applied : 0);
      rule.applied++;
      return Optional.of(new FaultDecision(rule.id, step, delay(rule), spec.holdOrDefault()));
    }
    return Optional.empty();
  }

  private static Duration delay(Live rule) {
    Duration delay = rule.spec.latency() == null ? Duration.ZERO : rule.spec.latency();
    Duration jitter = rule.spec.jitter();
    if (jitter != null && !jitter.isZero()) {
      delay = delay.plusNanos((long) (rule.random.nextDouble() * jitter.toNanos()));
    }
    return delay;
  }

  /**
   * Waits {@code wait} (real time, not the emulator's clock), or less when the rule {@code ruleId}
   * is removed meanwhile (by itself or by a clear; also when it was removed before the wait began):
   * removing one rule releases the requests it holds or delays, not those of other rules.
   *
   * @return true when the whole time passed
   */
  public boolean await(String ruleId, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (waits) {
      while (inForce(ruleId)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        waits.wait(Math.max(1, left / 1_000_000));
      }
      return false;
    }
  }

  private synchronized boolean inForce(String ruleId) {
    return rules.stream().anyMatch(r -> r.id.equals(ruleId));
  }

  private void release() {
    synchronized (waits) {
      waits.notifyAll();
    }
  }

  /** A rule and its count and random draws. */
  private static final class Live {
    final String id;
    final FaultSpec spec;
    final Random random;
    int applied;

    Live(String id, FaultSpec spec, Random random) {
      this.id = id;
      this.spec = spec;
      this.random = random;
    }

    FaultRule view() {
      return new FaultRule(id, spec, applied);
    }
  }
}
