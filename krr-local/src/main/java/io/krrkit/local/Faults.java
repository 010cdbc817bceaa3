package io.krrkit.local;

import io.krrkit.local.internal.fault.FaultRule;
import io.krrkit.local.internal.fault.FaultRules;
import io.krrkit.local.internal.fault.FaultSpec;
import io.krrkit.local.internal.fault.FaultStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fault and latency injection ({@link Controls#faults()}): rules that make an endpoint group answer
 * an error in the real service's shape, a bare status, a reset connection or nothing, after a
 * latency, for the next requests, with a probability or inside a window on the emulator's clock.
 * The first rule in force that applies to a request decides it; {@link Controls#reset()} drops them
 * all. Operator API: {@code /admin/faults}. Thread-safe.
 *
 * <pre>{@code
 * krr.controls().faults().on(FaultEndpoint.TOKEN).status(503).times(2).add();
 * krr.controls().faults().on(FaultEndpoint.KRR_LOOKUP).sequence(503, 503, 200).add();
 * }</pre>
 */
public final class Faults {
  private final FaultRules rules;

  Faults(FaultRules rules) {
    this.rules = rules;
  }

  /** Starts a rule for {@code endpoint}; {@link RuleBuilder#add()} puts it in force. */
  public RuleBuilder on(FaultEndpoint endpoint) {
    return new RuleBuilder(rules, Objects.requireNonNull(endpoint, "endpoint == null"));
  }

  /** The rules in force, exhausted ones included, oldest first. */
  public List<Rule> rules() {
    return rules.list().stream().map(Faults::rule).toList();
  }

  /** How many requests the rule {@code id} applied to; -1 when there is no such rule. */
  public int applied(String id) {
    return rules.find(id).map(FaultRule::applied).orElse(-1);
  }

  /** Removes the rule {@code id}; false when there is none. */
  public boolean remove(String id) {
    return rules.remove(id);
  }

  /** Removes every rule, releasing the requests they hold or delay. */
  public void clear() {
    rules.clear();
  }

  private static Rule rule(FaultRule r) {
    return new Rule(r.id(), r.spec().endpoint(), r.applied(), r.remaining(), r.exhausted());
  }

  /**
   * A rule in force.
   *
   * @param id its id, for {@link #remove} and {@code DELETE /admin/faults/{id}}
   * @param endpoint the endpoint group it targets
   * @param applied to how many requests it applied
   * @param remaining to how many more it applies, or -1 for all
   * @param exhausted true when it applies to no more requests
   */
  public record Rule(
      String id, FaultEndpoint endpoint, int applied, int remaining, boolean exhausted) {}

  /**
   * A fault rule being built; {@link #add()} validates it and puts it in force. Give a {@link
   * #status}, a {@link #resetConnection()}, {@link #noAnswer()}, a {@link #sequence} or a {@link
   * #latency} (alone: the real answer, late), then when it applies.
   */
  public static final class RuleBuilder {
    private final FaultRules rules;
    private final FaultEndpoint endpoint;
    private final List<FaultStep> steps = new ArrayList<>();
    private boolean sequence;
    private FaultStep.Kind kind = FaultStep.Kind.PASS;
    private int status;
    private Integer retryAfter;
    private Duration latency;
    private Duration jitter;
    private Duration hold;
    private Integer times;
    private Double probability;
    private Long seed;
    private Instant from;
    private Instant until;

    private RuleBuilder(FaultRules rules, FaultEndpoint endpoint) {
      this.rules = rules;
      this.endpoint = endpoint;
    }

    /**
     * Answers {@code status} (200–599): from 400 an error in the service's shape (429 and 503 with
     * {@code Retry-After: 1} unless {@link #retryAfter} says), a 2xx the real answer, any other
     * status bare.
     */
    public RuleBuilder status(int status) {
      this.kind = FaultStep.Kind.STATUS;
      this.status = status;
      return this;
    }

    /**
     * The {@code Retry-After} sent with the status (from 300), in whole seconds.
     *
     * @throws IllegalArgumentException when {@code retryAfter} is not whole seconds
     */
    public RuleBuilder retryAfter(Duration retryAfter) {
      if (retryAfter.toNanosPart() != 0) {
        throw new IllegalArgumentException(
            "retry_after must be whole seconds (Retry-After has no fractions), was " + retryAfter);
      }
      this.retryAfter = Math.toIntExact(retryAfter.toSeconds());
      return this;
    }

    /** Resets the connection (TCP RST) instead of answering. */
    public RuleBuilder resetConnection() {
      this.kind = FaultStep.Kind.RESET;
      return this;
    }

    /**
     * Answers nothing: holds the request until the client gives up, at most {@link
     * FaultSpec#DEFAULT_HOLD}, then drops the connection.
     */
    public RuleBuilder noAnswer() {
      this.kind = FaultStep.Kind.NO_ANSWER;
      return this;
    }

    /** As {@link #noAnswer()}, holding at most {@code hold} (up to five minutes). */
    public RuleBuilder noAnswer(Duration hold) {
      this.hold = hold;
      return noAnswer();
    }

    /**
     * Applies {@code statuses} in turn, one per request, then ends: {@code sequence(503, 503, 200)}
     * fails twice, then lets the real answer through.
     */
    public RuleBuilder sequence(int... statuses) {
      this.sequence = true;
      for (int s : statuses) {
        steps.add(new FaultStep(FaultStep.Kind.STATUS, s, null));
      }
      return this;
    }

    /** Waits {@code latency} before the answer (real time). */
    public RuleBuilder latency(Duration latency) {
      this.latency = latency;
      return this;
    }

    /** Waits {@code latency} plus up to {@code jitter} more, drawn at random. */
    public RuleBuilder latency(Duration latency, Duration jitter) {
      this.jitter = jitter;
      return latency(latency);
    }

    /** Applies to the next {@code times} requests only. */
    public RuleBuilder times(int times) {
      this.times = times;
      return this;
    }

    /** Applies to each request with {@code probability} (0 to 1), drawn from {@code seed}. */
    public RuleBuilder probability(double probability, long seed) {
      this.probability = probability;
      this.seed = seed;
      return this;
    }

    /** Applies only from {@code from} until {@code until} on the emulator's clock (an outage). */
    public RuleBuilder between(Instant from, Instant until) {
      this.from = Objects.requireNonNull(from, "from == null");
      this.until = Objects.requireNonNull(until, "until == null");
      return this;
    }

    /**
     * Validates the rule and puts it in force after the others.
     *
     * @return the rule's id
     * @throws IllegalArgumentException when the rule cannot apply (a status outside 200–599, times
     *     below 1, …), naming the operator API's field; then nothing changed
     */
    public String add() {
      List<FaultStep> ruleSteps =
          sequence
              ? steps.stream()
                  .map(
                      s ->
                          new FaultStep(
                              s.kind(), s.status(), s.takesRetryAfter() ? retryAfter : null))
                  .toList()
              : List.of(
                  new FaultStep(kind, kind == FaultStep.Kind.STATUS ? status : 0, retryAfter));
      if (retryAfter != null && ruleSteps.stream().noneMatch(FaultStep::takesRetryAfter)) {
        throw new IllegalArgumentException("retry_after goes only with a status from 300");
      }
      FaultSpec spec =
          new FaultSpec(
              endpoint,
              ruleSteps,
              sequence,
              latency,
              jitter,
              hold,
              times,
              probability,
              seed,
              from,
              until);
      return rules.add(spec).id();
    }
  }
}
