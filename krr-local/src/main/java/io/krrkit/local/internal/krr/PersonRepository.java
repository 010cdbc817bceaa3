package io.krrkit.local.internal.krr;

import io.krrkit.core.Personidentifikator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The persons of the register. Every write gives the person a new change id. */
public interface PersonRepository {
  /** The most identifiers {@link #findAll} takes in one call. */
  int MAX_BATCH = 1000;

  /**
   * The stored entries among {@code ids} (at most {@value #MAX_BATCH}), in one query. Unknown
   * persons have no key in the map.
   */
  Map<Personidentifikator, RegisterEntry> findAll(Collection<Personidentifikator> ids);

  /** The stored entry of {@code id}. */
  Optional<RegisterEntry> findById(Personidentifikator id);

  /**
   * Inserts or replaces one entry, atomically: puts of one new person at once all succeed, and
   * exactly one of them inserts.
   *
   * @return true when the entry was inserted, false when it replaced one
   */
  boolean put(RegisterEntry entry);

  /**
   * Inserts many new entries in JDBC batches, committing every few thousand rows, for seeding large
   * populations. Every entry must be new. Returns the number inserted.
   */
  long insertAll(Stream<RegisterEntry> entries);

  /** How many persons the register holds (AKTIV and SLETTET). */
  long count();

  /**
   * Up to {@code limit} persons whose change id is above {@code afterChangeId}, in change id order:
   * the change feed.
   */
  List<Change> changesAfter(long afterChangeId, int limit);

  /** The highest change id in use, or {@link Change#NONE} for an empty register. */
  long latestChangeId();

  /**
   * Up to {@code limit} entries with identity numbers above {@code afterId} (null: from the start),
   * in identity number order: a page of an export.
   */
  List<RegisterEntry> page(Personidentifikator afterId, int limit);

  /** Removes one person's row; returns false when there was none. */
  boolean remove(Personidentifikator id);

  /** Removes every person (the register is reseeded after). */
  void deleteAll();

  /** Where the seeding of the register stands. */
  SeedState seedState();

  /**
   * Takes the claim to seed the register, or empty at once when another node holds it (it is
   * seeding now). The caller closes the claim.
   */
  Optional<SeedClaim> claimSeeding();
}
