package io.krrkit.krr;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Identity numbers refused before any request was sent. {@link #problems()} names each refused
 * position (1-based, in the caller's list) and the rule it broke, never the number itself.
 */
public final class KrrInvalidInputException extends KrrException {
  private static final long serialVersionUID = 1L;
  private static final int LISTED_IN_MESSAGE = 5;

  /** Rule broken by a {@code null} entry. */
  public static final String RULE_MISSING = "missing";

  /** Rule broken by a synthetic test number sent to production. */
  public static final String RULE_SYNTHETIC = "synthetic";

  private final List<Problem> problems;
  private final int total;

  /**
   * One refused entry.
   *
   * @param position 1-based position in the caller's list
   * @param rule a stable word for programs: {@code length}, {@code digits}, {@code date}, {@code
   *     control-digit-1}, {@code control-digit-2}, {@link #RULE_MISSING} or {@link #RULE_SYNTHETIC}
   * @param message what is wrong, for people; never contains the number
   */
  public record Problem(int position, String rule, String message) {
    /** Checks the fields. */
    public Problem {
      Objects.requireNonNull(rule, "rule == null");
      Objects.requireNonNull(message, "message == null");
    }
  }

  KrrInvalidInputException(List<Problem> problems, int total) {
    super(describe(problems, total), null);
    this.problems = List.copyOf(problems);
    this.total = total;
  }

  @Override
  KrrInvalidInputException rethrownInCaller() {
    return new KrrInvalidInputException(problems, total);
  }

  /** Every refused entry, in list order. */
  public List<Problem> problems() {
    return problems;
  }

  /** How many identifiers the caller gave. */
  public int total() {
    return total;
  }

  private static String describe(List<Problem> problems, int total) {
    String listed =
        problems.stream()
            .limit(LISTED_IN_MESSAGE)
            .map(p -> "position " + p.position() + " (" + p.rule() + "): " + p.message())
            .collect(Collectors.joining("; "));
    String more =
        problems.size() > LISTED_IN_MESSAGE
            ? "; and " + (problems.size() - LISTED_IN_MESSAGE) + " more"
            : "";
    return problems.size()
        + " of "
        + total
        + " identifiers are invalid, so nothing was sent to KRR: "
        + listed
        + more
        + ". Correct or remove them and look up again.";
  }
}
