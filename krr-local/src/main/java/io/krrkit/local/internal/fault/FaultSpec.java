package io.krrkit.local.internal.fault;

import io.krrkit.local.FaultEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A fault rule as the operator asked for it: on which endpoint group, what (one step for every
 * request it applies to, or a sequence of steps, one per request), the latency before it, and when
 * it applies (the next {@code times} requests, with a {@code probability}, inside a window on the
 * emulator's clock). Validated here, so the operator API, {@code Controls} and the CLI refuse the
 * same rules with the same words; each refusal names the operator API's field.
 *
 * @param endpoint the endpoint group
 * @param steps the step of every request (one), or of each request in turn ({@code sequence})
 * @param sequence true when {@code steps} are applied in turn and the rule ends after the last
 * @param latency waited before the step, or {@code null}
 * @param jitter up to this much more waited, drawn at random, or {@code null}
 * @param hold how long a {@code no_answer} holds the request at most, or {@code null} for {@link
 *     #DEFAULT_HOLD}
 * @param times how many requests the rule applies to, or {@code null} for all
 * @param probability the chance it applies to a request, from 0 to 1, or {@code null} for 1
 * @param seed the seed of the rule's random draws, or {@code null} for a random one
 * @param from the emulator time it starts to apply, or {@code null}
 * @param until the emulator time it stops applying, or {@code null}
 */
public record FaultSpec(
    FaultEndpoint endpoint,
    List<FaultStep> steps,
    boolean sequence,
    Duration latency,
    Duration jitter,
    Duration hold,
    Integer times,
    Double probability,
    Long seed,
    Instant from,
    Instant until) {
  /** Longest latency, jitter or hold: long enough for any client time-out, short enough to end. */
  public static final Duration MAX_WAIT = Duration.ofMinutes(5);

  /** How long a {@code no_answer} holds a request when the rule does not say. */
  public static final Duration DEFAULT_HOLD = Duration.ofSeconds(60);

  /** Most steps in a sequence. */
  public static final int MAX_STEPS = 1000;

  /** Checks the fields. */
  public FaultSpec {
    if (endpoint == null) {
      throw new IllegalArgumentException(
          "endpoint is required, one of " + FaultEndpoint.wireNames());
    }
    steps = List.copyOf(steps);
    if (sequence && steps.isEmpty()) {
      throw new IllegalArgumentException("sequence must hold at least one step");
    }
    if (steps.size() > MAX_STEPS) {
      throw new IllegalArgumentException("sequence may hold at most " + MAX_STEPS + " steps");
    }
    if (!sequence && steps.size() != 1) {
      throw new IllegalArgumentException("a rule without a sequence has one step");
    }
    if (!sequence
        && steps.get(0).kind() == FaultStep.Kind.PASS
        && latency == null
        && jitter == null) {
      throw new IllegalArgumentException(
          "a rule needs status, connection, latency or sequence (it would change nothing)");
    }
    checkWait("latency", latency);
    checkWait("jitter", jitter);
    checkWait("hold", hold);
    if (hold != null && hold.isZero()) {
      throw new IllegalArgumentException("hold must be longer than zero");
    }
    if (hold != null && steps.stream().noneMatch(s -> s.kind() == FaultStep.Kind.NO_ANSWER)) {
      throw new IllegalArgumentException("hold goes only with a no_answer step");
    }
    if (seed != null && probability == null && jitter == null) {
      throw new IllegalArgumentException("seed goes only with probability or jitter");
    }
    if (times != null) {
      if (sequence) {
        throw new IllegalArgumentException(
            "times does not go with a sequence: a sequence applies once per step");
      }
      if (times < 1) {
        throw new IllegalArgumentException("times must be at least 1, was " + times);
      }
    }
    if (probability != null && (probability.isNaN() || probability < 0 || probability > 1)) {
      throw new IllegalArgumentException("probability must be from 0 to 1, was " + probability);
    }
    if (from != null && until != null && !from.isBefore(until)) {
      throw new IllegalArgumentException("until must be after from");
    }
  }

  private static void checkWait(String field, Duration wait) {
    if (wait != null && (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0)) {
      throw new IllegalArgumentException(
          field + " must be from PT0S to " + MAX_WAIT + ", was " + wait);
    }
  }

  /** How long a {@code no_answer} holds. */
  public Duration holdOrDefault() {
    return hold == null ? DEFAULT_HOLD : hold;
  }

  /** True when the rule applies at {@code now} (emulator time). */
  boolean inWindow(Instant now) {
    return (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
  }

  /** How many requests the rule applies to at most, or -1 for all. */
  int limit() {
    if (sequence) {
      return steps.size();
    }
    return times == null ? -1 : times;
  }
}
