package io.krrkit.local.internal.access;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.cache.ChangeCounter;
import io.krrkit.local.internal.cache.ReadCache;
import io.krrkit.local.internal.client.ScopePermission;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The scopes API owners registered and which organisations may use them (MP-250): for the
 * self-service {@code /scopes} API and web pages (the owner-aware methods), the operator API and
 * the token endpoint.
 *
 * <p>Owner-aware methods take the calling organisation and act only on its own scopes: another
 * organisation's scope is {@link AccessException.Reason#NOT_FOUND}, never its data. A prefix
 * belongs to the organisation that owns the scopes registered under it, a new prefix to the first
 * organisation registering a scope with it; {@code krr} and {@code idporten} belong to Digdir.
 * Scopes are never deleted: {@link #deactivate} takes them out of tokens and keeps their accesses.
 *
 * <p><b>D:</b> Digdir's own scopes ({@code krr:global/*}, {@code idporten:dcr.*}, {@code
 * idporten:dcr/onbehalfof:write}, {@code idporten:scopes.write}) are seeded accessible for all, so
 * KRR clients and the self-service admin client work without access grants; a scope the registry
 * does not know is open to all as well, so clients with ad-hoc test scopes keep working.
 *
 * <pre>{@code
 * ScopeRegistry scopes = new ScopeRegistry(new JdbcScopeRepository(jdbc), access, org, clock);
 * scopes.seedBuiltIns();
 * ApiScope api = scopes.define(owner, ScopeDraft.of("difitest", "api3", "Demo API"));
 * scopes.grant(owner, api.name(), OrgNumber.of("910753614"));
 * }</pre>
 *
 * <p>{@link #rulesFor}, read on every token request, reads scopes and access entries through a
 * {@link ReadCache}: a row is kept at most {@link ReadCache#MAX_AGE}, and until the repositories
 * count a write in the {@link ChangeCounter} given here.
 */
public final class ScopeRegistry implements ScopePermission {
  /** Digitaliseringsdirektoratet, owner of the built-in scopes and their prefixes. */
  public static final OrgNumber DIGDIR = OrgNumber.of("991825827");

  /** Altinn's test environment: the delegation source of KRR's Altinn delegation scopes. */
  public static final String ALTINN_TT02 = "https://tt02.altinn.no/";

  private static final Set<String> DIGDIR_PREFIXES = Set.of("krr", "idporten");
  private static final Set<IntegrationType> KRR_TYPES =
      EnumSet.of(IntegrationType.KRR, IntegrationType.MASKINPORTEN);
  private static final Set<IntegrationType> MASKINPORTEN = EnumSet.of(IntegrationType.MASKINPORTEN);

  private final ScopeRepository scopes;
  private final ScopeAccessRepository access;
  private final OrgNumber defaultOwner;
  private final Clock clock;
  private final ReadCache<Scope, ApiScope> scopeReads;
  private final ReadCache<AccessKey, ScopeAccess> accessReads;

  /** One consumer's access to one scope, the key of a cached access entry. */
  private record AccessKey(Scope scope, OrgNumber consumer) {}

  /**
   * Works on the two stores; operator-defined scopes without owner belong to {@code defaultOwner}.
   * {@code changes} counts the stores' writes; {@code cacheClock}, real time, ages {@link
   * #rulesFor}'s cached rows.
   */
  public ScopeRegistry(
      ScopeRepository scopes,
      ScopeAccessRepository access,
      OrgNumber defaultOwner,
      Clock clock,
      ChangeCounter changes,
      Clock cacheClock) {
    this.scopes = Objects.requireNonNull(scopes, "scopes == null");
    this.access = Objects.requireNonNull(access, "access == null");
    this.defaultOwner = Objects.requireNonNull(defaultOwner, "defaultOwner == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.scopeReads =
        new ReadCache<>(changes, cacheClock, ReadCache.MAX_AGE, ReadCache.MAX_ENTRIES);
    this.accessReads =
        new ReadCache<>(changes, cacheClock, ReadCache.MAX_AGE, ReadCache.MAX_ENTRIES);
  }

  /**
   * Registers Digdir's scopes unless they are registered already: accessible for all, but for KRR's
   * Altinn delegation scopes, which a customer gets access to from Digdir (operator: {@code PUT
   * /admin/access}) and delegates to its supplier in Altinn (delegation source {@link
   * #ALTINN_TT02}).
   */
  public void seedBuiltIns() {
    seed(Scope.KRR_KONTAKTINFORMASJON_READ, KRR_TYPES, "Kontaktinformasjon fra KRR");
    seed(Scope.KRR_DIGITALPOST_READ, KRR_TYPES, "Digital postkasse fra KRR");
    seedDelegable(Scope.KRR_KONTAKTINFO_READ, "KRR: kontaktinformasjon, delegert i Altinn");
    seedDelegable(Scope.KRR_POSTKASSE_READ, "KRR: digital postkasse, delegert i Altinn");
    seed(Scope.of("krr:global/hentendring.read"), KRR_TYPES, "Endringer i KRR");
    seed(Scope.DCR_READ, MASKINPORTEN, "Selvbetjening: lese integrasjoner");
    seed(Scope.DCR_MODIFY, MASKINPORTEN, "Selvbetjening: endre integrasjoner");
    seed(Scope.DCR_WRITE, MASKINPORTEN, "Selvbetjening: opprette integrasjoner");
    seed(Scope.DCR_ONBEHALFOF_WRITE, MASKINPORTEN, "Selvbetjening: onbehalfof-registreringer");
    seed(Scope.DCR_SUPPLIER, MASKINPORTEN, "Selvbetjening: integrasjoner for kunder");
    seed(Scope.SCOPES_WRITE, MASKINPORTEN, "Selvbetjening: API-er og tilganger");
    seed(
        Scope.of("idporten:token.introspection"),
        EnumSet.of(IntegrationType.API_KLIENT, IntegrationType.IDPORTEN),
        "ID-porten: token introspection");
  }

  /**
   * Forgets every scope and access entry, then registers Digdir's scopes again: the registry as a
   * new emulator has it.
   */
  public void reset() {
    access.deleteAll();
    scopes.deleteAll();
    seedBuiltIns();
  }

  /**
   * What the registry says about {@code requested}, for one token request: from rows read less than
   * {@link ReadCache#MAX_AGE} ago, and none written through this node since.
   */
  public ScopeRules rulesFor(Collection<Scope> requested) {
    Map<Scope, ApiScope> registered = new HashMap<>();
    for (Scope name : requested) {
      scopeReads.get(name, scopes::find).ifPresent(scope -> registered.put(name, scope));
    }
    return new ScopeRules(
        requested,
        registered,
        (scope, consumer) ->
            accessReads.get(
                new AccessKey(scope, consumer), key -> access.find(key.scope(), key.consumer())));
  }

  /**
   * Why {@code owner} may not register {@code scope} on a client of {@code type}: the scope is
   * deactivated, not for that integration type, or needs an access grant the owner lacks. Scopes
   * the registry does not know, scopes accessible for all and scopes with a delegation source (used
   * through a consumer's delegation, checked at token time) are allowed.
   */
  @Override
  public Optional<String> refusal(OrgNumber owner, IntegrationType type, Scope scope) {
    ApiScope known = scopes.find(scope).orElse(null);
    if (known == null) {
      return Optional.empty();
    }
    if (!known.active()) {
      return Optional.of(scope + " is deactivated by its owner; leave it out of scopes");
    }
    if (!known.allows(type)) {
      return Optional.of(scope + " is not for integration type " + type.wireName());
    }
    boolean open = known.accessibleForAll() || known.delegationSource() != null;
    if (open || hasAccess(scope, owner)) {
      return Optional.empty();
    }
    return Optional.of(
        "organisation "
            + owner
            + " has no access to "
            + scope
            + "; ask the API owner to grant it (PUT /scopes/access/"
            + owner
            + "?scope="
            + scope
            + ")");
  }

  // --- the owner's view (self-service API and web pages) ---

  /** Parses a scope given as text; refuses a malformed one ({@code field} {@code scope}). */
  public static Scope parseScope(String value) {
    return ScopePolicy.parse(value);
  }

  /** Parses an organisation number given as text; refuses a malformed one, naming {@code field}. */
  public static OrgNumber parseOrg(String value, String field) {
    return org(value, field);
  }

  /** The scopes {@code owner} owns, by name, deactivated ones included. */
  public List<ApiScope> ownedBy(OrgNumber owner) {
    return scopes.findByOwner(owner);
  }

  /** The caller's scope {@code name}; another organisation's is not found. */
  public ApiScope get(OrgNumber caller, Scope name) {
    return scopes
        .find(name)
        .filter(s -> s.owner().equals(caller))
        .orElseThrow(
            () ->
                AccessException.notFound(
                    "Scope "
                        + name
                        + " was not found among your organisation's scopes; list yours with GET"
                        + " /scopes"));
  }

  /**
   * Registers a new scope owned by {@code caller} ({@code POST /scopes}): {@code prefix}, {@code
   * subscope} and {@code description} are required; the prefix must be the caller's. An existing
   * scope of that name, active or deactivated, is a conflict.
   */
  public ApiScope define(OrgNumber caller, ScopeDraft draft) {
    Scope name = ScopePolicy.name(draft);
    checkOwnerField(caller, draft);
    String prefix = ApiScope.prefixOf(name);
    if (!prefixOwner(prefix).map(caller::equals).orElse(true)) {
      throw AccessException.forbidden(
          "prefix",
          "prefix "
              + prefix
              + " belongs to another organisation; register your scopes under a prefix of your"
              + " own");
    }
    scopes.find(name).ifPresent(ScopeRegistry::conflict);
    if (draft.description() == null || draft.description().isBlank()) {
      throw AccessException.invalid(
          "description", "description is required: a short text about the API for consumers");
    }
    Instant now = clock.instant();
    ApiScope scope = ScopePolicy.apply(draft, ScopePolicy.defaults(name, caller, now), caller, now);
    if (!scopes.insertIfAbsent(scope)) {
      conflict(scope);
    }
    return scope;
  }

  /**
   * Changes the caller's scope ({@code PUT /scopes?scope=}): the fields {@code draft} sends replace
   * the current ones, fields left out keep their values; the name cannot change. {@code
   * "active":true} reactivates a deactivated scope.
   */
  public ApiScope update(OrgNumber caller, Scope name, ScopeDraft draft) {
    ApiScope current = get(caller, name);
    checkOwnerField(caller, draft);
    if (draft.name() != null || draft.prefix() != null || draft.subscope() != null) {
      if (!ScopePolicy.name(draft).equals(name)) {
        throw AccessException.invalid(
            "subscope", "the scope's name cannot change; register a new scope instead");
      }
    }
    ApiScope updated = ScopePolicy.apply(draft, current, caller, clock.instant());
    scopes.save(updated);
    return updated;
  }

  /**
   * Deactivates the caller's scope ({@code DELETE /scopes?scope=}): no token gets it any more;
   * consumers' accesses are kept, so reactivating restores them.
   */
  public ApiScope deactivate(OrgNumber caller, Scope name) {
    ApiScope current = get(caller, name);
    if (!current.active()) {
      return current;
    }
    ApiScope deactivated = current.withActive(false, clock.instant());
    scopes.save(deactivated);
    return deactivated;
  }

  /** Every active public scope, by name: the open listing {@code GET /scopes/all}. */
  public List<ApiScope> listed() {
    return scopes.findAll().stream().filter(ApiScope::listed).toList();
  }

  /** The access entries of the caller's scope {@code name}, by organisation. */
  public List<ScopeAccess> accessTo(OrgNumber caller, Scope name) {
    get(caller, name);
    return access.findByScope(name);
  }

  /** Approves {@code consumer}'s access to the caller's scope {@code name} (idempotent). */
  public ScopeAccess grant(OrgNumber caller, Scope name, OrgNumber consumer) {
    get(caller, name);
    return approve(name, caller, consumer);
  }

  /** Removes {@code consumer}'s access to the caller's scope {@code name}. */
  public void revoke(OrgNumber caller, Scope name, OrgNumber consumer) {
    get(caller, name);
    if (!access.delete(name, consumer)) {
      throw AccessException.notFound(
          "Organisation "
              + consumer
              + " has no access to "
              + name
              + "; list the accesses with GET /scopes/access?scope="
              + name);
    }
  }

  /** Every access entry {@code consumer} holds, by scope: what it was granted. */
  public List<ScopeAccess> grantedTo(OrgNumber consumer) {
    return access.findByConsumer(consumer);
  }

  // --- the operator's view (/admin) ---

  /** Registers or replaces a scope for the operator; fields left out get their defaults. */
  public ApiScope define(ScopeDraft draft) {
    Scope name = ScopePolicy.name(draft);
    Instant now = clock.instant();
    OrgNumber owner =
        draft.ownerOrgno() == null ? defaultOwner : org(draft.ownerOrgno(), "owner_orgno");
    Instant created = scopes.find(name).map(ApiScope::created).orElse(now);
    ApiScope base = ScopePolicy.defaults(name, owner, created);
    ApiScope scope = ScopePolicy.apply(draft, base, owner, now);
    scopes.save(scope);
    return scope;
  }

  /** Every registered scope, by name. */
  public List<ApiScope> scopes() {
    return scopes.findAll();
  }

  /** Approves {@code consumer}'s access to the registered scope {@code scope}, for the operator. */
  public ScopeAccess grant(String scope, String consumer) {
    OrgNumber org = org(consumer, "orgno");
    Scope name = ScopePolicy.parse(scope);
    ApiScope registered =
        scopes
            .find(name)
            .orElseThrow(
                () ->
                    AccessException.notFound(
                        "scope "
                            + name
                            + " is not registered; register it first with POST /admin/scopes"
                            + " {\"name\":\""
                            + name
                            + "\",\"accessible_for_all\":false}"));
    return approve(name, registered.owner(), org);
  }

  /** Removes {@code consumer}'s access to {@code scope}, for the operator. */
  public void revoke(String scope, String consumer) {
    Scope name = ScopePolicy.parse(scope);
    OrgNumber org = org(consumer, "orgno");
    if (!access.delete(name, org)) {
      throw AccessException.notFound(
          "organisation " + org + " has no access entry for " + name + "; GET /admin/access lists");
    }
  }

  /** Every access entry, by scope and organisation. */
  public List<ScopeAccess> accessList() {
    return access.findAll();
  }

  // --- the operator's state import (internal.state) ---

  /**
   * Checks a scope of the operator's state import by the rules of {@link #define(ScopeDraft)}
   * (fields left out get their defaults), keeping the times the file gives; stores nothing.
   *
   * @throws AccessException naming every problem
   */
  public ApiScope check(ScopeDraft draft, Instant created, Instant lastUpdated) {
    Scope name = ScopePolicy.name(draft);
    OrgNumber owner =
        draft.ownerOrgno() == null ? defaultOwner : org(draft.ownerOrgno(), "owner_orgno");
    return ScopePolicy.apply(draft, ScopePolicy.defaults(name, owner, created), owner, lastUpdated);
  }

  /** The registered scope {@code name}, for the operator. */
  public Optional<ApiScope> find(Scope name) {
    return scopes.find(name);
  }

  /** Stores {@code scope} as it is (checked by {@link #check}), for the operator's import. */
  public void put(ApiScope scope) {
    scopes.save(scope);
  }

  /**
   * Checks an access entry of the operator's state import: the scope must be registered (its owner
   * is the entry's owner), the state one of {@link AccessState}; stores nothing.
   *
   * @throws AccessException naming the problem
   */
  public ScopeAccess checkAccess(
      String scope, String consumer, String state, Instant created, Instant lastUpdated) {
    Scope name = ScopePolicy.parse(scope);
    OrgNumber org = org(consumer, "consumer_orgno");
    AccessState parsed;
    try {
      parsed = AccessState.valueOf(state == null ? "APPROVED" : state);
    } catch (IllegalArgumentException e) {
      throw AccessException.invalid("state", "state must be one of REQUESTED, APPROVED, DENIED");
    }
    ApiScope registered =
        scopes
            .find(name)
            .orElseThrow(
                () ->
                    AccessException.notFound(
                        "scope " + name + " is not registered; add it to scopes.json"));
    return new ScopeAccess(name, org, registered.owner(), parsed, created, lastUpdated);
  }

  /** Stores {@code entry} as it is (checked by {@link #checkAccess}), for the operator's import. */
  public void putAccess(ScopeAccess entry) {
    access.save(entry);
  }

  /** The access entry of {@code consumer} to {@code scope}, for the operator. */
  public Optional<ScopeAccess> findAccess(Scope scope, OrgNumber consumer) {
    return access.find(scope, consumer);
  }

  private boolean hasAccess(Scope scope, OrgNumber consumer) {
    return access.find(scope, consumer).map(a -> a.state() == AccessState.APPROVED).orElse(false);
  }

  private ScopeAccess approve(Scope name, OrgNumber owner, OrgNumber consumer) {
    Instant now = clock.instant();
    Instant created = access.find(name, consumer).map(ScopeAccess::created).orElse(now);
    ScopeAccess granted =
        new ScopeAccess(name, consumer, owner, AccessState.APPROVED, created, now);
    access.save(granted);
    return granted;
  }

  /** The owner of {@code prefix}: Digdir's prefixes, else the owner of its oldest scope. */
  private Optional<OrgNumber> prefixOwner(String prefix) {
    if (DIGDIR_PREFIXES.contains(prefix)) {
      return Optional.of(DIGDIR);
    }
    return scopes.findAll().stream()
        .filter(s -> s.prefix().equals(prefix))
        .min((a, b) -> a.created().compareTo(b.created()))
        .map(ApiScope::owner);
  }

  private static void checkOwnerField(OrgNumber caller, ScopeDraft draft) {
    if (draft.ownerOrgno() != null && !draft.ownerOrgno().equals(caller.value())) {
      throw AccessException.invalid(
          "owner_orgno", "owner_orgno must be your own organisation (" + caller + ") or left out");
    }
  }

  private static void conflict(ApiScope existing) {
    String name = existing.name().value();
    throw AccessException.conflict(
        "subscope",
        "Scope "
            + name
            + (existing.active()
                ? " exists already; change it with PUT /scopes?scope=" + name
                : " exists, deactivated; reactivate it with PUT /scopes?scope="
                    + name
                    + " {\"active\":true}"));
  }

  private void seed(Scope name, Set<IntegrationType> types, String description) {
    seed(name, types, description, true, null);
  }

  /** A scope a customer must be granted, used by a supplier through an Altinn delegation. */
  private void seedDelegable(Scope name, String description) {
    seed(name, KRR_TYPES, description, false, ALTINN_TT02);
  }

  private void seed(
      Scope name,
      Set<IntegrationType> types,
      String description,
      boolean accessibleForAll,
      String delegationSource) {
    Instant now = clock.instant();
    ApiScope defaults = ScopePolicy.defaults(name, DIGDIR, now);
    scopes.insertIfAbsent(
        new ApiScope(
            name,
            DIGDIR,
            description,
            null,
            true,
            defaults.visibility(),
            defaults.tokenType(),
            0,
            0,
            types,
            accessibleForAll,
            delegationSource,
            false,
            now,
            now));
  }

  static OrgNumber org(String value, String field) {
    if (value == null || !OrgNumber.isValid(value)) {
      throw AccessException.invalid(field, field + " must be a 9-digit organisation number");
    }
    return OrgNumber.of(value);
  }

  static Scope scope(String value) {
    return ScopePolicy.parse(value);
  }
}
