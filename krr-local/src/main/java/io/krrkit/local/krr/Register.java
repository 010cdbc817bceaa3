package io.krrkit.local.krr;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Person;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
  /** The scopes that open the lookup API; each shows its own part of a person. */
  public static final Set<Scope> LOOKUP_SCOPES =
      Set.of(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ);

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

  /** Registers a person, or replaces what the register holds about them. */
  public void put(RegisterEntry entry) {
    persons.put(entry);
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
}
