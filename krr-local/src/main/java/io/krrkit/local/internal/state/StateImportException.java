package io.krrkit.local.internal.state;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * State files that cannot be imported, with every problem found, each naming its file and line;
 * nothing of them was imported. The messages name fields and lines, never the values (identity
 * numbers, keys).
 */
public final class StateImportException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 20;

  private final transient List<Problem> problems;

  /** Refuses the import for {@code problems} (at least one). */
  public StateImportException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** One problem: what is wrong in which file, at which line (0 when it is about the file). */
  public record Problem(String file, int line, String message) {
    /** Requires the file and message. */
    public Problem {
      Objects.requireNonNull(file, "file == null");
      Objects.requireNonNull(message, "message == null");
    }

    @Override
    public String toString() {
      return line > 0 ? file + " line " + line + ": " + message : file + ": " + message;
    }
  }

  /** Every problem found, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs at least one problem");
    }
    String shown =
        problems.stream().limit(SHOWN).map(Problem::toString).collect(Collectors.joining("; "));
    int more = problems.size() - SHOWN;
    return "the state was not imported, nothing changed: "
        + shown
        + (more > 0 ? "; and " + more + " more" : "");
  }
}
