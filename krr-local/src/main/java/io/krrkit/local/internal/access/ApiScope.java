package io.krrkit.local.internal.access;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A scope an API owner registered: the scope model of the self-service API
 * (spec.md#scopes-and-access, {@code idporten/oidc/oidc_protocol_scope.md}).
 *
 * @param name the scope, {@code prefix:subscope}
 * @param owner the API owner ({@code owner_orgno})
 * @param description short text shown to users, {@code null} for some built-in scopes
 * @param longDescription longer text (basic Markdown), or {@code null}
 * @param active a deactivated scope ({@code DELETE /scopes}) is in no token; accesses are kept
 * @param visibility who sees it in {@code GET /scopes/all}
 * @param tokenType the kind of token the API expects
 * @param atMaxAge longest token lifetime in seconds for this scope; 0 means the default
 * @param authorizationMaxLifetime longest end-user authorization in seconds; 0 means the default
 * @param allowedIntegrationTypes client types that may get tokens with it; empty means any
 * @param accessibleForAll every organisation may use it; otherwise it takes an access grant
 * @param delegationSource issuer of the authority where consumers delegate it, or {@code null}
 * @param requiresUserConsent ID-porten shows a consent dialogue
 */
public record ApiScope(
    Scope name,
    OrgNumber owner,
    String description,
    String longDescription,
    boolean active,
    Visibility visibility,
    TokenType tokenType,
    int atMaxAge,
    int authorizationMaxLifetime,
    Set<IntegrationType> allowedIntegrationTypes,
    boolean accessibleForAll,
    String delegationSource,
    boolean requiresUserConsent,
    Instant created,
    Instant lastUpdated) {

  /** Who sees a scope in the public listing ({@code visibility}). */
  public enum Visibility {
    /** Listed by {@code GET /scopes/all}. */
    PUBLIC,
    /** Known only to the owner and the consumers it told. */
    PRIVATE,
    /** For Digdir's internal use. */
    INTERNAL
  }

  /** The kind of access token an API expects ({@code token_type}). */
  public enum TokenType {
    /** A signed JWT the API validates itself (the emulator issues only these). */
    SELF_CONTAINED,
    /** A reference the API looks up by introspection. */
    OPAQUE
  }

  /** Checks required fields and freezes the type set. */
  public ApiScope {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(owner, "owner == null");
    Objects.requireNonNull(visibility, "visibility == null");
    Objects.requireNonNull(tokenType, "tokenType == null");
    Objects.requireNonNull(created, "created == null");
    Objects.requireNonNull(lastUpdated, "lastUpdated == null");
    allowedIntegrationTypes =
        allowedIntegrationTypes == null ? Set.of() : Set.copyOf(allowedIntegrationTypes);
    if (atMaxAge < 0 || authorizationMaxLifetime < 0) {
      throw new IllegalArgumentException(
          "at_max_age and authorization_max_lifetime must be 0 (default) or positive seconds");
    }
    if (name.value().indexOf(':') < 1) {
      throw new IllegalArgumentException("an API scope is prefix:subscope, was " + name);
    }
  }

  /** The part before the first colon, which names the owner's namespace. */
  public String prefix() {
    return prefixOf(name);
  }

  /** The part after the first colon. */
  public String subscope() {
    return name.value().substring(name.value().indexOf(':') + 1);
  }

  /** True when clients of {@code type} may get tokens with this scope. */
  public boolean allows(IntegrationType type) {
    return allowedIntegrationTypes.isEmpty() || allowedIntegrationTypes.contains(type);
  }

  /** True when the public listing ({@code GET /scopes/all}) shows it: public and active. */
  public boolean listed() {
    return active && visibility == Visibility.PUBLIC;
  }

  /** This scope activated or deactivated at {@code now}. */
  public ApiScope withActive(boolean active, Instant now) {
    return new ApiScope(
        name,
        owner,
        description,
        longDescription,
        active,
        visibility,
        tokenType,
        atMaxAge,
        authorizationMaxLifetime,
        allowedIntegrationTypes,
        accessibleForAll,
        delegationSource,
        requiresUserConsent,
        created,
        now);
  }

  static String prefixOf(Scope name) {
    int colon = name.value().indexOf(':');
    return colon < 0 ? name.value() : name.value().substring(0, colon);
  }
}
