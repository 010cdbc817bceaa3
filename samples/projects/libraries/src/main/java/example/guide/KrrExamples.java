package example.guide;

import io.krrkit.core.Scope;
import io.krrkit.core.krr.Kontaktinformasjon;
import io.krrkit.core.krr.Person;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrEnvironment;
import io.krrkit.krr.LookupResult;
import io.krrkit.maskinporten.MaskinportenClient;
import java.util.List;
import java.util.function.Consumer;

/** docs/guide.md, krr-client. */
public final class KrrExamples {
  private KrrExamples() {}

  /** Looks up {@code ids} and hands the contact information of each notifiable person to send. */
  public static LookupResult notify(KrrEnvironment environment, MaskinportenClient maskinporten,
      List<String> ids, Consumer<Kontaktinformasjon> send) {
    // snippet:lookup
    KrrClient krr = KrrClient.builder()
        .environment(environment)                          // KrrEnvironment.TEST, or custom(…)
        .maskinporten(maskinporten, Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ)
        .build();
    LookupResult result = krr.lookup(ids);                 // any number of ids
    for (Person p : result.notifiable()) {                 // client-side 18-month rule
      send.accept(p.kontaktinformasjon());
    }
    // /snippet:lookup
    return result;
  }
}
