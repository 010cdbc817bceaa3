package example.spring;

import io.krrkit.core.krr.Person;
import io.krrkit.krr.KrrClient;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Whether and where a person can be notified: one KRR lookup with the starter's client. */
// snippet:service
@Service
public class ContactService {
  private final KrrClient krr; // the starter's bean, made from the krr.* properties

  public ContactService(KrrClient krr) {
    this.krr = krr;
  }

  /** What KRR says of one person; KRR answers every valid number, known or not. */
  public Contact contact(String personidentifikator) {
    Person person =
        krr.lookup(List.of(personidentifikator)).person(personidentifikator).orElseThrow();
    Instant now = Instant.now();
    return new Contact(
        person.canBeNotified(now),
        person.usableEpostadresse(now),
        person.usableMobiltelefonnummer(now));
  }

  /** Contact information that may be used now (the 18-month rule applied), or nulls. */
  public record Contact(boolean canBeNotified, String epostadresse, String mobiltelefonnummer) {}
}
// /snippet:service
