package io.krrkit.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fault and latency injection, as krr-junit's {@code krr.faults()} and krr-testcontainers' {@code
 * container.faults()} hand it out: rules that make an endpoint group of the emulator answer an
 * error in the real service's shape, reset the connection or answer nothing, after a latency, for
 * the next requests, with a probability or inside a window on the emulator's clock. The first rule
 * in force that applies to a request decides it.
 *
 * <pre>{@code
 * String id = krr.faults().on(FaultEndpoint.KRR_LOOKUP).sequence(503, 503).retryAfter(Duration.ZERO).add();
 * // … the code under test retries …
 * assertThat(krr.faults().applied(id)).isEqualTo(2);
 * }</pre>
 *
 * <p>One implementation for both: a {@link Backend} applies the rules, to the emulator in the
 * test's JVM or over its operator API ({@link OperatorApiClient}, {@code /admin/faults}).
 */
public final class Faults {
  private final Backend backend;

  /** Rules applied by {@code backend}. */
  public Faults(Backend backend) {
    this.backend = Objects.requireNonNull(backend, "backend == null");
  }

  /** Starts a rule for {@code endpoint}; {@link RuleBuilder#add()} puts it in force. */
  public RuleBuilder on(FaultEndpoint endpoint) {
    return new RuleBuilder(backend, Objects.requireNonNull(endpoint, "endpoint == null"));
  }

  /** The rules in force, exhausted ones included, oldest first. */
  public List<Rule> rules() {
    return backend.rules();
  }

  /** How many requests the rule {@code id} applied to; -1 when there is no such rule. */
  public int applied(String id) {
    return backend.applied(Objects.requireNonNull(id, "id == null"));
  }

  /** Removes the rule {@code id}; false when there is none. */
  public boolean remove(String id) {
    return backend.remove(Objects.requireNonNull(id, "id == null"));
  }

  /** Removes every rule, releasing the requests they hold or delay. */
  public void clear() {
    backend.clear();
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
   * A rule as the builder collected it, in the operator API's terms ({@code POST /admin/faults});
   * the emulator validates it. Unset parts are {@code null}.
   *
   * @param endpoint the endpoint group
   * @param status the status to answer, or {@code null}
   * @param connection {@code reset} or {@code no_answer}, or {@code null}
   * @param sequence statuses to answer in turn, one per request, or {@code null}
   * @param retryAfter the {@code Retry-After} in whole seconds
   * @param latency the wait before the answer
   * @param jitter up to this much more, at random
   * @param hold how long {@code no_answer} holds a request
   * @param times the next this many requests only
   * @param probability the chance a request is met (0 to 1), drawn from {@code seed}
   * @param seed the seed of the draw
   * @param from the outage window's start on the emulator's clock
   * @param until the outage window's end
   */
  public record Spec(
      FaultEndpoint endpoint,
      Integer status,
      String connection,
      List<Integer> sequence,
      Integer retryAfter,
      Duration latency,
      Duration jitter,
      Duration hold,
      Integer times,
      Double probability,
      Long seed,
      Instant from,
      Instant until) {
    /** Checks that the rule names its endpoint and freezes the sequence. */
    public Spec {
      Objects.requireNonNull(endpoint, "endpoint == null");
      sequence = sequence == null ? null : List.copyOf(sequence);
    }
  }

  /**
   * Where the rules go: the emulator in the test's JVM (krr-junit) or its operator API ({@link
   * OperatorApiClient}). Not for test code: krr-junit and krr-testcontainers implement it.
   */
  public interface Backend {
    /**
     * Validates {@code rule} and puts it in force after the others.
     *
     * @return the rule's id
     * @throws IllegalArgumentException when the rule cannot apply, naming the operator API's field
     */
    String add(Spec rule);

    /** The rules in force, oldest first. */
    List<Rule> rules();

    /** How many requests the rule applied to; -1 when there is no such rule. */
    int applied(String id);

    /** Removes the rule; false when there is none. */
    boolean remove(String id);

    /** Removes every rule. */
    void clear();
  }

  /**
   * A fault rule being built; {@link #add()} has the emulator validate it and put it in force. Give
   * a {@link #status}, a {@link #resetConnection()}, {@link #noAnswer()}, a {@link #sequence} or a
   * {@link #latency} (alone: the real answer, late), then when it applies.
   */
  public static final class RuleBuilder {
    private final Backend backend;
    private final FaultEndpoint endpoint;
    private Integer status;
    private String connection;
    private List<Integer> sequence;
    private Integer retryAfter;
    private Duration latency;
    private Duration jitter;
    private Duration hold;
    private Integer times;
    private Double probability;
    private Long seed;
    private Instant from;
    private Instant until;

    private RuleBuilder(Backend backend, FaultEndpoint endpoint) {
      this.backend = backend;
      this.endpoint = endpoint;
    }

    /**
     * Answers {@code status} (200–599): from 400 an error in the service's shape (429 and 503 with
     * {@code Retry-After: 1} unless {@link #retryAfter} says), a 2xx the real answer, any other
     * status bare.
     */
    public RuleBuilder status(int status) {
      this.status = status;
      this.connection = null;
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

    /** Resets the connection instead of answering. */
    public RuleBuilder resetConnection() {
      this.connection = "reset";
      this.status = null;
      return this;
    }

    /**
     * Answers nothing: holds the request until the client gives up, at most the emulator's default
     * hold (60 s), then drops the connection.
     */
    public RuleBuilder noAnswer() {
      this.connection = "no_answer";
      this.status = null;
      return this;
    }

    /** As {@link #noAnswer()}, holding at most {@code hold} (up to five minutes). */
    public RuleBuilder noAnswer(Duration hold) {
      this.hold = Objects.requireNonNull(hold, "hold == null");
      return noAnswer();
    }

    /**
     * Applies {@code statuses} in turn, one per request, then ends: {@code sequence(503, 503, 200)}
     * fails twice, then lets the real answer through.
     */
    public RuleBuilder sequence(int... statuses) {
      List<Integer> list = new ArrayList<>();
      for (int s : statuses) {
        list.add(s);
      }
      this.sequence = list;
      return this;
    }

    /** Waits {@code latency} before the answer (real time). */
    public RuleBuilder latency(Duration latency) {
      this.latency = Objects.requireNonNull(latency, "latency == null");
      return this;
    }

    /** Waits {@code latency} plus up to {@code jitter} more, drawn at random. */
    public RuleBuilder latency(Duration latency, Duration jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter == null");
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
     * Has the emulator validate the rule and put it in force after the others.
     *
     * @return the rule's id
     * @throws IllegalArgumentException when the rule cannot apply (a status outside 200–599, times
     *     below 1, …), naming the operator API's field; then nothing changed
     */
    public String add() {
      if (sequence != null && (status != null || connection != null)) {
        throw new IllegalArgumentException("sequence does not go with status or connection");
      }
      return backend.add(
          new Spec(
              endpoint,
              status,
              connection,
              sequence,
              retryAfter,
              latency,
              jitter,
              hold,
              times,
              probability,
              seed,
              from,
              until));
    }
  }
}
