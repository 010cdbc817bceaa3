package io.krrkit.krr;

import io.krrkit.core.InvalidIdentifierException;
import io.krrkit.core.Personidentifikator;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses invalid identity numbers before anything is sent, naming every bad position at once. In
 * production, synthetic test numbers are refused too, unless explicitly allowed
 * (spec.md#identity-and-organisation-numbers).
 */
final class IdentifierCheck {
  private final boolean refuseSynthetic;

  IdentifierCheck(boolean refuseSynthetic) {
    this.refuseSynthetic = refuseSynthetic;
  }

  /** The values, unchanged, when all are valid. */
  List<String> check(List<String> values) {
    List<KrrInvalidInputException.Problem> problems = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      KrrInvalidInputException.Problem problem = problem(i + 1, values.get(i));
      if (problem != null) {
        problems.add(problem);
      }
    }
    if (!problems.isEmpty()) {
      throw new KrrInvalidInputException(problems, values.size());
    }
    return values;
  }

  /** Why {@code value} cannot be looked up (position 0), or {@code null} when it can. */
  KrrInvalidInputException.Problem problem(String value) {
    return problem(0, value);
  }

  private KrrInvalidInputException.Problem problem(int position, String value) {
    if (value == null) {
      return new KrrInvalidInputException.Problem(
          position, KrrInvalidInputException.RULE_MISSING, "the entry is null");
    }
    try {
      Personidentifikator id = Personidentifikator.of(value);
      if (refuseSynthetic && id.isSynthetic()) {
        return new KrrInvalidInputException.Problem(
            position,
            KrrInvalidInputException.RULE_SYNTHETIC,
            "a synthetic test number (month + 80) cannot be looked up in production");
      }
      return null;
    } catch (InvalidIdentifierException e) {
      return new KrrInvalidInputException.Problem(position, e.rule(), e.getMessage());
    }
  }
}
