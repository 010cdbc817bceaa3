package io.krrkit.local.internal.selfservice.http;

import io.krrkit.core.IntegrationType;
import io.krrkit.local.internal.access.ApiScope;
import java.util.List;

/** A scope as the self-service API shows it (spec.md#scopes-and-access). */
record ScopeJson(
    String name,
    String prefix,
    String subscope,
    String description,
    String longDescription,
    boolean active,
    String visibility,
    String tokenType,
    int atMaxAge,
    int authorizationMaxLifetime,
    List<String> allowedIntegrationTypes,
    boolean accessibleForAll,
    String delegationSource,
    String ownerOrgno,
    boolean requiresUserConsent,
    String created,
    String lastUpdated) {

  static ScopeJson of(ApiScope s) {
    return new ScopeJson(
        s.name().value(),
        s.prefix(),
        s.subscope(),
        s.description(),
        s.longDescription(),
        s.active(),
        s.visibility().name(),
        s.tokenType().name(),
        s.atMaxAge(),
        s.authorizationMaxLifetime(),
        s.allowedIntegrationTypes().stream().map(IntegrationType::wireName).sorted().toList(),
        s.accessibleForAll(),
        s.delegationSource(),
        s.owner().value(),
        s.requiresUserConsent(),
        SelfServiceJson.timestamp(s.created()),
        SelfServiceJson.timestamp(s.lastUpdated()));
  }
}
