package io.krrkit.krr;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.Status;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * KRR's answer to one lookup: a {@link Person} for every identifier asked for, in request order,
 * duplicates answered each time they appear.
 *
 * <p>Persons the register does not know are {@link Status#IKKE_REGISTRERT} entries, whichever API
 * version answered (v2 leaves them out of its answer; the client fills them in). The {@code
 * varslingsstatus} is KRR's own at {@link #retrievedAt()}; {@link #notifiable()} applies the
 * 18-month rule again on the client side, as Digdir recommends.
 *
 * <pre>{@code
 * LookupResult result = krr.lookup(ids);
 * for (Person p : result.notifiable()) {
 *   send(p.usableEpostadresse(result.retrievedAt()), p.usableMobiltelefonnummer(result.retrievedAt()));
 * }
 * }</pre>
 */
public final class LookupResult {
  private final List<Person> persons;
  private final Map<String, Person> byId;
  private final Instant retrievedAt;

  /**
   * A result of {@code persons} in request order, retrieved at {@code retrievedAt}.
   *
   * @throws IllegalArgumentException when an identifier is answered by two different persons
   */
  public LookupResult(List<Person> persons, Instant retrievedAt) {
    this.persons = List.copyOf(persons);
    this.retrievedAt = Objects.requireNonNull(retrievedAt, "retrievedAt == null");
    this.byId = new HashMap<>(this.persons.size() * 2);
    for (Person p : this.persons) {
      Person earlier = byId.putIfAbsent(p.personidentifikator(), p);
      if (earlier != null && !earlier.equals(p)) {
        throw new IllegalArgumentException("two different answers for one identifier");
      }
    }
  }

  /** Every answer, in request order; as many entries as identifiers asked for. */
  public List<Person> persons() {
    return persons;
  }

  /** How many identifiers were asked for, duplicates counted. */
  public int size() {
    return persons.size();
  }

  /** The answer for {@code id}, or empty when it was not asked for. */
  public Optional<Person> person(Personidentifikator id) {
    Objects.requireNonNull(id, "id == null");
    return person(id.value());
  }

  /** The answer for identity number {@code id}, or empty when it was not asked for. */
  public Optional<Person> person(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The answers with {@code status}, in request order. */
  public List<Person> withStatus(Status status) {
    Objects.requireNonNull(status, "status == null");
    return persons.stream().filter(p -> p.status() == status).toList();
  }

  /**
   * The persons who may be notified at {@link #retrievedAt()}: active, not reserved, and with
   * contact information updated or verified in the last 18 months (eForvaltningsforskriften §32).
   */
  public List<Person> notifiable() {
    return notifiable(retrievedAt);
  }

  /**
   * The persons who may be notified at {@code now}, by the client-side 18-month rule ({@link
   * Person#canBeNotified(Instant)}). Use this when acting on a result later than it was retrieved.
   */
  public List<Person> notifiable(Instant now) {
    Objects.requireNonNull(now, "now == null");
    return persons.stream().filter(p -> p.canBeNotified(now)).toList();
  }

  /** When the answer was complete, by the client's clock. */
  public Instant retrievedAt() {
    return retrievedAt;
  }

  @Override
  public String toString() {
    return "LookupResult[" + persons.size() + " persons, retrievedAt=" + retrievedAt + "]";
  }
}
