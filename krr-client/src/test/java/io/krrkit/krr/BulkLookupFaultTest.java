package io.krrkit.krr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.krr.ScriptedKrr.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bulk lookups meeting faults mid-run, from the scripted stand-in. */
class BulkLookupFaultTest {
  private static final Reply UNAVAILABLE = Reply.json(503, "{\"error\":\"unavailable\"}");

  private final ScriptedKrr krr = ScriptedKrr.start();
  private final List<String> ids = SyntheticIds.unknown(6);
  private final List<BulkRow> rows = new ArrayList<>();
  private final AtomicInteger batchesDone = new AtomicInteger();

  @AfterEach
  void stop() {
    krr.close();
  }

  @Test
  void retries429And503MidRunThenDeliversEveryRow() throws Exception {
    krr.then(ScriptedKrr::everyoneActive)
        .then(Reply.json(429, "").withHeader("Retry-After", "1"))
        .then(UNAVAILABLE)
        .then(ScriptedKrr::everyoneActive)
        .then(ScriptedKrr::everyoneActive);

    BulkSummary summary = bulk().run(BulkLookupTest.inputs(ids), sink());

    assertThat(rows).extracting(BulkRow::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(summary.answered()).isEqualTo(6);
    assertThat(krr.waits).hasSize(2).first().isEqualTo(Duration.ofSeconds(1));
    assertThat(krr.askedIds())
        .containsExactly(
            ids.get(0),
            ids.get(1),
            ids.get(2),
            ids.get(3),
            ids.get(2),
            ids.get(3),
            ids.get(2),
            ids.get(3),
            ids.get(4),
            ids.get(5));
  }

  @Test
  void reportsABatchThatStillFailsAfterRetriesOnceEarlierRowsAreDelivered() {
    krr.then(ScriptedKrr::everyoneActive).then(UNAVAILABLE, 4);

    assertThatThrownBy(() -> bulk().run(BulkLookupTest.inputs(ids), sink()))
        .isInstanceOfSatisfying(KrrHttpException.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessageContaining("4 attempts");
    assertThat(rows).extracting(BulkRow::line).containsExactly(1L, 2L);
    assertThat(batchesDone).hasValue(1);
  }

  @Test
  void refusesAnAnswerWithAPersonNobodyAskedFor() {
    krr.then(ScriptedKrr::everyoneActive)
        .then(request -> ScriptedKrr.answer(List.of(ids.get(2), ids.get(3), ids.get(5))));

    assertThatThrownBy(() -> bulk().run(BulkLookupTest.inputs(ids), sink()))
        .isInstanceOf(KrrResponseException.class)
        .hasMessageContaining("1 not asked for")
        .hasMessageNotContaining(ids.get(5));
    assertThat(rows).hasSize(2);
  }

  private BulkLookup bulk() {
    KrrClient client = krr.client().batchSize(2).inkluderIkkeRegistrerte(true).build();
    return BulkLookup.builder(client).maxInFlightBatches(1).build();
  }

  private BulkSink sink() {
    return new BulkSink() {
      @Override
      public void accept(BulkRow row) {
        rows.add(row);
      }

      @Override
      public void batchDone(BulkSummary soFar) {
        batchesDone.incrementAndGet();
      }
    };
  }
}
