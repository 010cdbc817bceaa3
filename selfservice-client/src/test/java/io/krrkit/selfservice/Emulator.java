package io.krrkit.selfservice;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.ClientSpec;
import io.krrkit.local.KrrLocal;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
     * the caller or its customers, whose tokens it does not take). Through krr-local's public
     * {@code Controls}, not krr-junit: krr-junit's ready clients are built on this module.
     */
    SelfServiceClient adminOf(OrgNumber org, Scope... scopes) {
      String clientId = UUID.randomUUID().toString();
      RSAKey key = Keys.rsa("admin");
      krr.controls()
          .putClient(
              ClientSpec.jwtBearer(
                  clientId, org, IntegrationType.MASKINPORTEN.wireName(), Set.of(scopes)));
      krr.controls().replaceKeys(clientId, List.of(key));
      return selfServiceWith(
          MaskinportenClient.builder()
              .environment(maskinportenEnvironment())
              .clientId(clientId)
              .signingKey(key)
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

  /**
   * An emulator of the caller's own, for a test class that changes it for everyone (fault rules);
   * the caller closes it.
   */
  static Running start() {
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
