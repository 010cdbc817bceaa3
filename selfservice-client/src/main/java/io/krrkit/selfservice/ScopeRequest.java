package io.krrkit.selfservice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.InvalidIdentifierException;
import io.krrkit.core.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The writable fields of a scope, as sent to {@code POST /scopes} and {@code PUT /scopes?scope=…}.
 * A {@code null} field is left out and the API applies its default; on update (PUT) that resets the
 * field, so start an update from {@link ApiScope#toRequest()}. The name ({@code prefix:subscope})
 * cannot change.
 *
 * <pre>{@code
 * ScopeRequest api3 = ScopeRequest.builder("difi", "api3")
 *     .description("Digitaliseringsdirektoratets API nummer 3")
 *     .delegationSource("https://tt02.altinn.no/")
 *     .build();
 * }</pre>
 *
 * @param prefix assigned to the API owner by Digdir, e.g. {@code difi}
 * @param subscope chosen by the owner, e.g. {@code api3}
 * @param description required: a short description, shown to people in consent dialogues
 * @param atMaxAge seconds, 0 or more
 * @param authorizationMaxLifetime seconds, 0 or more
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScopeRequest(
    @JsonProperty("prefix") String prefix,
    @JsonProperty("subscope") String subscope,
    @JsonProperty("description") String description,
    @JsonProperty("long_description") String longDescription,
    @JsonProperty("active") Boolean active,
    @JsonProperty("visibility") Visibility visibility,
    @JsonProperty("token_type") TokenType tokenType,
    @JsonProperty("at_max_age") Integer atMaxAge,
    @JsonProperty("authorization_max_lifetime") Integer authorizationMaxLifetime,
    @JsonProperty("allowed_integration_types") List<IntegrationType> allowedIntegrationTypes,
    @JsonProperty("accessible_for_all") Boolean accessibleForAll,
    @JsonProperty("delegation_source") String delegationSource,
    @JsonProperty("requires_user_consent") Boolean requiresUserConsent) {

  /**
   * Checks that prefix and subscope form a scope, that there is a description, and that lifetimes
   * are not negative; freezes the list.
   *
   * @throws SelfServiceConfigException naming the field that is wrong
   */
  public ScopeRequest {
    name(prefix, subscope);
    if (description == null || description.isBlank()) {
      throw new SelfServiceConfigException(
          "description is required: a short text saying what the scope gives access to");
    }
    requireNotNegative("atMaxAge", atMaxAge);
    requireNotNegative("authorizationMaxLifetime", authorizationMaxLifetime);
    allowedIntegrationTypes =
        allowedIntegrationTypes == null ? null : List.copyOf(allowedIntegrationTypes);
  }

  /** A builder for the scope {@code prefix:subscope}. */
  public static Builder builder(String prefix, String subscope) {
    return new Builder(prefix, subscope);
  }

  /**
   * A builder for the scope {@code name}, split at its first colon into prefix and subscope.
   *
   * @throws SelfServiceConfigException when the name has no colon
   */
  public static Builder builder(Scope name) {
    Objects.requireNonNull(name, "name == null");
    int colon = name.value().indexOf(':');
    if (colon < 0) {
      throw new SelfServiceConfigException(
          "a scope to register needs a prefix: prefix:subscope, was " + name);
    }
    return new Builder(name.value().substring(0, colon), name.value().substring(colon + 1));
  }

  /** The scope this request registers, {@code prefix:subscope}. */
  @JsonIgnore
  public Scope name() {
    return name(prefix, subscope);
  }

  private static Scope name(String prefix, String subscope) {
    if (prefix == null || prefix.isBlank() || subscope == null || subscope.isBlank()) {
      throw new SelfServiceConfigException(
          "prefix and subscope are required, e.g. builder(\"difi\", \"api3\") for difi:api3");
    }
    if (prefix.contains(":")) {
      throw new SelfServiceConfigException("prefix must not contain ':', was " + prefix);
    }
    try {
      return Scope.of(prefix + ":" + subscope);
    } catch (InvalidIdentifierException e) {
      throw new SelfServiceConfigException(
          prefix
              + ":"
              + subscope
              + " is not a valid scope: the prefix takes lower-case letters, digits, . _ -;"
              + " the subscope also upper case, / and :");
    }
  }

  private static void requireNotNegative(String field, Integer seconds) {
    if (seconds != null && seconds < 0) {
      throw new SelfServiceConfigException(
          field + " must be 0 (the default) or a number of seconds, was " + seconds);
    }
  }

  /** Builds a {@link ScopeRequest}; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private final String prefix;
    private final String subscope;
    private String description;
    private String longDescription;
    private Boolean active;
    private Visibility visibility;
    private TokenType tokenType;
    private Integer atMaxAge;
    private Integer authorizationMaxLifetime;
    private List<IntegrationType> allowedIntegrationTypes;
    private Boolean accessibleForAll;
    private String delegationSource;
    private Boolean requiresUserConsent;

    private Builder(String prefix, String subscope) {
      this.prefix = prefix;
      this.subscope = subscope;
    }

    /** Starts from the writable fields of {@code scope}. */
    Builder(ApiScope scope) {
      this(prefixOf(scope), subscopeOf(scope));
      description = scope.description();
      longDescription = scope.longDescription();
      active = scope.active();
      visibility = scope.visibility();
      tokenType = scope.tokenType();
      atMaxAge = scope.atMaxAge();
      authorizationMaxLifetime = scope.authorizationMaxLifetime();
      allowedIntegrationTypes =
          scope.allowedIntegrationTypes().isEmpty() ? null : scope.allowedIntegrationTypes();
      accessibleForAll = scope.accessibleForAll();
      delegationSource = scope.delegationSource();
      requiresUserConsent = scope.requiresUserConsent();
    }

    private static String prefixOf(ApiScope scope) {
      String name = scope.name().value();
      return scope.prefix() != null ? scope.prefix() : name.substring(0, name.indexOf(':'));
    }

    private static String subscopeOf(ApiScope scope) {
      String name = scope.name().value();
      return scope.subscope() != null ? scope.subscope() : name.substring(name.indexOf(':') + 1);
    }

    /** {@code description}: required, a short text shown to people. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** {@code long_description}: a longer text; bold, italic, paragraphs and links allowed. */
    public Builder longDescription(String longDescription) {
      this.longDescription = longDescription;
      return this;
    }

    /** {@code active}: {@code true} on update reactivates a deleted scope. */
    public Builder active(Boolean active) {
      this.active = active;
      return this;
    }

    /** {@code visibility}; default {@link Visibility#PUBLIC}. */
    public Builder visibility(Visibility visibility) {
      this.visibility = visibility;
      return this;
    }

    /** {@code token_type}; default {@link TokenType#SELF_CONTAINED}. */
    public Builder tokenType(TokenType tokenType) {
      this.tokenType = tokenType;
      return this;
    }

    /** {@code at_max_age}: longest access token lifetime in seconds; 0 for the default. */
    public Builder atMaxAge(Integer seconds) {
      this.atMaxAge = seconds;
      return this;
    }

    /** {@code authorization_max_lifetime} in seconds; 0 for the default. */
    public Builder authorizationMaxLifetime(Integer seconds) {
      this.authorizationMaxLifetime = seconds;
      return this;
    }

    /** {@code allowed_integration_types}: client types that may use it; none means any. */
    public Builder allowedIntegrationTypes(Collection<IntegrationType> types) {
      this.allowedIntegrationTypes = List.copyOf(types);
      return this;
    }

    /** {@code accessible_for_all}: every organisation may use it without an access grant. */
    public Builder accessibleForAll(Boolean accessibleForAll) {
      this.accessibleForAll = accessibleForAll;
      return this;
    }

    /** {@code delegation_source}: the issuer of a register in {@code GET /delegationsources}. */
    public Builder delegationSource(String issuer) {
      this.delegationSource = issuer;
      return this;
    }

    /** {@code requires_user_consent}: ID-porten asks the user. */
    public Builder requiresUserConsent(Boolean required) {
      this.requiresUserConsent = required;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws SelfServiceConfigException naming the field that is wrong
     */
    public ScopeRequest build() {
      return new ScopeRequest(
          prefix,
          subscope,
          description,
          longDescription,
          active,
          visibility,
          tokenType,
          atMaxAge,
          authorizationMaxLifetime,
          allowedIntegrationTypes,
          accessibleForAll,
          delegationSource,
          requiresUserConsent);
    }
  }
}
