package io.krrkit.krr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LookupPlanTest {

  @Test
  void splitsIntoBatchesOfAtMost1000KeepingOrder() {
    List<String> ids = SyntheticIds.unknown(2500);

    LookupPlan plan = LookupPlan.of(ids, 1000);

    assertThat(plan.batches()).extracting(List::size).containsExactly(1000, 1000, 500);
    assertThat(plan.batches().stream().flatMap(List::stream)).containsExactlyElementsOf(ids);
  }

  @Test
  void asksForEachDistinctIdentifierOnceInOrderOfFirstAppearance() {
    List<String> three = SyntheticIds.unknown(3);
    String a = three.get(0);
    String b = three.get(1);
    String c = three.get(2);

    LookupPlan plan = LookupPlan.of(List.of(b, a, b, c, a), 2);

    assertThat(plan.batches()).containsExactly(List.of(b, a), List.of(c));
    assertThat(plan.requested()).containsExactly(b, a, b, c, a);
    assertThat(plan.distinct()).isEqualTo(3);
  }

  @Test
  void anEmptyLookupHasNoBatches() {
    assertThat(LookupPlan.of(List.of(), 1000).batches()).isEmpty();
  }
}
