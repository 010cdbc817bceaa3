package example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.krrkit.junit.KrrLocalExtension;
import io.krrkit.junit.TestClient;
import io.krrkit.krr.LookupResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the README's example against krr-local on the system clock. */
class ContactLookupTest {
  @RegisterExtension static final KrrLocalExtension krr = new KrrLocalExtension();

  @Test
  void theReadmeExampleLooksUpAPerson() {
    TestClient client = krr.registerKrrClient();
    String base = krr.krrLocal().baseUrl();

    LookupResult result = ContactLookup.lookup(base, client.clientId(), client.key());

    assertTrue(result.person("20914695016").isPresent(), "20914695016 is in the register");
  }
}
