package io.krrkit.local.client;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The self-service rules for clients and their keys (SPEC §4), on behalf of a calling organisation:
 * it sees and changes only its own clients, a {@code krr} client gets both {@code krr:global}
 * scopes, the integration type never changes, and an uploaded key set replaces the old one.
 *
 * <pre>{@code
 * ClientRegistry registry = new ClientRegistry(clients, keys, clock);
 * RegisteredClient c = registry.create(org, krrDraft);     // gets both krr:global scopes
 * registry.replaceKeys(org, c.clientId(), List.of(publicJwk));
 * }</pre>
 *
 * Every refusal is a {@link ClientRegistryException}; a refused request changes nothing.
 */
public final class ClientRegistry {
  private final ClientRepository clients;
  private final ClientKeyRepository keys;
  private final Clock clock;
  private final ClientPolicy policy = new ClientPolicy();
  private final KeyPolicy keyPolicy;

  /** Works on {@code clients} and {@code keys}, with time from {@code clock}. */
  public ClientRegistry(ClientRepository clients, ClientKeyRepository keys, Clock clock) {
    this.clients = Objects.requireNonNull(clients, "clients == null");
    this.keys = Objects.requireNonNull(keys, "keys == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.keyPolicy = new KeyPolicy(keys);
  }

  /** Registers a new client owned by {@code caller}, with a fresh UUID as its client_id. */
  public RegisteredClient create(OrgNumber caller, ClientDraft draft) {
    FieldErrors errors = new FieldErrors();
    IntegrationType type = integrationType(draft.integrationType(), errors);
    checkOwner(caller, draft.clientOrgno(), errors);
    Instant now = clock.instant();
    String clientId = UUID.randomUUID().toString();
    RegisteredClient client =
        policy.build(
            draft, new ClientPolicy.Identity(clientId, caller, null, type, true, now, now), errors);
    errors.throwIfAny();
    clients.save(client);
    return client;
  }

  /** The caller's clients, oldest first. */
  public List<RegisteredClient> list(OrgNumber caller) {
    return clients.findByOwner(caller);
  }

  /** The caller's client {@code clientId}; another organisation's client is not found. */
  public RegisteredClient get(OrgNumber caller, String clientId) {
    return clients
        .findById(clientId)
        .filter(c -> c.orgNumber().equals(caller))
        .orElseThrow(() -> ClientRegistryException.notFound(clientId));
  }

  /**
   * Replaces the writable fields of the caller's client (PUT semantics: a field left out gets its
   * default). The integration type cannot change; a {@code krr} client keeps its scopes.
   */
  public RegisteredClient update(OrgNumber caller, String clientId, ClientDraft draft) {
    RegisteredClient current = get(caller, clientId);
    FieldErrors errors = new FieldErrors();
    if (draft.clientId() != null && !draft.clientId().equals(clientId)) {
      errors.add("client_id", "client_id cannot change; send " + clientId + " or leave it out");
    }
    String type = current.integrationType().wireName();
    if (draft.integrationType() != null && !draft.integrationType().equals(type)) {
      errors.add(
          "integration_type",
          "integration_type cannot change (it is " + type + "); create a new client instead");
    }
    checkOwner(caller, draft.clientOrgno(), errors);
    RegisteredClient updated =
        policy.build(
            draft,
            new ClientPolicy.Identity(
                clientId,
                current.orgNumber(),
                current.supplierOrgNumber(),
                current.integrationType(),
                current.active(),
                current.created(),
                clock.instant()),
            errors);
    errors.throwIfAny();
    clients.save(updated);
    return updated;
  }

  /** Deletes the caller's client and its keys. */
  public void delete(OrgNumber caller, String clientId) {
    get(caller, clientId);
    clients.delete(clientId);
  }

  /** The keys registered on the caller's client. */
  public KeySet keys(OrgNumber caller, String clientId) {
    get(caller, clientId);
    return KeySet.of(keys.findByClient(clientId));
  }

  /**
   * Replaces the whole key set of the caller's client with {@code jwks} (JWK objects as parsed JSON
   * members; a {@code null} entry stands for something that was not an object). An empty set is
   * refused: removing every key takes {@link #deleteKeys}.
   */
  public KeySet replaceKeys(OrgNumber caller, String clientId, List<Map<String, Object>> jwks) {
    get(caller, clientId);
    List<ClientKey> accepted = keyPolicy.accept(clientId, jwks, clock.instant());
    try {
      keys.replaceAll(clientId, accepted);
    } catch (StoreException e) {
      if (!e.isDuplicateKey()) {
        throw e;
      }
      // Another client registered one of these kids after our check.
      FieldErrors taken = new FieldErrors();
      taken.add("keys", "a kid in keys was just taken by another client; choose other kids");
      taken.throwIfAny();
    }
    return KeySet.of(accepted);
  }

  /** Removes every key of the caller's client. */
  public void deleteKeys(OrgNumber caller, String clientId) {
    get(caller, clientId);
    keys.replaceAll(clientId, List.of());
  }

  private static IntegrationType integrationType(String given, FieldErrors errors) {
    String allowed =
        Arrays.stream(IntegrationType.values())
            .map(IntegrationType::wireName)
            .collect(Collectors.joining(", "));
    if (given == null) {
      errors.add("integration_type", "integration_type is required: one of " + allowed);
      return null;
    }
    IntegrationType type = IntegrationType.fromWireName(given).orElse(null);
    if (type == null) {
      errors.add("integration_type", "integration_type must be one of " + allowed);
    }
    return type;
  }

  private static void checkOwner(OrgNumber caller, String clientOrgno, FieldErrors errors) {
    if (clientOrgno != null && !clientOrgno.equals(caller.value())) {
      errors.add(
          "client_orgno",
          "client_orgno must be your own organisation ("
              + caller.value()
              + ") or left out; clients for customers take idporten:dcr.supplier, not supported"
              + " yet");
    }
  }
}
