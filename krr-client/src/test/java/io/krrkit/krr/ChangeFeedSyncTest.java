package io.krrkit.krr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.KrrTimestamps;
import io.krrkit.core.krr.Person;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.krr.Population;
import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChangeFeed#sync} against krr-local: after random changes the copy equals the register. */
class ChangeFeedSyncTest {
  @RegisterExtension static final KrrLocalFixture emulator = new KrrLocalFixture();

  @TempDir Path dir;

  @Test
  void aCopyKeptBySyncEqualsTheRegisterAfterRandomChanges() {
    Register register = Internals.of(emulator.krrLocal()).register();
    addPersons(register, 1500); // more than one page
    ChangeFeed feed = emulator.changeFeed().build();
    Path snapshot = dir.resolve("krr-copy.jsonl");
    SplittableRandom random = new SplittableRandom(20251125L);

    try (JsonLinesCopy copy = JsonLinesCopy.open(snapshot)) {
      SyncResult first = feed.sync(copy);
      assertThat(first.pages()).isGreaterThan(1);
      assertThat(copy.persons()).isEqualTo(registerAsCopy(register));
    }
    for (int round = 0; round < 3; round++) {
      applyRandomChanges(register, random, 40);
      try (JsonLinesCopy copy = JsonLinesCopy.open(snapshot)) {
        SyncResult result = feed.sync(copy);

        assertThat(result.persons()).isBetween(1L, 40L);
        assertThat(copy.persons()).isEqualTo(registerAsCopy(register));
      }
    }
  }

  @Test
  void anUpToDateCopyFetchesOneEmptyPage() {
    ChangeFeed feed = emulator.changeFeed().build();
    try (JsonLinesCopy copy = JsonLinesCopy.open(dir.resolve("copy.jsonl"))) {
      feed.sync(copy);

      SyncResult again = feed.sync(copy);

      assertThat(again.pages()).isEqualTo(1);
      assertThat(again.persons()).isZero();
      assertThat(again.toChangeId()).isEqualTo(again.fromChangeId()).isGreaterThan(200_000_000L);
    }
  }

  @Test
  void aTokenWithoutTheFeedScopeIsRefusedWith403() {
    ChangeFeed feed =
        ChangeFeed.builder()
            .environment(emulator.environment())
            .accessTokenSource(emulator.tokens())
            .build();

    assertThatThrownBy(() -> feed.fetch(0))
        .isInstanceOfSatisfying(
            KrrHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.getMessage()).contains(ChangeFeed.SCOPE.value());
            });
  }

  /**
   * What the copy must hold: every person the register holds, as the feed describes them: the
   * computed population's persons, and over them what the store holds.
   */
  private static Map<String, Person> registerAsCopy(Register register) {
    Map<String, Person> expected = new HashMap<>();
    Population population = register.population();
    assertThat(population.span()).isPositive();
    for (long position = 0; position < population.span(); position++) {
      population
          .atPosition(position)
          .ifPresent(e -> expected.put(e.personidentifikator().value(), register.describe(e)));
    }
    register.forEach(e -> expected.put(e.personidentifikator().value(), register.describe(e)));
    return expected;
  }

  private static void addPersons(Register register, int count) {
    SyntheticRegister extra = new SyntheticRegister(99, Shares.DEFAULT, KrrLocalFixture.T0);
    register.putAll(
        extra.entries(count * 2).filter(e -> register.find(e.personidentifikator()).isEmpty()));
  }

  /** Reserves, re-addresses, deletes and ages random persons of the register. */
  private static void applyRandomChanges(Register register, SplittableRandom random, int count) {
    List<RegisterEntry> all = new ArrayList<>();
    register.forEach(all::add); // the stored persons: those addPersons put in, and earlier changes
    OffsetDateTime now = KrrTimestamps.parse("2025-03-01T11:00:00+01");
    for (int i = 0; i < count; i++) {
      RegisterEntry e = all.get(random.nextInt(all.size()));
      Personidentifikator id = e.personidentifikator();
      switch (random.nextInt(4)) {
        case 0 -> register.delete(id);
        case 1 -> register.put(RegisterEntry.aktiv(id).reservert(now).build());
        case 2 ->
            register.put(
                RegisterEntry.aktiv(id)
                    .epost("ny" + i + "@example.com", now, now)
                    .epostDuplisert(JaNei.NEI)
                    .spraak("en", now)
                    .build());
        default ->
            register.put(
                RegisterEntry.aktiv(id)
                    .mobil("+4799000" + (100 + i), now.minusYears(3), null)
                    .build());
      }
    }
  }
}
