package io.krrkit.local.internal.access;

import java.util.List;

/**
 * A scope as a caller sends it, unchecked; {@link ScopeRegistry} validates it and fills the
 * defaults. Field names follow the self-service scope model (spec.md#scopes-and-access); {@code
 * null} means "not sent".
 *
 * @param name {@code prefix:subscope}; the operator API names a scope this way, the self-service
 *     API by {@code prefix} and {@code subscope}
 * @param prefix the owner's namespace, e.g. {@code difitest}
 * @param subscope the rest, e.g. {@code api3}; cannot change after creation
 * @param ownerOrgno the API owner: for the operator (default the emulator's organisation); an
 *     owner's own request may only name itself
 * @param active default true; {@code false} deactivates, {@code true} reactivates (on update)
 * @param visibility {@code PUBLIC} (default), {@code PRIVATE} or {@code INTERNAL}
 * @param tokenType {@code SELF_CONTAINED} (default) or {@code OPAQUE}
 * @param atMaxAge default 0: the standard token lifetime
 * @param authorizationMaxLifetime default 0: the standard authorization lifetime
 * @param allowedIntegrationTypes default empty: any integration type
 * @param accessibleForAll default false: organisations need an access grant
 * @param delegationSource default none: the emulator's delegation source is named in tokens
 * @param requiresUserConsent default false
 */
public record ScopeDraft(
    String name,
    String prefix,
    String subscope,
    String ownerOrgno,
    String description,
    String longDescription,
    Boolean active,
    String visibility,
    String tokenType,
    Integer atMaxAge,
    Integer authorizationMaxLifetime,
    List<String> allowedIntegrationTypes,
    Boolean accessibleForAll,
    String delegationSource,
    Boolean requiresUserConsent) {

  /** A draft with only the scope's name parts and description, everything else default. */
  public static ScopeDraft of(String prefix, String subscope, String description) {
    return new ScopeDraft(
        null,
        prefix,
        subscope,
        null,
        description,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
