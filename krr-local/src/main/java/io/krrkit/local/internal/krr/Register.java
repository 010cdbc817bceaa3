package io.krrkit.local.internal.krr;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.EndringerResponse;
import io.krrkit.core.krr.Person;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The Kontakt- og reservasjonsregister of the emulator: who is registered, what each caller may see
 * of them, and the 18-month rule on the emulator's clock.
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

  /** A register on {@code persons}, judging freshness by {@code clock}. */
  public Register(PersonRepository persons, Clock clock) {
    this.persons = Objects.requireNonNull(persons, "persons == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Answers a lookup as KRR does: one person per requested identifier, in request order (a
   * duplicate is answered each time), filtered by the scopes and the 18-month rule at the clock's
   * instant. Unknown persons are answered {@code IKKE_REGISTRERT} or left out, per {@link
   * Lookup#answersUnknown()}.
   */
  public List<Person> lookup(Lookup lookup) {
    Map<Personidentifikator, RegisterEntry> found = persons.findAll(lookup.personidentifikatorer());
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
   * True when a token with {@code scopes} may look up persons at all: it holds one of {@link
   * #LOOKUP_SCOPES}.
   */
  public static boolean permitsLookup(Set<Scope> scopes) {
    return LOOKUP_SCOPES.stream().anyMatch(scopes::contains);
  }

  /**
   * The change feed: the current state of up to {@value EndringerResponse#MAX_PERSONS} persons
   * changed after {@code fraEndringsId}, in change order. Each person comes with everything the
   * register holds (both lookup scopes' fields, not filtered by the 18-month rule, which the local
   * copy applies itself as time passes) and its {@code varslingsstatus} now; a deleted person comes
   * as {@code SLETTET}.
   */
  public EndringerResponse changes(long fraEndringsId) {
    if (fraEndringsId < 0) {
      throw new IllegalArgumentException("fraEndringsId must be >= 0, was " + fraEndringsId);
    }
    long latest = persons.latestChangeId();
    List<Change> changes = persons.changesAfter(fraEndringsId, EndringerResponse.MAX_PERSONS);
    Disclosure disclosure = new Disclosure(LOOKUP_SCOPES, clock.instant());
    List<Person> list = changes.stream().map(c -> disclosure.everything(c.entry())).toList();
    long til = changes.isEmpty() ? latest : changes.get(changes.size() - 1).changeId();
    return new EndringerResponse(list, fraEndringsId, til, Math.max(latest, til));
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
   * Registers a person, or replaces what the register holds about them.
   *
   * @return true when the person was new to the register
   */
  public boolean put(RegisterEntry entry) {
    return persons.put(entry);
  }

  /** What the register holds about {@code id}, whatever a caller may see of it. */
  public Optional<RegisterEntry> find(Personidentifikator id) {
    return persons.findById(id);
  }

  /** Adds many new persons in bulk (seeding); returns how many. */
  public long putAll(Stream<RegisterEntry> entries) {
    return persons.insertAll(entries);
  }

  /** How many persons the register holds (AKTIV and SLETTET). */
  public long count() {
    return persons.count();
  }

  /**
   * Deletes a person as KRR does: the entry becomes {@code SLETTET}, holding only the identity
   * number, and shows in the change feed. Returns false when the register does not know {@code id}.
   */
  public boolean delete(Personidentifikator id) {
    if (persons.findById(id).isEmpty()) {
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
    return persons.remove(id);
  }

  /** Hands every entry to {@code action} in identity number order, a page at a time. */
  public void forEach(Consumer<RegisterEntry> action) {
    Personidentifikator after = null;
    List<RegisterEntry> page;
    do {
      page = persons.page(after, EXPORT_PAGE);
      page.forEach(action);
      after = page.isEmpty() ? after : page.get(page.size() - 1).personidentifikator();
    } while (page.size() == EXPORT_PAGE);
  }

  /** Removes every person, known persons included (before reseeding). */
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
}
