package io.krrkit.local.access;

import io.krrkit.core.InvalidIdentifierException;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.client.IntegrationType;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scopes API owners registered and which organisations may use them (MP-250), for the operator
 * API and the token endpoint.
 *
 * <p><b>D:</b> Digdir's own scopes ({@code krr:global/*}, {@code idporten:dcr.*}, {@code
 * idporten:dcr/onbehalfof:write}, {@code idporten:scopes.write}) are seeded accessible for all, so
 * KRR clients and the self-service admin client work without access grants; a scope the registry
 * does not know is open to all as well, so clients with ad-hoc test scopes keep working. To try
 * MP-250, register a scope with {@code accessible_for_all=false} and grant access per organisation.
 *
 * <pre>{@code
 * ScopeRegistry scopes = new ScopeRegistry(new JdbcScopeRepository(jdbc), access, org, clock);
 * scopes.seedBuiltIns();
 * scopes.define(new ScopeDraft("difitest:restricted", null, "test", false, null, null, null));
 * scopes.grant(Scope.of("difitest:restricted"), OrgNumber.of("910753614"));
 * }</pre>
 */
public final class ScopeRegistry {
  /** Digitaliseringsdirektoratet, owner of the built-in scopes. */
  static final OrgNumber DIGDIR = OrgNumber.of("991825827");

  private static final Set<IntegrationType> KRR_TYPES =
      EnumSet.of(IntegrationType.KRR, IntegrationType.MASKINPORTEN);
  private static final Set<IntegrationType> MASKINPORTEN = EnumSet.of(IntegrationType.MASKINPORTEN);

  private final ScopeRepository scopes;
  private final ScopeAccessRepository access;
  private final OrgNumber defaultOwner;
  private final Clock clock;

  /** Works on the two stores; scopes defined without an owner belong to {@code defaultOwner}. */
  public ScopeRegistry(
      ScopeRepository scopes, ScopeAccessRepository access, OrgNumber defaultOwner, Clock clock) {
    this.scopes = Objects.requireNonNull(scopes, "scopes == null");
    this.access = Objects.requireNonNull(access, "access == null");
    this.defaultOwner = Objects.requireNonNull(defaultOwner, "defaultOwner == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Registers Digdir's scopes, accessible for all, unless they are registered already. */
  public void seedBuiltIns() {
    seed(Scope.KRR_KONTAKTINFORMASJON_READ, KRR_TYPES);
    seed(Scope.KRR_DIGITALPOST_READ, KRR_TYPES);
    seed(Scope.of("krr:global/hentendring.read"), KRR_TYPES);
    for (Scope selfService :
        List.of(
            Scope.DCR_READ,
            Scope.DCR_MODIFY,
            Scope.DCR_WRITE,
            Scope.DCR_ONBEHALFOF_WRITE,
            Scope.DCR_SUPPLIER,
            Scope.SCOPES_WRITE)) {
      seed(selfService, MASKINPORTEN);
    }
  }

  /** What the registry says about {@code requested}, for one token request. */
  public ScopeRules rulesFor(Collection<Scope> requested) {
    return new ScopeRules(
        requested,
        scopes.findAll(requested).stream()
            .collect(Collectors.toMap(ApiScope::name, Function.identity())),
        access);
  }

  /** Registers or replaces a scope; fields left out get their defaults. */
  public ApiScope define(ScopeDraft draft) {
    Scope name = scope(draft.name());
    Instant now = clock.instant();
    Instant created = scopes.find(name).map(ApiScope::created).orElse(now);
    ApiScope scope =
        new ApiScope(
            name,
            draft.ownerOrgno() == null ? defaultOwner : org(draft.ownerOrgno(), "owner_orgno"),
            draft.description(),
            Boolean.TRUE.equals(draft.accessibleForAll()),
            integrationTypes(draft.allowedIntegrationTypes()),
            atMaxAge(draft.atMaxAge()),
            delegationSource(draft.delegationSource()),
            created,
            now);
    scopes.save(scope);
    return scope;
  }

  /** Every registered scope, by name. */
  public List<ApiScope> scopes() {
    return scopes.findAll();
  }

  /** Approves {@code consumer}'s access to the registered scope {@code scope}. */
  public ScopeAccess grant(String scope, String consumer) {
    OrgNumber org = org(consumer, "orgno");
    Scope name = registered(scope);
    Instant now = clock.instant();
    Instant created = access.find(name, org).map(ScopeAccess::created).orElse(now);
    ScopeAccess granted = new ScopeAccess(name, org, AccessState.APPROVED, created, now);
    access.save(granted);
    return granted;
  }

  /** Removes {@code consumer}'s access to {@code scope}. */
  public void revoke(String scope, String consumer) {
    Scope name = scope(scope);
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

  private void seed(Scope name, Set<IntegrationType> types) {
    Instant now = clock.instant();
    scopes.insertIfAbsent(new ApiScope(name, DIGDIR, null, true, types, 0, null, now, now));
  }

  private Scope registered(String value) {
    Scope name = scope(value);
    if (scopes.find(name).isEmpty()) {
      throw AccessException.notFound(
          "scope "
              + name
              + " is not registered; register it first with POST /admin/scopes"
              + " {\"name\":\""
              + name
              + "\",\"accessible_for_all\":false}");
    }
    return name;
  }

  static Scope scope(String value) {
    if (value == null || value.isBlank()) {
      throw AccessException.invalid("scope is required, e.g. difitest:test2");
    }
    try {
      Scope scope = Scope.of(value);
      if (value.length() > 255) {
        throw AccessException.invalid("scope must be at most 255 characters");
      }
      return scope;
    } catch (InvalidIdentifierException e) {
      throw AccessException.invalid("scope must look like prefix:subscope, e.g. difitest:test2");
    }
  }

  static OrgNumber org(String value, String field) {
    if (value == null || !OrgNumber.isValid(value)) {
      throw AccessException.invalid(field + " must be a 9-digit organisation number");
    }
    return OrgNumber.of(value);
  }

  private static Set<IntegrationType> integrationTypes(List<String> given) {
    if (given == null) {
      return Set.of();
    }
    Set<IntegrationType> types = EnumSet.noneOf(IntegrationType.class);
    for (String wireName : given) {
      types.add(
          IntegrationType.fromWireName(wireName)
              .orElseThrow(
                  () ->
                      AccessException.invalid(
                          "allowed_integration_types may hold krr, maskinporten, api_klient,"
                              + " idporten")));
    }
    return types;
  }

  private static int atMaxAge(Integer seconds) {
    if (seconds == null) {
      return 0;
    }
    if (seconds < 0) {
      throw AccessException.invalid("at_max_age must be 0 (the default) or positive seconds");
    }
    return seconds;
  }

  private static String delegationSource(String issuer) {
    if (issuer == null) {
      return null;
    }
    if (!issuer.matches("https?://\\S{1,1000}")) {
      throw AccessException.invalid(
          "delegation_source must be the issuer URL of the delegating authority, e.g."
              + " https://tt02.altinn.no/");
    }
    return issuer;
  }
}
