package io.krrkit.local.access;

import java.util.List;

/**
 * A scope as an operator sends it, unchecked; {@link ScopeRegistry#define} validates it and fills
 * the defaults. Field names follow the self-service scope model.
 *
 * @param name {@code prefix:subscope}
 * @param ownerOrgno the API owner; default the emulator's organisation
 * @param accessibleForAll default false: organisations need an access grant
 * @param allowedIntegrationTypes default empty: any integration type
 * @param atMaxAge default 0: the standard token lifetime
 * @param delegationSource default none: the emulator's delegation source is named in tokens
 */
public record ScopeDraft(
    String name,
    String ownerOrgno,
    String description,
    Boolean accessibleForAll,
    List<String> allowedIntegrationTypes,
    Integer atMaxAge,
    String delegationSource) {}
