package io.krrkit.local.internal.client;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.JwtGrantRules;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for a client's fields, per integration type (Digdir's combination table in {@code
 * oidc_func_clientreg.md}): which application types, client authentication methods, grant types and
 * scopes go together, and the defaults when a field is left out.
 */
final class ClientPolicy {
  static final String JWT_BEARER = JwtGrantRules.GRANT_TYPE;
  static final String PRIVATE_KEY_JWT = "private_key_jwt";
  static final String WEB = "web";

  private static final Set<String> LOGIN_APPLICATION_TYPES = Set.of(WEB, "browser", "native");
  private static final Set<String> LOGIN_GRANTS = Set.of("authorization_code", "refresh_token");
  private static final Set<String> SECRET_METHODS =
      Set.of("client_secret_basic", "client_secret_post");
  private static final Set<String> REFRESH_TOKEN_USAGES = Set.of("ONETIME", "REUSE");
  private static final Set<String> CODE_CHALLENGE_METHODS = Set.of("S256", "none");
  // Column sizes of the client table (V1__clients.sql).
  private static final int NAME_MAX = 255;
  private static final int DESCRIPTION_MAX = 4000;
  private static final int URI_MAX = 1024;
  private static final int LIST_MAX = 8000;

  /** What the registry, not the caller, decides about a client. */
  record Identity(
      String clientId,
      OrgNumber owner,
      OrgNumber supplier,
      IntegrationType type,
      boolean active,
      Instant created,
      Instant lastUpdated) {}

  /**
   * Checks {@code draft} against the rules of {@code identity.type()} and builds the client, or
   * records every problem in {@code errors} and returns {@code null}. A {@code null} type (it was
   * missing or unknown, already recorded) gets only the checks common to all types.
   */
  RegisteredClient build(ClientDraft draft, Identity identity, FieldErrors errors) {
    IntegrationType type = identity.type();
    checkLength("client_name", draft.clientName(), NAME_MAX, errors);
    checkLength("description", draft.description(), DESCRIPTION_MAX, errors);
    checkUri("client_uri", draft.clientUri(), errors);
    boolean nativeApp = "native".equals(draft.applicationType());
    List<String> redirectUris =
        uris("redirect_uris", draft.redirectUris(), type, nativeApp, errors);
    List<String> logoutUris =
        uris("post_logout_redirect_uris", draft.postLogoutRedirectUris(), null, nativeApp, errors);
    checkRedirect("frontchannel_logout_uri", draft.frontchannelLogoutUri(), false, errors);
    int accessTokenLifetime =
        lifetime("access_token_lifetime", draft.accessTokenLifetime(), errors);
    int authorizationLifetime =
        lifetime("authorization_lifetime", draft.authorizationLifetime(), errors);
    int refreshTokenLifetime =
        lifetime("refresh_token_lifetime", draft.refreshTokenLifetime(), errors);
    String refreshTokenUsage = refreshTokenUsage(draft.refreshTokenUsage(), errors);
    checkOneOf(
        "code_challenge_method", draft.codeChallengeMethod(), CODE_CHALLENGE_METHODS, errors);
    Set<Scope> scopes = scopes(draft.scopes(), type, errors);
    if (type == null) {
      return null;
    }
    String applicationType = applicationType(draft.applicationType(), type, errors);
    String authMethod = authMethod(draft.tokenEndpointAuthMethod(), type, applicationType, errors);
    List<String> grantTypes = grantTypes(draft.grantTypes(), type, errors);
    if (!errors.isEmpty()) {
      return null;
    }
    return new RegisteredClient(
        identity.clientId(),
        identity.owner(),
        identity.supplier(),
        type,
        draft.clientName(),
        draft.description(),
        draft.clientUri(),
        applicationType,
        authMethod,
        grantTypes,
        scopes,
        redirectUris,
        logoutUris,
        accessTokenLifetime,
        authorizationLifetime,
        refreshTokenLifetime,
        refreshTokenUsage,
        Boolean.TRUE.equals(draft.ssoDisabled()),
        draft.codeChallengeMethod(),
        identity.active(),
        identity.created(),
        identity.lastUpdated(),
        draft.frontchannelLogoutUri());
  }

  private static String applicationType(String given, IntegrationType type, FieldErrors errors) {
    String value = given == null ? WEB : given;
    if (type.usesMaskinporten() && !WEB.equals(value)) {
      errors.add(
          "application_type",
          "application_type must be web for integration type " + type.wireName());
    } else if (!LOGIN_APPLICATION_TYPES.contains(value)) {
      errors.add("application_type", "application_type must be one of web, browser, native");
    }
    return value;
  }

  private static String authMethod(
      String given, IntegrationType type, String applicationType, FieldErrors errors) {
    String field = "token_endpoint_auth_method";
    if (type.usesMaskinporten()) {
      String value = given == null ? PRIVATE_KEY_JWT : given;
      if (!PRIVATE_KEY_JWT.equals(value)) {
        errors.add(
            field, field + " must be private_key_jwt for integration type " + type.wireName());
      }
      return value;
    }
    boolean publicClient = !WEB.equals(applicationType);
    String value = given != null ? given : publicClient ? "none" : PRIVATE_KEY_JWT;
    if (publicClient && !"none".equals(value)) {
      errors.add(field, field + " must be none for application_type " + applicationType);
    } else if (!publicClient && !PRIVATE_KEY_JWT.equals(value) && !SECRET_METHODS.contains(value)) {
      errors.add(
          field,
          field
              + " must be private_key_jwt, client_secret_basic or client_secret_post for"
              + " application_type web");
    }
    return value;
  }

  private static List<String> grantTypes(
      List<String> given, IntegrationType type, FieldErrors errors) {
    if (type.usesMaskinporten()) {
      if (given != null && !given.isEmpty() && !given.equals(List.of(JWT_BEARER))) {
        errors.add(
            "grant_types",
            "grant_types must be [" + JWT_BEARER + "] for integration type " + type.wireName());
      }
      return List.of(JWT_BEARER);
    }
    if (given == null || given.isEmpty()) {
      return List.of("authorization_code");
    }
    if (!LOGIN_GRANTS.containsAll(given)) {
      errors.add(
          "grant_types",
          "grant_types may hold authorization_code and refresh_token for integration type "
              + type.wireName());
    }
    return List.copyOf(new LinkedHashSet<>(given));
  }

  private static Set<Scope> scopes(List<String> given, IntegrationType type, FieldErrors errors) {
    Set<Scope> scopes = new LinkedHashSet<>();
    List<String> values = given == null ? List.of() : given;
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (value == null || !isScope(value)) {
        errors.add(
            "scopes[" + i + "]", "scopes[" + i + "] is not a scope; scopes look like prefix:name");
      } else {
        scopes.add(Scope.of(value));
      }
    }
    if (type != null) {
      checkScopesFitType(scopes, type, errors);
    }
    scopes.addAll(type == null ? Set.of() : type.automaticScopes());
    if (String.join("\n", scopes.stream().map(Scope::value).toList()).length() > LIST_MAX) {
      errors.add("scopes", "scopes are too many; keep their total length under " + LIST_MAX);
    }
    return scopes;
  }

  private static void checkScopesFitType(
      Set<Scope> scopes, IntegrationType type, FieldErrors errors) {
    Set<Scope> krrScopes = IntegrationType.KRR.automaticScopes();
    if (type == IntegrationType.KRR && !krrScopes.containsAll(scopes)) {
      errors.add(
          "scopes",
          "scopes of integration type krr are set for it ("
              + Scope.join(krrScopes.stream().sorted().toList())
              + "); other scopes cannot be added");
    } else if (type != IntegrationType.KRR && scopes.stream().anyMatch(krrScopes::contains)) {
      errors.add("scopes", "the krr:global scopes need integration type krr");
    } else if (type != IntegrationType.KRR && scopes.isEmpty()) {
      errors.add(
          "scopes", "scopes must hold at least one scope for integration type " + type.wireName());
    }
  }

  private static boolean isScope(String value) {
    try {
      Scope.of(value);
      return value.length() <= NAME_MAX;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static List<String> uris(
      String field,
      List<String> given,
      IntegrationType type,
      boolean nativeApp,
      FieldErrors errors) {
    List<String> uris = new ArrayList<>();
    List<String> values = given == null ? List.of() : given;
    for (int i = 0; i < values.size(); i++) {
      String name = field + "[" + i + "]";
      if (checkRedirect(name, values.get(i), nativeApp, errors) && values.get(i) != null) {
        uris.add(values.get(i));
      }
    }
    if (String.join("\n", uris).length() > LIST_MAX) {
      errors.add(field, field + " are too many; keep their total length under " + LIST_MAX);
    }
    if (type != null && type.usesMaskinporten() && !uris.isEmpty()) {
      errors.add(field, field + " is not used by integration type " + type.wireName());
    } else if (type != null && !type.usesMaskinporten() && uris.isEmpty()) {
      errors.add(
          field, field + " must hold at least one URI for integration type " + type.wireName());
    }
    return uris;
  }

  /**
   * Records an error unless {@code value} is absent or a URI ID-porten may send a browser to
   * ({@link RedirectUriRules}); true when fine.
   */
  private static boolean checkRedirect(
      String field, String value, boolean nativeApp, FieldErrors errors) {
    if (!checkUri(field, value, errors)) {
      return false;
    }
    Optional<String> problem =
        value == null ? Optional.empty() : RedirectUriRules.problem(value, nativeApp, field);
    problem.ifPresent(p -> errors.add(field, p));
    return problem.isEmpty();
  }

  /** Records an error unless {@code value} is absent or an absolute URI; true when fine. */
  private static boolean checkUri(String field, String value, FieldErrors errors) {
    if (value == null) {
      return true;
    }
    int colon = value.indexOf(':');
    boolean ok =
        colon > 0 && value.length() <= URI_MAX && value.chars().noneMatch(Character::isWhitespace);
    if (!ok) {
      errors.add(field, field + " must be an absolute URI of at most " + URI_MAX + " characters");
    }
    return ok;
  }

  private static void checkLength(String field, String value, int max, FieldErrors errors) {
    if (value != null && value.length() > max) {
      errors.add(field, field + " must be at most " + max + " characters");
    }
  }

  private static int lifetime(String field, Integer seconds, FieldErrors errors) {
    if (seconds == null) {
      return 0;
    }
    if (seconds < 0) {
      errors.add(field, field + " must be 0 (the default) or a number of seconds");
    }
    return seconds;
  }

  private static String refreshTokenUsage(String given, FieldErrors errors) {
    String value = given == null ? "ONETIME" : given;
    checkOneOf("refresh_token_usage", value, REFRESH_TOKEN_USAGES, errors);
    return value;
  }

  private static void checkOneOf(
      String field, String value, Set<String> allowed, FieldErrors errors) {
    if (value != null && !allowed.contains(value)) {
      errors.add(
          field,
          field + " must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
  }
}
