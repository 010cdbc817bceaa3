package io.krrkit.local.internal.state.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.InvalidIdentifierException;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.local.OffsetClock;
import io.krrkit.local.internal.access.AccessException;
import io.krrkit.local.internal.access.ApiScope;
import io.krrkit.local.internal.access.Delegation;
import io.krrkit.local.internal.access.DelegationRegistry;
import io.krrkit.local.internal.access.ScopeAccess;
import io.krrkit.local.internal.access.ScopeDraft;
import io.krrkit.local.internal.access.ScopeRegistry;
import io.krrkit.local.internal.altinn.AltinnException;
import io.krrkit.local.internal.altinn.AltinnRegister;
import io.krrkit.local.internal.altinn.Consent;
import io.krrkit.local.internal.altinn.SystemUser;
import io.krrkit.local.internal.client.ClientDraft;
import io.krrkit.local.internal.client.ClientKey;
import io.krrkit.local.internal.client.ClientRegistry;
import io.krrkit.local.internal.client.ClientRegistryException;
import io.krrkit.local.internal.client.FieldError;
import io.krrkit.local.internal.client.OnBehalfOf;
import io.krrkit.local.internal.client.OnBehalfOfDraft;
import io.krrkit.local.internal.client.OnBehalfOfRegistry;
import io.krrkit.local.internal.client.RegisteredClient;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.signing.SigningKey;
import io.krrkit.local.internal.signing.SigningKeyRepository;
import io.krrkit.local.internal.state.EmulatorState;
import io.krrkit.local.internal.state.ImportMode;
import io.krrkit.local.internal.state.StateFiles;
import io.krrkit.local.internal.state.StateImportException;
import io.krrkit.local.internal.state.Transaction;
import io.krrkit.local.internal.state.json.StateReader.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The emulator's state as {@link StateFiles}, both ways (docs/testing.md#state-seed-export-import).
 * Export writes every kind in the shape its API shows it (clients, scopes and access as the
 * self-service API, delegations, system users and consents as the operator API, persons as KRR);
 * import reads those shapes back through the features' own registries, so their rules hold, in one
 * transaction: every problem found is reported with its file and line, and then nothing is
 * imported.
 *
 * <p>The emulator's own self-service client (the bootstrap client) and its signing keys belong to
 * the emulator, not to the state: neither is exported (signing keys only when asked) nor imported.
 */
public final class StateArchive {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
          .withZone(ZoneId.of("Europe/Oslo"));

  private final ObjectMapper plain = Json.plain();
  private final ObjectMapper snake = Json.snakeCase();
  private final ObjectMapper krr = Json.krr();
  private final ObjectWriter writer = Json.plain().writerWithDefaultPrettyPrinter();
  private final ObjectWriter krrWriter = Json.krr().writerWithDefaultPrettyPrinter();

  private final Transaction transaction;
  private final EmulatorState state;
  private final ClientRegistry clients;
  private final OnBehalfOfRegistry onBehalfOf;
  private final ScopeRegistry scopes;
  private final DelegationRegistry delegations;
  private final AltinnRegister altinn;
  private final Register register;
  private final String ownClientId;
  private final Map<String, SigningKeyRepository> signingKeys;
  private final OffsetClock clock;

  /**
   * The state in these registries.
   *
   * @param ownClientId the emulator's own self-service client, neither exported nor imported
   * @param signingKeys the signing-key store of each service that signs, by service name
   */
  public StateArchive(
      Transaction transaction,
      EmulatorState state,
      ClientRegistry clients,
      OnBehalfOfRegistry onBehalfOf,
      ScopeRegistry scopes,
      DelegationRegistry delegations,
      AltinnRegister altinn,
      Register register,
      String ownClientId,
      Map<String, SigningKeyRepository> signingKeys,
      OffsetClock clock) {
    this.transaction = Objects.requireNonNull(transaction, "transaction == null");
    this.state = Objects.requireNonNull(state, "state == null");
    this.clients = Objects.requireNonNull(clients, "clients == null");
    this.onBehalfOf = Objects.requireNonNull(onBehalfOf, "onBehalfOf == null");
    this.scopes = Objects.requireNonNull(scopes, "scopes == null");
    this.delegations = Objects.requireNonNull(delegations, "delegations == null");
    this.altinn = Objects.requireNonNull(altinn, "altinn == null");
    this.register = Objects.requireNonNull(register, "register == null");
    this.ownClientId = Objects.requireNonNull(ownClientId, "ownClientId == null");
    this.signingKeys = Map.copyOf(signingKeys);
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  // --- export ---

  /**
   * The whole state as files, read in one transaction: every kind, each file a JSON array (empty
   * when there is nothing of the kind); {@code signing-keys.json} with the emulator's private
   * signing keys only when {@code includeSigningKeys}.
   */
  public StateFiles export(boolean includeSigningKeys) {
    return transaction.atomically(
        () -> {
          Map<String, byte[]> files = new LinkedHashMap<>();
          List<RegisteredClient> exported =
              clients.all().stream()
                  .filter(c -> !c.clientId().equals(ownClientId))
                  .sorted(
                      Comparator.comparing(RegisteredClient::created)
                          .thenComparing(RegisteredClient::clientId))
                  .toList();
          files.put(StateFiles.SCOPES, write(scopes.scopes().stream().map(this::json).toList()));
          files.put(
              StateFiles.ACCESS, write(scopes.accessList().stream().map(this::json).toList()));
          files.put(StateFiles.CLIENTS, write(exported.stream().map(this::json).toList()));
          files.put(
              StateFiles.KEYS,
              write(
                  exported.stream()
                      .map(c -> keysJson(c.clientId()))
                      .filter(Objects::nonNull)
                      .toList()));
          files.put(
              StateFiles.DELEGATIONS, write(delegations.list().stream().map(this::json).toList()));
          files.put(
              StateFiles.SYSTEM_USERS,
              write(altinn.systemUsers().stream().map(this::json).toList()));
          files.put(
              StateFiles.CONSENTS, write(altinn.consents().stream().map(this::json).toList()));
          files.put(StateFiles.PERSONS, persons());
          files.put(
              StateFiles.FORGOTTEN,
              write(
                  register.forgotten().stream()
                      .map(id -> Map.of("personidentifikator", id.value()))
                      .toList()));
          if (includeSigningKeys) {
            files.put(StateFiles.SIGNING_KEYS, write(signingKeysJson()));
          }
          return StateFiles.of(files);
        });
  }

  private Map<String, Object> json(ApiScope s) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", s.name().value());
    o.put("prefix", s.prefix());
    o.put("subscope", s.subscope());
    o.put("description", s.description());
    o.put("long_description", s.longDescription());
    o.put("active", s.active());
    o.put("visibility", s.visibility().name());
    o.put("token_type", s.tokenType().name());
    o.put("at_max_age", s.atMaxAge());
    o.put("authorization_max_lifetime", s.authorizationMaxLifetime());
    o.put(
        "allowed_integration_types",
        s.allowedIntegrationTypes().stream().map(IntegrationType::wireName).sorted().toList());
    o.put("accessible_for_all", s.accessibleForAll());
    o.put("delegation_source", s.delegationSource());
    o.put("owner_orgno", s.owner().value());
    o.put("requires_user_consent", s.requiresUserConsent());
    o.put("created", timestamp(s.created()));
    o.put("last_updated", timestamp(s.lastUpdated()));
    return o;
  }

  private Map<String, Object> json(ScopeAccess a) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("scope", a.scope().value());
    o.put("state", a.state().name());
    o.put("consumer_orgno", a.consumer().value());
    o.put("owner_orgno", a.owner().value());
    o.put("created", timestamp(a.created()));
    o.put("last_updated", timestamp(a.lastUpdated()));
    return o;
  }

  private Map<String, Object> json(RegisteredClient c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("client_id", c.clientId());
    o.put("client_name", c.clientName());
    o.put("description", c.description());
    o.put("client_uri", c.clientUri());
    o.put("integration_type", c.integrationType().wireName());
    o.put("application_type", c.applicationType());
    o.put("token_endpoint_auth_method", c.tokenEndpointAuthMethod());
    o.put("grant_types", c.grantTypes());
    o.put("scopes", c.scopes().stream().sorted().map(Scope::value).toList());
    o.put("redirect_uris", c.redirectUris());
    o.put("post_logout_redirect_uris", c.postLogoutRedirectUris());
    o.put("access_token_lifetime", c.accessTokenLifetime());
    o.put("authorization_lifetime", c.authorizationLifetime());
    o.put("refresh_token_lifetime", c.refreshTokenLifetime());
    o.put("refresh_token_usage", c.refreshTokenUsage());
    o.put("sso_disabled", c.ssoDisabled());
    o.put("code_challenge_method", c.codeChallengeMethod());
    o.put("client_orgno", c.orgNumber().value());
    o.put("supplier_orgno", c.supplierOrgNumber() == null ? null : c.supplierOrgNumber().value());
    o.put("active", c.active());
    o.put("created", timestamp(c.created()));
    o.put("last_updated", timestamp(c.lastUpdated()));
    o.put("onbehalfof", onBehalfOf.of(c).stream().map(this::json).toList());
    return o;
  }

  private Map<String, Object> json(OnBehalfOf r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("onbehalfof", r.onbehalfof());
    o.put("orgno", r.orgNumber().value());
    o.put("name", r.name());
    o.put("description", r.description());
    o.put("client_uri", r.clientUri());
    o.put("created", timestamp(r.created()));
    o.put("last_updated", timestamp(r.lastUpdated()));
    return o;
  }

  private Map<String, Object> json(Delegation d) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("consumer_orgno", d.consumer().value());
    o.put("supplier_orgno", d.supplier().value());
    o.put("scope", d.scope().value());
    o.put("created", d.created().toString());
    return o;
  }

  private Map<String, Object> json(SystemUser u) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", u.id());
    o.put("system_id", u.systemId());
    o.put("orgno", u.org().value());
    o.put("client_id", u.clientId());
    o.put("external_ref", u.externalRef());
    o.put("created", u.created().toString());
    return o;
  }

  private Map<String, Object> json(Consent c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", c.id());
    o.put("from", c.from());
    o.put("to_orgno", c.to().value());
    o.put("consented", c.consented().toString());
    o.put("valid_to", c.validTo().toString());
    try {
      o.put("consent_rights", plain.readTree(c.consentRights()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("consent_rights in the store is not JSON", e);
    }
    o.put("created", c.created().toString());
    return o;
  }

  /** {@code {"client_id", "keys": [JWK + exp + created]}}, or null for a client without keys. */
  private Map<String, Object> keysJson(String clientId) {
    List<ClientKey> held = clients.keysOf(clientId);
    if (held.isEmpty()) {
      return null;
    }
    List<Map<String, Object>> keys = new ArrayList<>();
    for (ClientKey key : held) {
      Map<String, Object> jwk = new LinkedHashMap<>(publicJwk(key.publicJwk()).toJSONObject());
      // Keys put straight into the store (tests, embedding) may lack alg and use.
      jwk.putIfAbsent("alg", "RS256");
      jwk.putIfAbsent("use", "sig");
      jwk.put("exp", key.expires().getEpochSecond());
      jwk.put("created", timestamp(key.created()));
      keys.add(jwk);
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("client_id", clientId);
    o.put("keys", keys);
    return o;
  }

  private List<Map<String, Object>> signingKeysJson() {
    List<Map<String, Object>> keys = new ArrayList<>();
    for (String service : signingKeys.keySet().stream().sorted().toList()) {
      for (SigningKey key : signingKeys.get(service).findActive()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("service", service);
        o.put("generation", key.generation());
        o.put("state", key.state().name());
        o.put("created", key.created().toString());
        o.put("activates", key.activates().toString());
        o.put("jwk", key.privateJwk().toJSONObject());
        keys.add(o);
      }
    }
    return keys;
  }

  /** Every person as KRR shows it, in identity number order, one JSON array. */
  private byte[] persons() {
    List<Object> persons = new ArrayList<>();
    register.forEach(entry -> persons.add(register.describe(entry)));
    try {
      return krrWriter.writeValueAsBytes(persons);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the persons", e);
    }
  }

  private byte[] write(Object value) {
    try {
      return writer.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a state file", e);
    }
  }

  private static RSAKey publicJwk(String json) {
    try {
      return RSAKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("a stored client key is not an RSA JWK", e);
    }
  }

  private static String timestamp(Instant instant) {
    return instant == null ? null : TIMESTAMP.format(instant);
  }

  // --- import ---

  /**
   * Imports {@code files} in one transaction, by {@code mode}, and answers how many items of each
   * kind the files held. {@code signing-keys.json} is not imported: the emulator keeps its own.
   *
   * @throws StateImportException with every problem found; then nothing was imported
   */
  public Map<String, Integer> load(StateFiles files, ImportMode mode) {
    StateReader reader = new StateReader(plain);
    Map<String, List<StateReader.Item>> items = new LinkedHashMap<>();
    for (String name : files.names()) {
      if (!name.equals(StateFiles.SIGNING_KEYS)) {
        items.put(name, reader.items(name, files.get(name).orElseThrow()));
      }
    }
    reader.throwIfAny();
    Duration offset = clock.offset();
    try {
      return transaction.atomically(() -> apply(items, mode));
    } catch (RuntimeException | Error e) {
      clock.setOffset(offset); // a reset before the refusal moved it
      throw e;
    }
  }

  private Map<String, Integer> apply(Map<String, List<StateReader.Item>> items, ImportMode mode) {
    Importer importer = new Importer(mode);
    if (mode == ImportMode.REPLACE) {
      state.reset();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Map.Entry<String, List<StateReader.Item>> file : items.entrySet()) {
      counts.put(file.getKey().replace(".json", ""), file.getValue().size());
    }
    importer.scopes(items.getOrDefault(StateFiles.SCOPES, List.of()));
    importer.access(items.getOrDefault(StateFiles.ACCESS, List.of()));
    importer.clients(items.getOrDefault(StateFiles.CLIENTS, List.of()));
    importer.keys(items.getOrDefault(StateFiles.KEYS, List.of()));
    importer.delegations(items.getOrDefault(StateFiles.DELEGATIONS, List.of()));
    importer.systemUsers(items.getOrDefault(StateFiles.SYSTEM_USERS, List.of()));
    importer.consents(items.getOrDefault(StateFiles.CONSENTS, List.of()));
    if (items.containsKey(StateFiles.PERSONS)) {
      importer.persons(items.get(StateFiles.PERSONS));
    }
    importer.forgotten(items.getOrDefault(StateFiles.FORGOTTEN, List.of()));
    importer.problems.throwIfAny();
    return counts;
  }

  /** One import's work and the problems it found. */
  private final class Importer {
    private final ImportMode mode;
    private final Problems problems = new Problems();
    private final Instant now = clock.instant();
    private final Set<Personidentifikator> importedPersons = new HashSet<>();

    Importer(ImportMode mode) {
      this.mode = mode;
    }

    void scopes(List<StateReader.Item> items) {
      Map<Scope, Integer> seen = new LinkedHashMap<>();
      for (StateReader.Item item : items) {
        Fields f = item.fields(problems);
        ScopeDraft draft = f.as(snake, ScopeDraft.class);
        Instant created = f.instant("created");
        Instant lastUpdated = f.instant("last_updated");
        if (draft == null || f.failed()) {
          continue;
        }
        try {
          ApiScope scope = scopes.check(draft, or(created, now), or(lastUpdated, now));
          if (seen.putIfAbsent(scope.name(), item.line()) != null) {
            item.problem(
                problems,
                "scope "
                    + scope.name()
                    + " is listed twice (first at line "
                    + seen.get(scope.name())
                    + ")");
            continue;
          }
          Optional<ApiScope> held = scopes.find(scope.name());
          if (held.isPresent()) {
            // Times the file leaves out are the stored ones; a changed scope is updated now.
            ApiScope h = held.get();
            scope = withTimes(scope, or(created, h.created()), or(lastUpdated, h.lastUpdated()));
            if (scope.equals(h)) {
              continue;
            }
            if (lastUpdated == null) {
              scope = withTimes(scope, scope.created(), now);
            }
          }
          scopes.put(scope);
        } catch (AccessException e) {
          e.errors().forEach(error -> item.problem(problems, message(error)));
        }
      }
    }

    void access(List<StateReader.Item> items) {
      for (StateReader.Item item : items) {
        Fields f = item.fields(problems);
        String scope = f.text("scope");
        String consumer = f.text("consumer_orgno");
        String state = f.text("state");
        Instant created = f.instant("created");
        Instant lastUpdated = f.instant("last_updated");
        if (f.failed()) {
          continue;
        }
        try {
          ScopeAccess entry =
              scopes.checkAccess(scope, consumer, state, or(created, now), or(lastUpdated, now));
          Optional<ScopeAccess> held = scopes.findAccess(entry.scope(), entry.consumer());
          if (held.isPresent()) {
            ScopeAccess h = held.get();
            entry = accessAt(entry, or(created, h.created()), or(lastUpdated, h.lastUpdated()));
            if (entry.equals(h)) {
              continue;
            }
            if (lastUpdated == null) {
              entry = accessAt(entry, entry.created(), now);
            }
          }
          scopes.putAccess(entry);
        } catch (AccessException e) {
          e.errors().forEach(error -> item.problem(problems, message(error)));
        }
      }
    }

    void clients(List<StateReader.Item> items) {
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (StateReader.Item item : items) {
        Fields f = item.fields(problems);
        ClientDraft draft = f.as(snake, ClientDraft.class);
        OrgNumber owner = f.org("client_orgno", true);
        OrgNumber supplier = f.org("supplier_orgno", false);
        Boolean active = f.bool("active");
        Instant created = f.instant("created");
        Instant lastUpdated = f.instant("last_updated");
        List<StateReader.Item> registrations = f.array("onbehalfof");
        if (draft == null || f.failed()) {
          continue;
        }
        if (ownClientId.equals(draft.clientId())) {
          item.problem(
              problems,
              "client_id is the emulator's own self-service client, which an import leaves alone;"
                  + " leave it out");
          continue;
        }
        if (draft.clientId() != null && seen.putIfAbsent(draft.clientId(), item.line()) != null) {
          item.problem(
              problems,
              "client_id "
                  + draft.clientId()
                  + " is listed twice (first at line "
                  + seen.get(draft.clientId())
                  + ")");
          continue;
        }
        RegisteredClient client;
        try {
          client =
              clients.check(
                  draft,
                  owner,
                  supplier,
                  active == null || active,
                  or(created, now),
                  or(lastUpdated, now));
        } catch (ClientRegistryException e) {
          e.errors().forEach(error -> item.problem(problems, message(error)));
          continue;
        }
        Optional<RegisteredClient> held = clients.find(client.clientId());
        if (held.isPresent()) {
          // Times the file leaves out are the stored ones; a changed client is updated now.
          RegisteredClient h = held.get();
          client = withTimes(client, or(created, h.created()), or(lastUpdated, h.lastUpdated()));
          if (!client.equals(h) && lastUpdated == null) {
            client = withTimes(client, client.created(), now);
          }
        }
        if (held.isEmpty() || !client.equals(held.get())) {
          clients.put(client);
        }
        if (registrations != null) {
          onBehalfOf(item, client.clientId(), registrations);
        }
      }
    }

    private void onBehalfOf(
        StateReader.Item client, String clientId, List<StateReader.Item> registrations) {
      List<OnBehalfOf> accepted = new ArrayList<>();
      Map<String, Integer> ids = new LinkedHashMap<>();
      for (int i = 0; i < registrations.size(); i++) {
        StateReader.Item item = registrations.get(i);
        String at = "onbehalfof[" + i + "]";
        Fields f = item.fields(problems);
        OnBehalfOfDraft draft = f.as(snake, OnBehalfOfDraft.class);
        Instant created = f.instant("created");
        Instant lastUpdated = f.instant("last_updated");
        if (draft == null || f.failed()) {
          continue;
        }
        try {
          OnBehalfOf registration =
              onBehalfOf.check(clientId, draft, or(created, now), or(lastUpdated, now));
          if (ids.putIfAbsent(registration.onbehalfof(), i) != null) {
            client.problem(
                problems,
                at
                    + ".onbehalfof is the id of onbehalfof["
                    + ids.get(registration.onbehalfof())
                    + "] too");
            continue;
          }
          accepted.add(registration);
        } catch (ClientRegistryException e) {
          e.errors().forEach(error -> client.problem(problems, at + ": " + message(error)));
        }
      }
      List<OnBehalfOf> held = onBehalfOf.of(clients.find(clientId).orElseThrow());
      if (!sameRegistrations(held, accepted)) {
        onBehalfOf.putAll(clientId, accepted);
      }
    }

    void keys(List<StateReader.Item> items) {
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (StateReader.Item item : items) {
        Fields f = item.fields(problems);
        String clientId = f.text("client_id");
        List<StateReader.Item> keys = f.array("keys");
        if (f.failed()) {
          continue;
        }
        if (clientId == null) {
          item.problem(problems, "client_id is required: the client the keys belong to");
          continue;
        }
        if (ownClientId.equals(clientId)) {
          item.problem(
              problems,
              "client_id is the emulator's own self-service client, whose keys an import leaves"
                  + " alone; leave it out");
          continue;
        }
        if (seen.putIfAbsent(clientId, item.line()) != null) {
          item.problem(
              problems,
              "the keys of client "
                  + clientId
                  + " are listed twice (first at line "
                  + seen.get(clientId)
                  + ")");
          continue;
        }
        if (clients.find(clientId).isEmpty()) {
          item.problem(
              problems,
              "client_id "
                  + clientId
                  + " is neither in "
                  + StateFiles.CLIENTS
                  + " nor registered; add the client there");
          continue;
        }
        if (keys == null) {
          item.problem(problems, "keys is required: a JSON array of JWK objects");
          continue;
        }
        List<Map<String, Object>> jwks = new ArrayList<>();
        List<Instant> created = new ArrayList<>();
        for (StateReader.Item key : keys) {
          Fields k = key.fields(problems);
          Instant at = k.instant("created");
          jwks.add(key.node().isObject() ? members(key.node()) : null);
          created.add(or(at, now));
        }
        try {
          List<ClientKey> accepted = clients.checkKeys(clientId, jwks, created);
          List<Boolean> expGiven =
              jwks.stream().map(jwk -> jwk != null && jwk.get("exp") != null).toList();
          if (!sameKeys(clients.keysOf(clientId), accepted, expGiven)) {
            clients.putKeys(clientId, accepted);
          }
        } catch (ClientRegistryException e) {
          e.errors().forEach(error -> item.problem(problems, message(error)));
        }
      }
    }

    void delegations(List<StateReader.Item> items) {
      for (StateReader.Item item : items) {
        Fields f = item.fields(problems);
        String consumer = f.text("consumer_orgno");
        String supplier = f.text("supplier_orgno");
        String scope = f.text("scope");
        Instant created = f.instant("created");
        if (f.failed()) {
          continue;
        }
        try {
          delegations.put(delegations.check(consumer, supplier, scope, or(created, now)));
        } catch (AccessException e) {
          e.errors().forEach(error -> item.problem(problems, message(error)));
        }
      }
    }

    void systemUsers(List<StateReader.Item> items) {
      for (StateReader.Item item : items) {
        Fields f = item.fields(problems);
        String id = f.text("id");
        String systemId = f.text("system_id");
        String orgno = f.text("orgno");
        String clientId = f.text("client_id");
        String externalRef = f.text("external_ref");
        Instant created = f.instant("created");
        if (f.failed()) {
          continue;
        }
        try {
          SystemUser user =
              altinn.checkSystemUser(systemId, orgno, clientId, externalRef, id, or(created, now));
          // keyed by id, or without one by client, organisation and external ref; what the
          // file leaves out (id, created) stays as held, so a second merge changes nothing
          Optional<SystemUser> held =
              id != null
                  ? altinn.systemUser(user.id())
                  : altinn.systemUser(user.clientId(), user.org(), user.externalRef());
          if (held.isPresent()) {
            user =
                new SystemUser(
                    id == null ? held.get().id() : user.id(),
                    user.systemId(),
                    user.org(),
                    user.clientId(),
                    user.externalRef(),
                    created == null ? held.get().created() : user.created());
          }
          altinn.putSystemUser(user);
        } catch (AltinnException e) {
          item.problem(problems, e.getMessage());
        }
      }
    }

    void consents(List<StateReader.Item> items) {
      for (StateReader.Item item : items) {
        Fields f = item.fields(problems);
        String id = f.text("id");
        String from = f.text("from");
        String to = f.text("to_orgno");
        Instant consented = f.instant("consented");
        String validTo = f.text("valid_to");
        String rights = f.jsonText("consent_rights");
        Instant created = f.instant("created");
        if (f.failed()) {
          continue;
        }
        if (id == null) {
          item.problem(
              problems,
              "id is missing: the consent's UUID, which grants name in authorization_details");
          continue;
        }
        try {
          Optional<Consent> held = altinn.consent(id.toLowerCase(java.util.Locale.ROOT));
          if (created == null && held.isPresent()) {
            created = held.get().created();
          }
          if (consented == null && held.isPresent()) {
            consented = held.get().consented();
          }
          altinn.putConsent(
              altinn.checkConsent(
                  from, to, or(consented, now), validTo, rights, id, or(created, now)));
        } catch (AltinnException e) {
          item.problem(problems, e.getMessage());
        }
      }
    }

    /**
     * Forgets the persons of {@code persons-forgotten.json} from the computed population, after the
     * persons are in: a person listed in both files is refused, naming the line.
     */
    void forgotten(List<StateReader.Item> items) {
      Map<String, Integer> seen = new LinkedHashMap<>();
      List<Personidentifikator> ids = new ArrayList<>();
      for (StateReader.Item item : items) {
        JsonNode value = item.node().get("personidentifikator");
        if (value == null || !value.isTextual() || item.node().size() != 1) {
          item.problem(
              problems, "each item is {\"personidentifikator\": an 11-digit identity number}");
          continue;
        }
        Personidentifikator id;
        try {
          id = Personidentifikator.of(value.asText());
        } catch (InvalidIdentifierException e) {
          item.problem(problems, PersonReader.invalidIdentity(e));
          continue;
        }
        if (!listedOnce(seen, id, item)) {
          continue;
        }
        if (importedPersons.contains(id)) {
          item.problem(
              problems,
              "personidentifikator is in "
                  + StateFiles.PERSONS
                  + " too; a person is either stored or forgotten");
          continue;
        }
        ids.add(id);
      }
      if (problems.isEmpty()) {
        ids.forEach(register::purge);
      }
    }

    /**
     * True the first time {@code id} is listed in a file ({@code seen} by line); else false, with
     * the problem noted naming the lines, never the identity number.
     */
    private boolean listedOnce(
        Map<String, Integer> seen, Personidentifikator id, StateReader.Item item) {
      Integer first = seen.putIfAbsent(id.value(), item.line());
      if (first != null) {
        item.problem(
            problems,
            "personidentifikator is the same as at line " + first + "; list a person once");
      }
      return first == null;
    }

    void persons(List<StateReader.Item> items) {
      Map<String, Integer> seen = new LinkedHashMap<>();
      List<RegisterEntry> entries = new ArrayList<>();
      for (StateReader.Item item : items) {
        RegisterEntry entry = PersonReader.entry(krr, item, problems);
        if (entry == null) {
          continue;
        }
        if (!listedOnce(seen, entry.personidentifikator(), item)) {
          continue;
        }
        entries.add(entry);
        importedPersons.add(entry.personidentifikator());
      }
      if (!problems.isEmpty()) {
        return;
      }
      if (mode == ImportMode.REPLACE) {
        register.clear();
        register.putAll(entries.stream());
        return;
      }
      for (RegisterEntry entry : entries) {
        if (!register.find(entry.personidentifikator()).map(entry::equals).orElse(false)) {
          register.put(entry);
        }
      }
    }

    private Map<String, Object> members(JsonNode node) {
      @SuppressWarnings("unchecked")
      Map<String, Object> members = plain.convertValue(node, Map.class);
      return members;
    }
  }

  private static String message(FieldError error) {
    return error.message();
  }

  private static Instant or(Instant given, Instant fallback) {
    return given != null ? given : fallback;
  }

  private static ScopeAccess accessAt(ScopeAccess a, Instant created, Instant lastUpdated) {
    return new ScopeAccess(a.scope(), a.consumer(), a.owner(), a.state(), created, lastUpdated);
  }

  private static ApiScope withTimes(ApiScope s, Instant created, Instant lastUpdated) {
    return new ApiScope(
        s.name(),
        s.owner(),
        s.description(),
        s.longDescription(),
        s.active(),
        s.visibility(),
        s.tokenType(),
        s.atMaxAge(),
        s.authorizationMaxLifetime(),
        s.allowedIntegrationTypes(),
        s.accessibleForAll(),
        s.delegationSource(),
        s.requiresUserConsent(),
        created,
        lastUpdated);
  }

  private static RegisteredClient withTimes(
      RegisteredClient c, Instant created, Instant lastUpdated) {
    return new RegisteredClient(
        c.clientId(),
        c.orgNumber(),
        c.supplierOrgNumber(),
        c.integrationType(),
        c.clientName(),
        c.description(),
        c.clientUri(),
        c.applicationType(),
        c.tokenEndpointAuthMethod(),
        c.grantTypes(),
        c.scopes(),
        c.redirectUris(),
        c.postLogoutRedirectUris(),
        c.accessTokenLifetime(),
        c.authorizationLifetime(),
        c.refreshTokenLifetime(),
        c.refreshTokenUsage(),
        c.ssoDisabled(),
        c.codeChallengeMethod(),
        c.active(),
        created,
        lastUpdated);
  }

  private static boolean sameRegistrations(List<OnBehalfOf> held, List<OnBehalfOf> given) {
    if (held.size() != given.size()) {
      return false;
    }
    Map<String, OnBehalfOf> byId = new LinkedHashMap<>();
    held.forEach(r -> byId.put(r.onbehalfof(), r));
    for (OnBehalfOf r : given) {
      OnBehalfOf h = byId.get(r.onbehalfof());
      if (h == null
          || !h.orgNumber().equals(r.orgNumber())
          || !h.name().equals(r.name())
          || !Objects.equals(h.description(), r.description())
          || !Objects.equals(h.clientUri(), r.clientUri())) {
        return false;
      }
    }
    return true;
  }

  /** Equal kids and public keys, and equal expiry where the file gives one ({@code exp}). */
  private static boolean sameKeys(
      List<ClientKey> held, List<ClientKey> given, List<Boolean> expGiven) {
    if (held.size() != given.size()) {
      return false;
    }
    for (int i = 0; i < held.size(); i++) {
      ClientKey h = held.get(i);
      ClientKey g = given.get(i);
      if (!h.kid().equals(g.kid())
          || !publicJwk(h.publicJwk()).equals(publicJwk(g.publicJwk()))
          || (expGiven.get(i) && h.expires().getEpochSecond() != g.expires().getEpochSecond())) {
        return false;
      }
    }
    return true;
  }
}
