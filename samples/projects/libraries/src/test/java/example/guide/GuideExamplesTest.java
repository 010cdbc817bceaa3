package example.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Kontaktinformasjon;
import io.krrkit.junit.KrrLocalExtension;
import io.krrkit.junit.TestClient;
import io.krrkit.krr.KrrEnvironment;
import io.krrkit.krr.LookupResult;
import io.krrkit.maskinporten.AccessToken;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.maskinporten.validation.MaskinportenClaims;
import io.krrkit.selfservice.RegisteredClient;
import io.krrkit.selfservice.ScopeAccess;
import io.krrkit.selfservice.SelfServiceClient;
import io.krrkit.selfservice.SelfServiceEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every library example of docs/guide.md, run against krr-local. */
class GuideExamplesTest {
  @RegisterExtension static final KrrLocalExtension krr = new KrrLocalExtension();

  private static MaskinportenEnvironment maskinporten() {
    return MaskinportenEnvironment.custom(krr.krrLocal().maskinportenIssuer());
  }

  /** The emulator's bootstrap admin client, which holds the idporten:dcr.* scopes. */
  private static MaskinportenClient bootstrapMaskinporten() throws Exception {
    return MaskinportenClient.builder()
        .environment(maskinporten())
        .clientId(krr.krrLocal().bootstrap().clientId())
        .signingKey(RSAKey.parse(krr.krrLocal().bootstrap().privateJwk()))
        .build();
  }

  @Test
  void aTokenSignedWithAJwkFile(@TempDir Path dir) throws Exception {
    TestClient client = krr.registerKrrClient();
    Path keyFile = Files.writeString(dir.resolve("mykey.jwk"), client.key().toJSONString());

    AccessToken token = MaskinportenExamples.withKey(maskinporten(), client.clientId(), keyFile);

    assertEquals(List.of(Scope.KRR_KONTAKTINFORMASJON_READ), List.copyOf(token.scopes()));
  }

  @Test
  void aTokenSignedWithAnEnterpriseCertificate(@TempDir Path dir) throws Exception {
    TestClient client = krr.registerKrrClient();
    krr.krrLocal().controls().replaceKeys(client.clientId(), List.of()); // certificate, no keys
    char[] password = "changeit".toCharArray();
    Path p12 = Files.write(dir.resolve("org.p12"),
        krr.krrLocal().controls().issueCertificate(client.org(), "EKSEMPEL AS", password));

    AccessToken token =
        MaskinportenExamples.withCertificate(maskinporten(), client.clientId(), p12, password);

    assertTrue(token.scopes().contains(Scope.KRR_KONTAKTINFORMASJON_READ));
  }

  @Test
  void theValidatorAcceptsTheEmulatorsTokenAndNamesTheClient() {
    TestClient client = krr.registerKrrClient();
    String token = krr.maskinportenClient(client).getToken(Scope.KRR_KONTAKTINFORMASJON_READ).value();

    MaskinportenClaims claims = ValidatorExamples.validate(
        krr.krrLocal().maskinportenIssuer(), Scope.KRR_KONTAKTINFORMASJON_READ, token);

    assertEquals(client.clientId(), claims.clientId());
    assertEquals(client.org(), claims.consumer());
  }

  @Test
  void aLookupHandsOnTheNotifiablePersons() {
    TestClient client = krr.registerKrrClient();
    List<Kontaktinformasjon> sent = new ArrayList<>();
    String fresh = "01817090148";   // a known person with fresh contact information
    String deleted = "05859090100"; // a known person with status SLETTET

    LookupResult result = KrrExamples.notify(
        KrrEnvironment.custom(krr.krrLocal().kontaktregisteretUrl()),
        krr.maskinportenClient(client), List.of(fresh, deleted), sent::add);

    assertEquals(2, result.persons().size());
    assertEquals(1, sent.size(), "only the fresh person is notifiable");
    assertEquals(result.person(fresh).orElseThrow().kontaktinformasjon(), sent.get(0));
  }

  @Test
  void selfServiceRegistersAClientWithItsKeyAndSharesAScope() throws Exception {
    SelfServiceClient admin = krr.selfServiceClient();
    RSAKey key = new RSAKeyGenerator(2048).keyID("eksempel-1").generate();
    RegisteredClient client = SelfServiceExamples.register(
        SelfServiceEnvironment.custom(krr.krrLocal().selfServiceUrl()),
        bootstrapMaskinporten(), key);

    assertEquals(List.of("eksempel-1"), admin.getKeys(client.clientId()).kids());

    OrgNumber consumer = OrgNumber.of("910753614");
    List<ScopeAccess> access = SelfServiceExamples.shareScope(admin, "guideeksempel", consumer);
    assertFalse(access.isEmpty());
    assertEquals(consumer, access.get(0).consumerOrgno());
  }
}
