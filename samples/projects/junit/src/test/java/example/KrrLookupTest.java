package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.krrkit.core.krr.Varslingsstatus;
import io.krrkit.junit.KrrLocalExtension;
import io.krrkit.krr.KrrClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KrrLookupTest {
  @RegisterExtension
  static final KrrLocalExtension krr =
      KrrLocalExtension.builder().frozenAt(Instant.parse("2026-01-15T09:00:00Z")).build();

  @Test
  void contactInformationGoesStaleAfter18Months() {
    KrrClient client = krr.krrClient(); // registered, keyed, on the emulator's URLs and clock
    String id = "01817090148"; // a synthetic person with fresh contact information

    assertEquals(Varslingsstatus.KAN_VARSLES, varsling(client, id));
    krr.advance(Duration.ofDays(19 * 31)); // grants and tokens follow the emulator's clock
    assertEquals(Varslingsstatus.KAN_IKKE_VARSLES, varsling(client, id));
  }

  private static Varslingsstatus varsling(KrrClient client, String id) {
    return client.lookup(List.of(id)).person(id).orElseThrow().varslingsstatus();
  }
}
