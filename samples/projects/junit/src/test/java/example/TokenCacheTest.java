package example;

import io.krrkit.junit.KrrLocalExtension;
import io.krrkit.junit.TestClient;
import io.krrkit.krr.KrrClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/testing.md, "Verifying calls": the client asks Maskinporten once for two lookups. */
class TokenCacheTest {
  @RegisterExtension static final KrrLocalExtension krr = new KrrLocalExtension();

  @Test
  void twoLookupsNeedOneToken() {
    // snippet:verify
    TestClient client = krr.registerKrrClient();
    KrrClient krrClient = krr.krrClientBuilder(client).build();

    krrClient.lookup(List.of("20914695016"));
    krrClient.lookup(List.of("20914695016"));

    krr.verify().tokenRequests().client(client.clientId()).times(1); // the token was cached
    krr.verify().lookups().client(client.clientId()).status(200).times(2);
    // /snippet:verify
  }
}
