package io.krrkit.local.internal.web.http;

import io.krrkit.core.Scope;
import io.krrkit.local.internal.client.RegisteredClient;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One integration as the pages show it.
 *
 * @param clientId the integration id (client_id), the {@code iss} of the JWT grant
 * @param type the integration type's wire name ({@code krr}); {@code type.krr} is its text key
 * @param scopes the scopes, sorted
 * @param keys how many keys are registered
 * @param created when it was created, as {@code 2026-11-25 13:05} Norwegian time
 * @param updated when it was last changed, likewise
 */
public record IntegrationRow(
    String clientId,
    String name,
    String description,
    String type,
    List<String> scopes,
    int keys,
    String created,
    String updated) {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Oslo"));

  /** The row of {@code client}, which has {@code keys} keys. */
  static IntegrationRow of(RegisteredClient client, int keys) {
    return new IntegrationRow(
        client.clientId(),
        client.clientName() == null ? "" : client.clientName(),
        client.description() == null ? "" : client.description(),
        client.integrationType().wireName(),
        client.scopes().stream().map(Scope::value).sorted().toList(),
        keys,
        shown(client.created()),
        shown(client.lastUpdated()));
  }

  /** The text key of the integration type. */
  public String typeKey() {
    return "type." + type;
  }

  private static String shown(Instant instant) {
    return SHOWN.format(instant);
  }
}
