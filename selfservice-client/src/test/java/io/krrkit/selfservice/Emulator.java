package io.krrkit.selfservice;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.junit.TestClient;
import io.krrkit.junit.TestClients;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.KrrLocal;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import java.text.ParseException;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The module's one test fixture: a krr-local emulator on a free port, started once for the whole
 * test run and closed after it, with a {@link SelfServiceClient} signed in as its bootstrap admin
 * client (which holds the {@code idporten:dcr.*} scopes). Tests ask for it as a parameter.
 */
final class Emulator implements ParameterResolver {

  /** What a test gets: the running emulator and clients pointed at it. */
  record Running(
      KrrLocal krr, Bootstrap bootstrap, MaskinportenClient maskinporten, SelfServiceClient client)
      implements AutoCloseable {

    /** A self-service client for the emulator signed in with {@code maskinporten}. */
    SelfServiceClient selfServiceWith(MaskinportenClient other) {
      return SelfServiceClient.builder()
          .environment(SelfServiceEnvironment.custom(krr.selfServiceUrl()))
          .maskinporten(other)
          .build();
    }

    /**
     * A self-service client signed in as a new admin client of organisation {@code org} holding
     * {@code scopes}, put straight into the emulator's store (the API registers clients only for
     * the caller or its customers, whose tokens it does not take).
     */
    SelfServiceClient adminOf(OrgNumber org, Scope... scopes) {
      TestClient admin =
          TestClients.register(krr, org, IntegrationType.MASKINPORTEN, Set.of(scopes));
      return selfServiceWith(
          MaskinportenClient.builder()
              .environment(maskinportenEnvironment())
              .clientId(admin.clientId())
              .signingKey(admin.key())
              .build());
    }

    /** A self-service client of the bootstrap admin acting as a supplier. */
    SelfServiceClient selfServiceAsSupplier() {
      return SelfServiceClient.builder()
          .environment(SelfServiceEnvironment.custom(krr.selfServiceUrl()))
          .maskinporten(maskinporten)
          .supplier(true)
          .build();
    }

    /** The Maskinporten environment of the emulator. */
    MaskinportenEnvironment maskinportenEnvironment() {
      return MaskinportenEnvironment.custom(krr.maskinportenIssuer());
    }

    @Override
    public void close() {
      krr.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Running.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(Emulator.class))
        .computeIfAbsent(Running.class, key -> start(), Running.class);
  }

  private static Running start() {
    KrrLocal krr = KrrLocal.builder().port(0).ephemeral().seedPersons(0).build().start();
    Bootstrap bootstrap = krr.bootstrap();
    MaskinportenClient maskinporten =
        MaskinportenClient.builder()
            .environment(MaskinportenEnvironment.custom(bootstrap.issuer()))
            .clientId(bootstrap.clientId())
            .signingKey(parse(bootstrap.privateJwk()))
            .build();
    SelfServiceClient client =
        SelfServiceClient.builder()
            .environment(SelfServiceEnvironment.custom(krr.selfServiceUrl()))
            .maskinporten(maskinporten)
            .build();
    return new Running(krr, bootstrap, maskinporten, client);
  }

  private static RSAKey parse(String jwk) {
    try {
      return RSAKey.parse(jwk);
    } catch (ParseException e) {
      throw new IllegalStateException("the bootstrap key is not an RSA JWK", e);
    }
  }
}
