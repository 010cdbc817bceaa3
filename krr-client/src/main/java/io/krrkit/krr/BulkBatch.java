package io.krrkit.krr;

import io.krrkit.core.krr.Person;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Consecutive input lines, at most one request's worth, rejected ones included, and the pending
 * answer. A number repeated within the batch is sent once and answered on each of its lines.
 */
final class BulkBatch {
  private final List<BulkInput> lines = new ArrayList<>();
  private final List<BulkRow.Rejected> rejections = new ArrayList<>();
  private final Set<String> distinct = new LinkedHashSet<>();
  private CompletableFuture<Map<String, Person>> answer;

  /** Adds a valid line. */
  void add(BulkInput input) {
    lines.add(input);
    rejections.add(null);
    distinct.add(input.value());
  }

  /** Adds a line that is not sent. */
  void reject(BulkInput input, BulkRow.Rejected rejection) {
    lines.add(input);
    rejections.add(rejection);
  }

  int distinctIds() {
    return distinct.size();
  }

  int lines() {
    return lines.size();
  }

  List<String> ids() {
    return List.copyOf(distinct);
  }

  void answer(CompletableFuture<Map<String, Person>> pending) {
    this.answer = pending;
  }

  CompletableFuture<Map<String, Person>> answer() {
    return answer;
  }

  /** One row per line, in line order, from the answer. */
  List<BulkRow> rows(Map<String, Person> answered) {
    List<BulkRow> rows = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      BulkRow.Rejected rejected = rejections.get(i);
      BulkInput line = lines.get(i);
      rows.add(
          rejected != null
              ? rejected
              : new BulkRow.Answered(line.line(), answered.get(line.value())));
    }
    return rows;
  }
}
