package io.krrkit.krr;

import io.krrkit.core.Masking;
import io.krrkit.core.krr.Person;
import java.util.Objects;

/**
 * One row of a bulk lookup's output: KRR's answer for an input line, or the reason the line was not
 * sent. Rows reach the {@link BulkSink} in input order, one per {@link BulkInput}.
 */
public sealed interface BulkRow permits BulkRow.Answered, BulkRow.Rejected {

  /** The input line this row answers. */
  long line();

  /**
   * KRR's answer for one input line. A duplicated identity number is answered each time it appears.
   *
   * @param line the input line
   * @param person the person as KRR answered (an {@code IKKE_REGISTRERT} entry for unknown persons)
   */
  record Answered(long line, Person person) implements BulkRow {
    /** Checks the fields. */
    public Answered {
      Objects.requireNonNull(person, "person == null");
    }
  }

  /**
   * An input line that is not a valid identity number, so it was not sent. {@link #toString()}
   * masks the value.
   *
   * @param line the input line
   * @param value the value as read (may be {@code null}); show it only masked unless the user asks
   * @param rule a stable word for programs, as in {@link KrrInvalidInputException.Problem#rule()}
   * @param reason what is wrong, for people; never contains the value
   */
  record Rejected(long line, String value, String rule, String reason) implements BulkRow {
    /** Checks the fields. */
    public Rejected {
      Objects.requireNonNull(rule, "rule == null");
      Objects.requireNonNull(reason, "reason == null");
    }

    @Override
    public String toString() {
      return "Rejected[line="
          + line
          + ", value="
          + Masking.identifier(value)
          + ", rule="
          + rule
          + ", reason="
          + reason
          + "]";
    }
  }
}
