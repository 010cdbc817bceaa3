package io.krrkit.local;

import io.krrkit.core.JwtGrantRules;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A client to put straight into a running emulator with {@link Controls#putClient}, as Digdir would
 * register it. The store takes it as it is: scopes are not checked against the self-service rules,
 * so a test can give a client what Digdir grants by agreement (such as {@code
 * krr:global/hentendring.read}).
 *
 * @param clientId the integration id (the {@code iss} of its grants)
 * @param owner the organisation that owns it
 * @param integrationType {@code krr}, {@code maskinporten}, {@code api_klient} or {@code idporten}
 * @param scopes the scopes it holds
 * @param applicationType {@code web}, {@code native} or {@code browser}
 * @param tokenEndpointAuthMethod {@code private_key_jwt}, {@code none}, …
 * @param grantTypes its grant types
 * @param redirectUris its redirect URIs (ID-porten clients)
 * @param name its name
 */
public record ClientSpec(
    String clientId,
    OrgNumber owner,
    String integrationType,
    Set<Scope> scopes,
    String applicationType,
    String tokenEndpointAuthMethod,
    List<String> grantTypes,
    List<String> redirectUris,
    String name) {
  /** Grant type of Maskinporten clients. */
  public static final String JWT_BEARER = JwtGrantRules.GRANT_TYPE;

  /** Checks that every field is there and copies the collections. */
  public ClientSpec {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(owner, "owner == null");
    Objects.requireNonNull(integrationType, "integrationType == null");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(applicationType, "applicationType == null");
    Objects.requireNonNull(tokenEndpointAuthMethod, "tokenEndpointAuthMethod == null");
    grantTypes = List.copyOf(grantTypes);
    redirectUris = List.copyOf(redirectUris);
    Objects.requireNonNull(name, "name == null");
  }

  /**
   * A Maskinporten-style client ({@code krr} or {@code maskinporten}) that gets tokens with JWT
   * grants signed by a registered key.
   */
  public static ClientSpec jwtBearer(
      String clientId, OrgNumber owner, String integrationType, Set<Scope> scopes) {
    return new ClientSpec(
        clientId,
        owner,
        integrationType,
        scopes,
        "web",
        "private_key_jwt",
        List.of(JWT_BEARER),
        List.of(),
        "test client");
  }

  /** A public native ID-porten client (no secret, PKCE) with {@code redirectUris}. */
  public static ClientSpec nativeApp(
      String clientId, OrgNumber owner, Set<Scope> scopes, List<String> redirectUris) {
    return new ClientSpec(
        clientId,
        owner,
        "api_klient",
        scopes,
        "native",
        "none",
        List.of("authorization_code"),
        redirectUris,
        "test client");
  }

  /** The same client with another name. */
  public ClientSpec named(String newName) {
    return new ClientSpec(
        clientId,
        owner,
        integrationType,
        scopes,
        applicationType,
        tokenEndpointAuthMethod,
        grantTypes,
        redirectUris,
        newName);
  }
}
