package io.krrkit.krr;

import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.PersonerResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs KRR's answer to one batch with the identifiers asked for, by identifier rather than by
 * position (v2 leaves unknown persons out, so positions shift). An answer with persons nobody asked
 * for, a person twice, or a gap the API version does not allow is refused whole.
 */
final class BatchAnswer {
  private final boolean gapsMeanUnknown;

  /**
   * @param gapsMeanUnknown true for v2 without {@code inkluderIkkeRegistrerte}, where KRR leaves
   *     unknown persons out; those gaps become {@code IKKE_REGISTRERT} entries ({@link #unknown})
   */
  BatchAnswer(boolean gapsMeanUnknown) {
    this.gapsMeanUnknown = gapsMeanUnknown;
  }

  /** Each asked identifier with its person. */
  Map<String, Person> match(List<String> asked, PersonerResponse answer) {
    Set<String> askedSet = new HashSet<>(asked);
    Map<String, Person> byId = new HashMap<>(asked.size() * 2);
    int unexpected = 0;
    int repeated = 0;
    for (Person person : answer.personer()) {
      if (!askedSet.contains(person.personidentifikator())) {
        unexpected++;
      } else if (byId.putIfAbsent(person.personidentifikator(), person) != null) {
        repeated++;
      }
    }
    int missing = asked.size() - byId.size();
    if (unexpected > 0 || repeated > 0 || (missing > 0 && !gapsMeanUnknown)) {
      throw mismatch(asked.size(), answer.personer().size(), missing, unexpected, repeated);
    }
    for (String id : asked) {
      byId.computeIfAbsent(id, Person::ikkeRegistrert);
    }
    return byId;
  }

  private static KrrResponseException mismatch(
      int asked, int answered, int missing, int unexpected, int repeated) {
    return new KrrResponseException(
        "KRR's answer does not match the request, so it was discarded: asked for "
            + asked
            + " persons, got "
            + answered
            + " ("
            + missing
            + " missing, "
            + unexpected
            + " not asked for, "
            + repeated
            + " repeated). This is a fault on KRR's side or in a proxy between; report it"
            + " with the time of the lookup.",
        null);
  }
}
