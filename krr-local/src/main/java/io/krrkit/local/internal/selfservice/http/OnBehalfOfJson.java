package io.krrkit.local.internal.selfservice.http;

import io.krrkit.local.internal.client.OnBehalfOf;
import io.krrkit.local.internal.client.OnBehalfOfDraft;

/**
 * An on-behalf-of registration as the self-service API reads and writes it
 * (spec.md#on-behalf-of-registrations): {@code {onbehalfof, orgno, name, description, client_uri,
 * created, last_updated}}; the timestamps are ignored on input.
 */
record OnBehalfOfJson(
    String onbehalfof,
    String orgno,
    String name,
    String description,
    String clientUri,
    String created,
    String lastUpdated) {

  static OnBehalfOfJson of(OnBehalfOf o) {
    return new OnBehalfOfJson(
        o.onbehalfof(),
        o.orgNumber().value(),
        o.name(),
        o.description(),
        o.clientUri(),
        SelfServiceJson.timestamp(o.created()),
        SelfServiceJson.timestamp(o.lastUpdated()));
  }

  OnBehalfOfDraft toDraft() {
    return new OnBehalfOfDraft(onbehalfof, orgno, name, description, clientUri);
  }
}
