package io.krrkit.local.internal.access;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.client.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a scope's fields: names, lengths, enums, lifetimes. Builds an {@link ApiScope} from
 * a {@link ScopeDraft} on top of a base (the defaults for a new scope, the current scope for an
 * update), reporting every problem at once as one {@link AccessException}.
 */
final class ScopePolicy {
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9_.-]{1,64}");
  private static final Pattern SUBSCOPE = Pattern.compile("[a-zA-Z0-9_./:-]{1,190}");
  private static final int NAME_MAX = 255;
  private static final int TEXT_MAX = 4000; // the description columns (V6, V9)
  private static final int URL_MAX = 1024;

  private final List<FieldError> errors = new ArrayList<>();

  /** The defaults of a new scope: active, public, self-contained, no limits, access by grant. */
  static ApiScope defaults(Scope name, OrgNumber owner, Instant now) {
    return new ApiScope(
        name,
        owner,
        null,
        null,
        true,
        ApiScope.Visibility.PUBLIC,
        ApiScope.TokenType.SELF_CONTAINED,
        0,
        0,
        Set.of(),
        false,
        null,
        false,
        now,
        now);
  }

  /** The scope {@code draft} names, by {@code name} or by {@code prefix} and {@code subscope}. */
  static Scope name(ScopeDraft draft) {
    ScopePolicy policy = new ScopePolicy();
    Scope name = policy.parseName(draft);
    policy.throwIfAny();
    return name;
  }

  /** {@code base} with the fields {@code draft} sends, last updated {@code now}. */
  static ApiScope apply(ScopeDraft draft, ApiScope base, OrgNumber owner, Instant now) {
    ScopePolicy p = new ScopePolicy();
    ApiScope scope =
        new ApiScope(
            base.name(),
            owner,
            p.text("description", draft.description(), base.description()),
            p.text("long_description", draft.longDescription(), base.longDescription()),
            draft.active() == null ? base.active() : draft.active(),
            p.oneOf("visibility", draft.visibility(), ApiScope.Visibility.class, base.visibility()),
            p.oneOf("token_type", draft.tokenType(), ApiScope.TokenType.class, base.tokenType()),
            p.seconds("at_max_age", draft.atMaxAge(), base.atMaxAge()),
            p.seconds(
                "authorization_max_lifetime",
                draft.authorizationMaxLifetime(),
                base.authorizationMaxLifetime()),
            p.integrationTypes(draft.allowedIntegrationTypes(), base.allowedIntegrationTypes()),
            draft.accessibleForAll() == null ? base.accessibleForAll() : draft.accessibleForAll(),
            p.delegationSource(draft.delegationSource(), base.delegationSource()),
            draft.requiresUserConsent() == null
                ? base.requiresUserConsent()
                : draft.requiresUserConsent(),
            base.created(),
            now);
    p.throwIfAny();
    return scope;
  }

  /** Parses a scope given as text (a query parameter, a form field). */
  static Scope parse(String value) {
    if (value == null || value.isBlank()) {
      throw AccessException.invalid("scope", "scope is required, e.g. difitest:api3");
    }
    if (value.length() > NAME_MAX || value.indexOf(':') < 1) {
      throw AccessException.invalid(
          "scope", "scope must look like prefix:subscope, e.g. difitest:api3");
    }
    try {
      return Scope.of(value);
    } catch (IllegalArgumentException e) {
      throw AccessException.invalid(
          "scope", "scope must look like prefix:subscope (letters, digits, . _ - / :)");
    }
  }

  private Scope parseName(ScopeDraft draft) {
    if (draft.name() != null && draft.prefix() == null && draft.subscope() == null) {
      return parse(draft.name());
    }
    boolean prefixOk =
        check("prefix", draft.prefix(), PREFIX, "lower-case letters, digits, . _ - (at most 64)");
    boolean subscopeOk =
        check("subscope", draft.subscope(), SUBSCOPE, "letters, digits, . _ - / : (at most 190)");
    if (!prefixOk || !subscopeOk) {
      return null;
    }
    Scope name = Scope.of(draft.prefix() + ":" + draft.subscope());
    if (draft.name() != null && !draft.name().equals(name.value())) {
      add("name", "name must be prefix:subscope (" + name + ") or left out");
    }
    return name;
  }

  private boolean check(String field, String value, Pattern shape, String allowed) {
    if (value == null || value.isBlank()) {
      add(field, field + " is required: " + allowed + "; difitest:api3 has prefix difitest");
      return false;
    }
    if (!shape.matcher(value).matches()) {
      add(field, field + " may hold only " + allowed);
      return false;
    }
    return true;
  }

  private String text(String field, String given, String current) {
    if (given == null) {
      return current;
    }
    if (given.length() > TEXT_MAX) {
      add(field, field + " must be at most " + TEXT_MAX + " characters");
    }
    return given.isBlank() ? null : given;
  }

  private <E extends Enum<E>> E oneOf(String field, String given, Class<E> type, E current) {
    if (given == null) {
      return current;
    }
    try {
      return Enum.valueOf(type, given.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      add(
          field,
          field
              + " must be one of "
              + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
      return current;
    }
  }

  private int seconds(String field, Integer given, int current) {
    if (given == null) {
      return current;
    }
    if (given < 0) {
      add(field, field + " must be 0 (the default) or positive seconds");
      return current;
    }
    return given;
  }

  private Set<IntegrationType> integrationTypes(List<String> given, Set<IntegrationType> current) {
    if (given == null) {
      return current;
    }
    Set<IntegrationType> types = EnumSet.noneOf(IntegrationType.class);
    for (String wireName : given) {
      IntegrationType type = IntegrationType.fromWireName(wireName).orElse(null);
      if (type == null) {
        add(
            "allowed_integration_types",
            "allowed_integration_types may hold krr, maskinporten, api_klient, idporten");
      } else {
        types.add(type);
      }
    }
    return types;
  }

  private String delegationSource(String given, String current) {
    if (given == null) {
      return current;
    }
    if (given.isEmpty()) {
      return null; // an empty string removes it
    }
    if (given.length() > URL_MAX || !given.matches("https?://\\S+")) {
      add(
          "delegation_source",
          "delegation_source must be the issuer of a delegation source (GET /delegationsources),"
              + " e.g. https://tt02.altinn.no/");
    }
    return given;
  }

  private void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  private void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new AccessException(AccessException.Reason.INVALID, errors);
    }
  }
}
