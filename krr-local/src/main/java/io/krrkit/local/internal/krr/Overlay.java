package io.krrkit.local.internal.krr;

import io.krrkit.core.Personidentifikator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the store holds about some persons beside the computed population, read in one query: the
 * entries written over it, the persons forgotten from it, and the population itself.
 *
 * @param entries stored entries, by person
 * @param forgotten persons of the population purged from the register
 * @param population the population the store records; empty when its persons are all stored
 */
public record Overlay(
    Map<Personidentifikator, RegisterEntry> entries,
    Set<Personidentifikator> forgotten,
    Optional<PopulationSpec> population) {
  /** Checks for nulls; the collections are the caller's (not copied: a lookup's hot path). */
  public Overlay {
    Objects.requireNonNull(entries, "entries == null");
    Objects.requireNonNull(forgotten, "forgotten == null");
    Objects.requireNonNull(population, "population == null");
  }
}
