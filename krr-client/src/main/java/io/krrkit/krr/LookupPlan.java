package io.krrkit.krr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Splits a lookup into batches. Each distinct identifier is asked for once, in order of first
 * appearance; duplicates are answered from that one answer.
 *
 * @param requested the identifiers as the caller gave them, duplicates included
 * @param batches distinct identifiers, at most {@code batchSize} per batch
 */
record LookupPlan(List<String> requested, List<List<String>> batches) {

  LookupPlan {
    requested = List.copyOf(requested);
    batches = List.copyOf(batches);
  }

  static LookupPlan of(List<String> requested, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(requested));
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += batchSize) {
      batches.add(distinct.subList(from, Math.min(from + batchSize, distinct.size())));
    }
    return new LookupPlan(requested, batches);
  }

  /** How many distinct identifiers are sent. */
  int distinct() {
    return batches.stream().mapToInt(List::size).sum();
  }
}
