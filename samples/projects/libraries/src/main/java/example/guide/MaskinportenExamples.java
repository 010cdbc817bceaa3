package example.guide;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import io.krrkit.maskinporten.AccessToken;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;

/** docs/guide.md, maskinporten-client. */
public final class MaskinportenExamples {
  private MaskinportenExamples() {}

  /** A token signed with the private JWK in {@code keyFile}. */
  public static AccessToken withKey(MaskinportenEnvironment environment, String clientId,
      Path keyFile) throws Exception {
    // snippet:key
    RSAKey key = RSAKey.parse(Files.readString(keyFile));    // private JWK with kid
    MaskinportenClient maskinporten = MaskinportenClient.builder()
        .environment(environment)        // MaskinportenEnvironment.TEST, or custom("http://localhost:7070/maskinporten/")
        .clientId(clientId)              // the integration id
        .signingKey(key)
        .build();
    AccessToken token = maskinporten.getToken(Scope.KRR_KONTAKTINFORMASJON_READ);
    // /snippet:key
    return token;
  }

  /** A token signed with the enterprise certificate in a PKCS#12 file. */
  public static AccessToken withCertificate(MaskinportenEnvironment environment, String clientId,
      Path p12, char[] password) {
    // snippet:certificate
    MaskinportenClient maskinporten = MaskinportenClient.builder()
        .environment(environment)
        .clientId(clientId)
        .keystore(p12, null, password)   // PKCS#12 or JKS; null: its only private key entry
        .build();
    // /snippet:certificate
    return maskinporten.getToken(Scope.KRR_KONTAKTINFORMASJON_READ);
  }
}
