package io.krrkit.local.internal.client;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The self-service rules for clients and their keys (spec.md#self-service-api), on behalf of a
 * calling organisation: it sees and changes only its own clients and those it registered for
 * customers as supplier, a {@code krr} client gets both {@code krr:global} scopes, the integration
 * type never changes, and an uploaded key set replaces the old one.
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
  // Ids of imported clients: UUIDs as created here, or the ids tests and embedders choose.
  private static final Pattern IMPORTED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final ClientRepository clients;
  private final ClientKeyRepository keys;
  private final Clock clock;
  private final ClientPolicy policy = new ClientPolicy();
  private final KeyPolicy keyPolicy;
  private final ScopePermission permission;
  private final ClientSecrets secrets;

  /** A client as saved, with the secret generated for it just now (null when none was). */
  public record WithSecret(RegisteredClient client, String clientSecret) {}

  /** Works on {@code clients} and {@code keys}, with time from {@code clock}; any scope allowed. */
  public ClientRegistry(ClientRepository clients, ClientKeyRepository keys, Clock clock) {
    this(clients, keys, clock, ScopePermission.ANY);
  }

  /** As the four-argument constructor, with secrets kept in memory (tests of the rules). */
  public ClientRegistry(
      ClientRepository clients, ClientKeyRepository keys, Clock clock, ScopePermission permission) {
    this(clients, keys, clock, permission, new ClientSecrets(new MemorySecrets(), clock));
  }

  /**
   * Works on {@code clients} and {@code keys}, with time from {@code clock}; a scope added to a
   * client must pass {@code permission} for the client's owner.
   */
  public ClientRegistry(
      ClientRepository clients,
      ClientKeyRepository keys,
      Clock clock,
      ScopePermission permission,
      ClientSecrets secrets) {
    this.secrets = Objects.requireNonNull(secrets, "secrets == null");
    this.clients = Objects.requireNonNull(clients, "clients == null");
    this.keys = Objects.requireNonNull(keys, "keys == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.permission = Objects.requireNonNull(permission, "permission == null");
    this.keyPolicy = new KeyPolicy(keys);
  }

  /** Registers a new client owned by {@code caller}, with a fresh UUID as its client_id. */
  public RegisteredClient create(OrgNumber caller, ClientDraft draft) {
    return createWithSecret(caller, draft).client();
  }

  /** As {@link #create}, with the client secret generated for a secret method (shown once). */
  public WithSecret createWithSecret(OrgNumber caller, ClientDraft draft) {
    FieldErrors errors = new FieldErrors();
    if (draft.clientOrgno() != null && !draft.clientOrgno().equals(caller.value())) {
      errors.add(
          "client_orgno",
          "client_orgno must be your own organisation ("
              + caller.value()
              + ") or left out; registering a client for a customer takes idporten:dcr.supplier");
    }
    return register(caller, null, draft, errors);
  }

  /**
   * Registers a new client that supplier {@code caller} makes for the customer in {@code
   * client_orgno} (Digdir's {@code idporten:dcr.supplier}): the customer owns it, the caller is its
   * {@code supplier_orgno} and manages it as well. A {@code client_orgno} equal to the caller's
   * own, or left out, registers an ordinary client of the caller.
   */
  public RegisteredClient createForCustomer(OrgNumber caller, ClientDraft draft) {
    return createForCustomerWithSecret(caller, draft).client();
  }

  /** As {@link #createForCustomer}, with the client secret generated for a secret method. */
  public WithSecret createForCustomerWithSecret(OrgNumber caller, ClientDraft draft) {
    String customer = draft.clientOrgno();
    if (customer == null || customer.equals(caller.value())) {
      return createWithSecret(caller, draft);
    }
    FieldErrors errors = new FieldErrors();
    if (!OrgNumber.isValid(customer)) {
      errors.add("client_orgno", "client_orgno must be the customer's 9-digit organisation number");
      errors.throwIfAny();
    }
    return register(OrgNumber.of(customer), caller, draft, errors);
  }

  private WithSecret register(
      OrgNumber owner, OrgNumber supplier, ClientDraft draft, FieldErrors errors) {
    IntegrationType type = integrationType(draft.integrationType(), errors);
    Instant now = clock.instant();
    String clientId = UUID.randomUUID().toString();
    RegisteredClient client =
        policy.build(
            draft,
            new ClientPolicy.Identity(clientId, owner, supplier, type, true, now, now),
            errors);
    checkPermission(client, Set.of(), errors);
    errors.throwIfAny();
    clients.save(client);
    return new WithSecret(client, secrets.reconcile(client).orElse(null));
  }

  /** Every client of every organisation, oldest first: for the operator. */
  public List<RegisteredClient> all() {
    return clients.findAll();
  }

  /**
   * Deletes every client with its keys and on-behalf-of registrations, but {@code keep} (the
   * emulator's own self-service client): for the operator's reset.
   */
  public void deleteAllExcept(String keep) {
    for (RegisteredClient client : clients.findAll()) {
      if (!client.clientId().equals(keep)) {
        clients.delete(client.clientId());
      }
    }
  }

  /** The organisations that own at least one client. */
  public List<OrgNumber> owners() {
    return clients.owners();
  }

  /**
   * The caller's clients, oldest first: those it owns and those it registered for customers as
   * their supplier.
   */
  public List<RegisteredClient> list(OrgNumber caller) {
    return Stream.concat(
            clients.findByOwner(caller).stream(), clients.findBySupplier(caller).stream())
        .sorted(Comparator.comparing(RegisteredClient::created))
        .toList();
  }

  /**
   * The client {@code clientId} if the caller owns it or is its supplier; another organisation's
   * client is not found.
   */
  public RegisteredClient get(OrgNumber caller, String clientId) {
    return clients
        .findById(clientId)
        .filter(c -> c.orgNumber().equals(caller) || caller.equals(c.supplierOrgNumber()))
        .orElseThrow(() -> ClientRegistryException.notFound(clientId));
  }

  /**
   * Replaces the writable fields of the caller's client (PUT semantics: a field left out gets its
   * default). The integration type cannot change; a {@code krr} client keeps its scopes.
   */
  public RegisteredClient update(OrgNumber caller, String clientId, ClientDraft draft) {
    return updateWithSecret(caller, clientId, draft).client();
  }

  /**
   * As {@link #update}. The secret is kept across changes; a change to another method deletes it, a
   * change to a secret method generates one (returned, shown once).
   */
  public WithSecret updateWithSecret(OrgNumber caller, String clientId, ClientDraft draft) {
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
    String owner = current.orgNumber().value();
    if (draft.clientOrgno() != null && !draft.clientOrgno().equals(owner)) {
      errors.add("client_orgno", "client_orgno cannot change (it is " + owner + ")");
    }
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
    checkPermission(updated, current.scopes(), errors);
    errors.throwIfAny();
    clients.save(updated);
    return new WithSecret(updated, secrets.reconcile(updated).orElse(null));
  }

  /**
   * Generates a new secret for the caller's client, replacing the old one at once (Digdir's {@code
   * POST /clients/{client_id}/secret}); refused for a client that does not use a secret.
   */
  public WithSecret newSecret(OrgNumber caller, String clientId) {
    RegisteredClient client = get(caller, clientId);
    if (!ClientSecrets.usesSecret(client)) {
      FieldErrors errors = new FieldErrors();
      errors.add(
          "token_endpoint_auth_method",
          "the client authenticates with "
              + client.tokenEndpointAuthMethod()
              + "; only client_secret_basic and client_secret_post clients have a secret");
      errors.throwIfAny();
    }
    return new WithSecret(client, secrets.generate(clientId));
  }

  /** The client secrets, for the token endpoint. */
  public ClientSecrets secrets() {
    return secrets;
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
      return KeySet.of(changeKeys(clientId, held -> accepted));
    } catch (StoreException e) {
      if (!e.isDuplicateKey()) {
        throw e;
      }
      // Another client registered one of these kids after our check.
      throw new ClientRegistryException(
          ClientRegistryException.Reason.INVALID,
          List.of(
              new FieldError(
                  "keys", "a kid in keys was just taken by another client; choose other kids")));
    }
  }

  /** Removes every key of the caller's client. */
  public void deleteKeys(OrgNumber caller, String clientId) {
    get(caller, clientId);
    changeKeys(clientId, held -> List.of());
  }

  /**
   * Changes the keys of {@code clientId} through the store's one locked path ({@link
   * ClientKeyRepository#change}), for this class and {@link KeyRing}; the client deleted meanwhile
   * is not found.
   */
  List<ClientKey> changeKeys(String clientId, UnaryOperator<List<ClientKey>> change) {
    return keys.change(clientId, change)
        .orElseThrow(() -> ClientRegistryException.notFound(clientId));
  }

  /** Records why the owner may not have a scope {@code client} adds to {@code held}. */
  private void checkPermission(RegisteredClient client, Set<Scope> held, FieldErrors errors) {
    if (client == null) {
      return; // refused already
    }
    client.scopes().stream()
        .filter(s -> !held.contains(s))
        .sorted()
        .forEach(
            s ->
                permission
                    .refusal(client.orgNumber(), client.integrationType(), s)
                    .ifPresent(message -> errors.add("scopes", message)));
  }

  // --- the operator's state import (internal.state) ---

  /**
   * Checks a client of the operator's state import against the rules of its integration type, as
   * {@link #create} does, keeping the identity the file gives; stores nothing. Scope permissions
   * are not checked here: the token endpoint checks access when a token is asked for.
   *
   * @throws ClientRegistryException listing every problem
   */
  public RegisteredClient check(
      ClientDraft draft,
      OrgNumber owner,
      OrgNumber supplier,
      boolean active,
      Instant created,
      Instant lastUpdated) {
    FieldErrors errors = new FieldErrors();
    String clientId = draft.clientId();
    if (clientId == null || !IMPORTED_ID.matcher(clientId).matches()) {
      errors.add(
          "client_id", "client_id is required: 1 to 64 letters, digits, '.', '_', ':' or '-'");
      clientId = "?";
    }
    IntegrationType type = integrationType(draft.integrationType(), errors);
    RegisteredClient client =
        policy.build(
            draft,
            new ClientPolicy.Identity(
                clientId, owner, supplier, type, active, created, lastUpdated),
            errors);
    errors.throwIfAny();
    return client;
  }

  /** The client {@code clientId} of any organisation, for the operator. */
  public Optional<RegisteredClient> find(String clientId) {
    return clients.findById(clientId);
  }

  /** Stores {@code client} as it is (checked by {@link #check}), for the operator's import. */
  public void put(RegisteredClient client) {
    clients.save(client);
  }

  /** The keys of {@code clientId}, oldest first, for the operator's export. */
  public List<ClientKey> keysOf(String clientId) {
    return keys.findByClient(clientId);
  }

  /**
   * Checks a key set of the operator's state import as an upload is checked (one to five public RSA
   * 2048 keys for RS256, kids unique across clients), except that any expiry is kept, past or far
   * ahead, as exported; {@code created} gives each key's upload time. Stores nothing.
   *
   * @throws ClientRegistryException listing every problem
   */
  public List<ClientKey> checkKeys(
      String clientId, List<Map<String, Object>> jwks, List<Instant> created) {
    return keyPolicy.acceptExported(clientId, jwks, created);
  }

  /** Makes {@code replacement} the keys of {@code clientId}, for the operator's import. */
  public void putKeys(String clientId, List<ClientKey> replacement) {
    changeKeys(clientId, held -> List.copyOf(replacement));
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
}
