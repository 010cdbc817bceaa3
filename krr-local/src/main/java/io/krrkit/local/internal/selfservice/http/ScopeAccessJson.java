package io.krrkit.local.internal.selfservice.http;

import io.krrkit.local.internal.access.ScopeAccess;

/**
 * An access entry as the self-service API shows it (spec.md#scopes-and-access, Digdir's documented
 * example).
 */
record ScopeAccessJson(
    String scope,
    String state,
    String consumerOrgno,
    String ownerOrgno,
    String created,
    String lastUpdated) {

  static ScopeAccessJson of(ScopeAccess a) {
    return new ScopeAccessJson(
        a.scope().value(),
        a.state().name(),
        a.consumer().value(),
        a.owner().value(),
        SelfServiceJson.timestamp(a.created()),
        SelfServiceJson.timestamp(a.lastUpdated()));
  }
}
