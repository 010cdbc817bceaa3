package example.guide;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.selfservice.ApiScope;
import io.krrkit.selfservice.ClientRequest;
import io.krrkit.selfservice.DelegationSource;
import io.krrkit.selfservice.RegisteredClient;
import io.krrkit.selfservice.ScopeAccess;
import io.krrkit.selfservice.ScopeAdmin;
import io.krrkit.selfservice.ScopeRequest;
import io.krrkit.selfservice.SelfServiceClient;
import io.krrkit.selfservice.SelfServiceEnvironment;
import java.util.List;

/** docs/guide.md, selfservice-client. */
public final class SelfServiceExamples {
  private SelfServiceExamples() {}

  /** Registers a KRR client and uploads the public part of {@code key}. */
  public static RegisteredClient register(SelfServiceEnvironment environment,
      MaskinportenClient adminMaskinporten, RSAKey key) {
    // snippet:register
    SelfServiceClient selfService = SelfServiceClient.builder()
        .environment(environment)                       // SelfServiceEnvironment.TEST, or custom(…)
        .maskinporten(adminMaskinporten)                // a client holding idporten:dcr.* scopes
        .build();
    RegisteredClient client = selfService.createClient(ClientRequest.krr("Min KRR-klient").build());
    selfService.addKey(client.clientId(), key);          // uploads the public part only
    // /snippet:register
    return client;
  }

  /** Creates the scope {@code prefix:api3}, opens it to {@code consumer}, and lists who has it. */
  public static List<ScopeAccess> shareScope(SelfServiceClient selfService, String prefix,
      OrgNumber consumer) {
    // snippet:scopes
    ScopeAdmin scopes = selfService.scopes();
    ApiScope api = scopes.create(
        ScopeRequest.builder(prefix, "api3").description("Demo-API").build());
    scopes.grant(api.name(), consumer);                        // PUT /scopes/access/{orgno}?scope=…
    List<ScopeAccess> access = scopes.listAccess(api.name());  // who has access, with state
    List<ScopeAccess> granted = scopes.listGranted();          // what others granted you
    List<DelegationSource> sources = scopes.delegationSources(); // values for delegation_source
    // /snippet:scopes
    return access;
  }
}
