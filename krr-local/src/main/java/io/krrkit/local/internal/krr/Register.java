package io.krrkit.local.internal.krr;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.EndringerResponse;
import io.krrkit.core.krr.Person;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Kontakt- og reservasjonsregister of the emulator: who is registered, what each caller may see
 * of them, and the 18-month rule on the emulator's clock.
 *
 * <p>Who is registered is a computed {@link Population} (millions of synthetic persons, none
 * stored) with what the store holds over it: entries written by the operator API, the web page,
 * state files or tests win over the population's, and persons purged from the population stay
 * forgotten. The store records which population (size, seed, instant), so every node on one store
 * computes the same persons, and one query per lookup reads both the overlay and that record.
 *
 * <pre>{@code
 * register.put(RegisterEntry.aktiv(id).epost("kari@example.com", now, now).build());
 * List<Person> answer = register.lookup(
 *     new Lookup(List.of(id), Set.of(Scope.KRR_KONTAKTINFORMASJON_READ), ApiVersion.V2, false));
 * }</pre>
 */
public final class Register {
  /**
   * The scopes that open the lookup API; each shows its own part of a person. The Altinn delegation
   * scopes {@code kontaktinfo.read} and {@code postkasse.read} show what {@code
   * kontaktinformasjon.read} and {@code digitalpost.read} show.
   */
  public static final Set<Scope> LOOKUP_SCOPES =
      Set.of(
          Scope.KRR_KONTAKTINFORMASJON_READ,
          Scope.KRR_DIGITALPOST_READ,
          Scope.KRR_KONTAKTINFO_READ,
          Scope.KRR_POSTKASSE_READ);

  /** The scope of the change feed ({@code hentEndringer}), granted only to local copy holders. */
  public static final Scope HENTENDRING_READ = Scope.of("krr:global/hentendring.read");

  private static final int EXPORT_PAGE = 1000;

  private final PersonRepository persons;
  private final Clock clock;
  private final Function<PopulationSpec, Population> populations;
  // The last population computed, kept while the store records the same one.
  private volatile Drawn drawn = new Drawn(Optional.empty(), Population.NONE);

  /**
   * A register on {@code persons}, judging freshness by {@code clock}, computing the population the
   * store records with {@code populations}.
   */
  public Register(
      PersonRepository persons, Clock clock, Function<PopulationSpec, Population> populations) {
    this.persons = Objects.requireNonNull(persons, "persons == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.populations = Objects.requireNonNull(populations, "populations == null");
  }

  /** A register whose persons are all stored: no population is computed. */
  public Register(PersonRepository persons, Clock clock) {
    this(persons, clock, spec -> Population.NONE);
  }

  /**
   * Answers a lookup as KRR does: one person per requested identifier, in request order (a
   * duplicate is answered each time), filtered by the scopes and the 18-month rule at the clock's
   * instant. Unknown persons are answered {@code IKKE_REGISTRERT} or left out, per {@link
   * Lookup#answersUnknown()}.
   */
  public List<Person> lookup(Lookup lookup) {
    Map<Personidentifikator, RegisterEntry> found = findAll(lookup.personidentifikatorer());
    Disclosure disclosure = new Disclosure(lookup.scopes(), clock.instant());
    List<Person> answer = new ArrayList<>(lookup.personidentifikatorer().size());
    for (Personidentifikator id : lookup.personidentifikatorer()) {
      RegisterEntry entry = found.get(id);
      if (entry != null) {
        answer.add(disclosure.of(entry));
      } else if (lookup.answersUnknown()) {
        answer.add(disclosure.unknown(id));
      }
    }
    return answer;
  }

  /**
   * What the register holds about each of {@code ids} (at most {@value PersonRepository#MAX_BATCH}
   * distinct), in one query: the stored entry, else the population's unless forgotten. Persons the
   * register does not hold have no key.
   */
  public Map<Personidentifikator, RegisterEntry> findAll(Collection<Personidentifikator> ids) {
    Overlay overlay = persons.overlay(ids);
    Population population = population(overlay.population());
    Map<Personidentifikator, RegisterEntry> found = new HashMap<>(overlay.entries());
    for (Personidentifikator id : ids) {
      if (!found.containsKey(id) && !overlay.forgotten().contains(id)) {
        population.find(id).ifPresent(entry -> found.put(id, entry));
      }
    }
    return found;
  }

  /**
   * True when a token with {@code scopes} may look up persons at all: it holds one of {@link
   * #LOOKUP_SCOPES}.
   */
  public static boolean permitsLookup(Set<Scope> scopes) {
    return LOOKUP_SCOPES.stream().anyMatch(scopes::contains);
  }

  /**
   * The change feed: the current state of up to {@value EndringerResponse#MAX_PERSONS} persons
   * changed after {@code fraEndringsId}, in change order. The computed population comes first, as
   * if each of its persons had changed once (change ids from 200 000 001 in the population's
   * order), then every write to the store, so a copy read from 0 holds the whole register. Each
   * person comes with everything the register holds (both lookup scopes' fields, not filtered by
   * the 18-month rule, which the local copy applies itself as time passes) and its {@code
   * varslingsstatus} now; a deleted person comes as {@code SLETTET}.
   */
  public EndringerResponse changes(long fraEndringsId) {
    if (fraEndringsId < 0) {
      throw new IllegalArgumentException("fraEndringsId must be >= 0, was " + fraEndringsId);
    }
    Population population = population();
    long populationEnd = Change.NONE + population.span();
    List<Change> changes = new ArrayList<>();
    if (fraEndringsId < populationEnd) {
      populationChanges(population, fraEndringsId, changes);
    }
    if (changes.size() < EndringerResponse.MAX_PERSONS) {
      changes.addAll(
          persons.changesAfter(
              Math.max(fraEndringsId, populationEnd),
              EndringerResponse.MAX_PERSONS - changes.size()));
    }
    long latest = Math.max(persons.latestChangeId(), populationEnd);
    Disclosure disclosure = new Disclosure(LOOKUP_SCOPES, clock.instant());
    List<Person> list = changes.stream().map(c -> disclosure.everything(c.entry())).toList();
    long til = changes.isEmpty() ? latest : changes.get(changes.size() - 1).changeId();
    return new EndringerResponse(list, fraEndringsId, til, Math.max(latest, til));
  }

  /**
   * The population's persons after {@code fraEndringsId}, in position order, each once: those the
   * store holds an entry for come later with the entry's own change id, forgotten ones never.
   */
  private void populationChanges(Population population, long fraEndringsId, List<Change> into) {
    long position = Math.max(0, fraEndringsId - Change.NONE);
    while (into.size() < EndringerResponse.MAX_PERSONS && position < population.span()) {
      long end =
          Math.min(population.span(), position + EndringerResponse.MAX_PERSONS - into.size());
      Map<Personidentifikator, Change> candidates = new LinkedHashMap<>();
      for (; position < end; position++) {
        Optional<RegisterEntry> entry = population.atPosition(position);
        if (entry.isPresent()) {
          candidates.put(
              entry.get().personidentifikator(),
              new Change(Change.NONE + 1 + position, entry.get()));
        }
      }
      Overlay overlay = persons.overlay(candidates.keySet());
      for (Change c : candidates.values()) {
        Personidentifikator id = c.entry().personidentifikator();
        if (!overlay.entries().containsKey(id) && !overlay.forgotten().contains(id)) {
          into.add(c);
        }
      }
    }
  }

  /**
   * Everything the register holds about {@code entry}'s person as KRR JSON, with its {@code
   * varslingsstatus} now: what the operator API shows and exports.
   */
  public Person describe(RegisterEntry entry) {
    return new Disclosure(LOOKUP_SCOPES, clock.instant()).everything(entry);
  }

  /** True when a token with {@code scopes} may read the change feed. */
  public static boolean permitsChanges(Set<Scope> scopes) {
    return scopes.contains(HENTENDRING_READ);
  }

  /**
   * Registers a person, or replaces what the register holds about them (a person of the population
   * too: the stored entry wins from now on).
   *
   * @return true when the person was new to the register
   */
  public boolean put(RegisterEntry entry) {
    Personidentifikator id = entry.personidentifikator();
    boolean computed = inPopulation(id, persons.overlay(List.of(id)));
    return persons.put(entry) && !computed;
  }

  /** What the register holds about {@code id}, whatever a caller may see of it. */
  public Optional<RegisterEntry> find(Personidentifikator id) {
    return Optional.ofNullable(findAll(List.of(id)).get(id));
  }

  /** Stores many new persons in bulk (test and benchmark set-ups); returns how many. */
  public long putAll(Stream<RegisterEntry> entries) {
    return persons.insertAll(entries);
  }

  /**
   * How many entries the store holds (AKTIV and SLETTET): those written over the computed
   * population, which is not counted.
   */
  public long count() {
    return persons.count();
  }

  /**
   * Deletes a person as KRR does: the entry becomes {@code SLETTET}, holding only the identity
   * number, and shows in the change feed. Returns false when the register does not know {@code id}.
   */
  public boolean delete(Personidentifikator id) {
    if (find(id).isEmpty()) {
      return false;
    }
    persons.put(RegisterEntry.slettet(id));
    return true;
  }

  /**
   * Forgets a person altogether, so lookups answer {@code IKKE_REGISTRERT} again. Unlike {@link
   * #delete}, KRR has no such change: the change feed does not report it. Returns false when the
   * register does not know {@code id}.
   */
  public boolean purge(Personidentifikator id) {
    boolean computed = inPopulation(id, persons.overlay(List.of(id)));
    return persons.forget(id, computed) || computed;
  }

  /** True when the population that {@code overlay} records holds {@code id}, not forgotten. */
  private boolean inPopulation(Personidentifikator id, Overlay overlay) {
    return !overlay.forgotten().contains(id)
        && population(overlay.population()).find(id).isPresent();
  }

  /** What the store records about the population; empty when the persons are all stored. */
  public Optional<PopulationSpec> populationSpec() {
    return persons.population();
  }

  /** The population the store records now, computed. */
  public Population population() {
    return population(persons.population());
  }

  private Population population(Optional<PopulationSpec> spec) {
    Drawn last = drawn;
    if (!last.spec().equals(spec)) {
      last = new Drawn(spec, spec.map(populations).orElse(Population.NONE));
      drawn = last;
    }
    return last.population();
  }

  /**
   * Hands every stored entry to {@code action} in identity number order, a page at a time: what the
   * store holds over the computed population, which is not walked.
   */
  public void forEach(Consumer<RegisterEntry> action) {
    Personidentifikator after = null;
    List<RegisterEntry> page;
    do {
      page = persons.page(after, EXPORT_PAGE);
      page.forEach(action);
      after = page.isEmpty() ? after : page.get(page.size() - 1).personidentifikator();
    } while (page.size() == EXPORT_PAGE);
  }

  /**
   * The persons of the computed population forgotten ({@link #purge}d), in identity number order:
   * what an export carries besides the stored entries.
   */
  public List<Personidentifikator> forgotten() {
    return persons.forgotten();
  }

  /** Removes every stored entry and forgotten mark: the computed population shows again. */
  public void clear() {
    persons.deleteAll();
  }

  /** Where the seeding of the register stands. */
  public SeedState seedState() {
    return persons.seedState();
  }

  /** The claim to seed the register, or empty when another node is seeding it now. */
  public Optional<SeedClaim> claimSeeding() {
    return persons.claimSeeding();
  }

  private record Drawn(Optional<PopulationSpec> spec, Population population) {}
}
