package io.krrkit.krr;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.Status;
import io.krrkit.core.krr.Varslingsstatus;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bulk lookups against the real emulator over HTTP. */
class BulkLookupTest {
  @RegisterExtension static final KrrLocalFixture emulator = new KrrLocalFixture();

  @Test
  void answersEveryLineInInputOrderAcrossBatches() throws Exception {
    List<String> ids = new ArrayList<>(SyntheticIds.unknown(2300));
    for (int i = 0; i < KnownPersons.ALL.size(); i++) {
      ids.add(i * 250, KnownPersons.ALL.get(i).value()); // spread over all three batches
    }
    List<BulkRow> rows = new ArrayList<>();

    BulkSummary summary =
        BulkLookup.builder(emulator.client().build()).build().run(inputs(ids), rows::add);

    assertThat(rows).extracting(BulkRow::line).containsExactlyElementsOf(lines(ids.size()));
    assertThat(rows)
        .map(row -> ((BulkRow.Answered) row).person().personidentifikator())
        .containsExactlyElementsOf(ids);
    assertThat(rows)
        .map(row -> ((BulkRow.Answered) row).person())
        .allSatisfy(
            p ->
                assertThat(p.status())
                    .isEqualTo(emulator.statusInRegister(p.personidentifikator())));
    assertThat(summary.answered()).isEqualTo(ids.size());
  }

  @Test
  void answersAsTheClientDoesForTheSameNumbers() throws Exception {
    List<String> ids = KnownPersons.ALL.stream().map(Personidentifikator::value).toList();
    KrrClient krr = emulator.client().batchSize(3).build();
    List<Person> bulk = new ArrayList<>();

    BulkLookup.builder(krr)
        .build()
        .run(inputs(ids), row -> bulk.add(((BulkRow.Answered) row).person()));

    assertThat(bulk).isEqualTo(krr.lookup(ids).persons());
  }

  @Test
  void rejectsInvalidLinesWithoutStoppingAndAnswersDuplicatesEachTime() throws Exception {
    String active = KnownPersons.ACTIVE.value();
    List<String> values =
        List.of(
            active, "0181709014", "0181709a148", active, "018170901480", active.replace('1', '2'));
    List<BulkRow> rows = new ArrayList<>();

    BulkSummary summary =
        BulkLookup.builder(emulator.client().batchSize(2).build())
            .build()
            .run(inputs(values), rows::add);

    assertThat(rows).extracting(BulkRow::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(((BulkRow.Answered) rows.get(0)).person().personidentifikator()).isEqualTo(active);
    assertThat(((BulkRow.Answered) rows.get(3)).person())
        .isEqualTo(((BulkRow.Answered) rows.get(0)).person());
    assertThat(rows.get(1)).isInstanceOfSatisfying(BulkRow.Rejected.class, this::isLength);
    assertThat(rows.get(2))
        .isInstanceOfSatisfying(
            BulkRow.Rejected.class, r -> assertThat(r.rule()).isEqualTo("digits"));
    assertThat(rows.get(4)).isInstanceOfSatisfying(BulkRow.Rejected.class, this::isLength);
    assertThat(rows.get(5)).isInstanceOf(BulkRow.Rejected.class);
    assertThat(rows.get(5).toString()).doesNotContain(values.get(5));
    assertThat(summary.answered()).isEqualTo(2);
    assertThat(summary.rejected()).isEqualTo(4);
  }

  @Test
  void keepsAtMostTheWindowInFlightAndReadsNoFurtherAhead() throws Exception {
    List<String> ids = SyntheticIds.unknown(100);
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger read = new AtomicInteger();
    AccessTokenSource tokens = emulator.tokens();
    KrrClient krr =
        emulator
            .client()
            .accessTokenSource(
                () -> {
                  requests.incrementAndGet();
                  return tokens.accessToken();
                })
            .batchSize(10)
            .build();
    List<int[]> atFirstRow = new ArrayList<>();
    Iterator<BulkInput> counted = counting(inputs(ids), read);

    BulkLookup.builder(krr)
        .maxInFlightBatches(2)
        .build()
        .run(
            counted,
            row -> {
              if (row.line() == 1) {
                atFirstRow.add(new int[] {requests.get(), read.get()});
              }
            });

    // Batch 1 answered and being written, batches 2 and 3 in flight: two, and nothing read beyond.
    assertThat(atFirstRow.get(0)).containsExactly(3, 30);
    assertThat(requests).hasValue(10);
    assertThat(read).hasValue(100);
  }

  @Test
  void countsByStatusReservationVarslingsstatusStaleContactAndDigitalPost() throws Exception {
    List<String> ids = KnownPersons.ALL.stream().map(Personidentifikator::value).toList();
    List<Person> answered = emulator.client().build().lookup(ids).persons();

    BulkSummary summary =
        BulkLookup.builder(emulator.client().build()).build().run(inputs(ids), row -> {});

    assertThat(summary.byStatus())
        .containsEntry(Status.AKTIV, count(answered, p -> p.status() == Status.AKTIV))
        .containsEntry(Status.SLETTET, count(answered, p -> p.status() == Status.SLETTET))
        .containsEntry(
            Status.IKKE_REGISTRERT, count(answered, p -> p.status() == Status.IKKE_REGISTRERT));
    assertThat(summary.byReservasjon())
        .containsEntry(JaNei.JA, count(answered, Person::isReservert));
    assertThat(summary.byVarslingsstatus())
        .containsEntry(
            Varslingsstatus.KAN_VARSLES,
            count(answered, p -> p.varslingsstatus() == Varslingsstatus.KAN_VARSLES));
    assertThat(summary.staleContactInfo())
        .isEqualTo(
            count(
                answered,
                p ->
                    p.status() == Status.AKTIV
                        && !p.isReservert()
                        && p.kontaktinformasjon() == null))
        .isPositive();
    assertThat(summary.withDigitalPost())
        .isEqualTo(count(answered, p -> p.digitalPost() != null))
        .isPositive();
  }

  @Test
  void reportsProgressAfterEachBatchWithTheTotal() throws Exception {
    List<String> ids = SyntheticIds.unknown(25);
    List<BulkProgress.Snapshot> seen = new ArrayList<>();

    BulkLookup.builder(emulator.client().batchSize(10).build())
        .expectedTotal(ids.size())
        .progress(seen::add)
        .build()
        .run(inputs(ids), row -> {});

    assertThat(seen).extracting(BulkProgress.Snapshot::done).containsExactly(10L, 20L, 25L);
    assertThat(seen).allSatisfy(s -> assertThat(s.total()).hasValue(25));
  }

  private void isLength(BulkRow.Rejected r) {
    assertThat(r.rule()).isEqualTo("length");
    assertThat(r.reason()).contains("11 digits");
  }

  private static long count(List<Person> persons, java.util.function.Predicate<Person> p) {
    return persons.stream().filter(p).count();
  }

  static Iterator<BulkInput> inputs(List<String> values) {
    return IntStream.range(0, values.size())
        .mapToObj(i -> new BulkInput(i + 1, values.get(i)))
        .iterator();
  }

  private static List<Long> lines(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> (long) i).toList();
  }

  private static Iterator<BulkInput> counting(Iterator<BulkInput> inputs, AtomicInteger read) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return inputs.hasNext();
      }

      @Override
      public BulkInput next() {
        read.incrementAndGet();
        return inputs.next();
      }
    };
  }
}
