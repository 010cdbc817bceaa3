package io.krrkit.local.internal.krr;

import io.krrkit.core.Personidentifikator;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the store holds of the register: the entries written over the computed {@link Population}
 * (the overlay), the persons forgotten from it, and the record of the population. Every write gives
 * the person a new change id.
 */
public interface PersonRepository {
  /** The most identifiers {@link #overlay} takes in one call. */
  int MAX_BATCH = 1000;

  /**
   * What the store holds about {@code ids} (at most {@value #MAX_BATCH}), and the population it
   * records, in one query. Persons the store holds nothing about are in neither collection.
   */
  Overlay overlay(Collection<Personidentifikator> ids);

  /** The population the store records; empty when the register's persons are all stored. */
  Optional<PopulationSpec> population();

  /** The stored entry of {@code id}. */
  Optional<RegisterEntry> findById(Personidentifikator id);

  /**
   * Inserts or replaces one entry, atomically, and unforgets the person: puts of one new person at
   * once all succeed, and exactly one of them inserts.
   *
   * @return true when the entry was inserted, false when it replaced one
   */
  boolean put(RegisterEntry entry);

  /**
   * Inserts many new entries in JDBC batches, committing every few thousand rows, for seeding large
   * populations. Every entry must be new. Returns the number inserted.
   */
  long insertAll(Stream<RegisterEntry> entries);

  /** How many entries the store holds (AKTIV and SLETTET), the computed population aside. */
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

  /**
   * Removes one person's row and, when {@code overPopulation}, records the person as forgotten so
   * the population's entry no longer shows. Returns whether anything changed.
   */
  boolean forget(Personidentifikator id, boolean overPopulation);

  /** The persons forgotten from the population (purged), in identity number order. */
  List<Personidentifikator> forgotten();

  /** Removes every stored person and forgotten mark (the population is drawn anew after). */
  void deleteAll();

  /** Where the seeding of the register stands. */
  SeedState seedState();

  /**
   * Takes the claim to seed the register, or empty at once when another node holds it (it is
   * seeding now). The caller closes the claim.
   */
  Optional<SeedClaim> claimSeeding();
}
