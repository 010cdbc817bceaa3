package io.krrkit.maskinporten;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a token is asked for: scopes and the optional claims that change the token. Two equal
 * requests share one cached token; scope and resource order do not matter.
 *
 * <pre>{@code
 * TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ);
 * TokenRequest.builder().scope(scope).consumerOrg(OrgNumber.of("310000027")).build();
 * }</pre>
 *
 * @param scopes at least one scope (the grant's {@code scope})
 * @param resources audiences asked for (the grant's {@code resource} array), maybe empty
 * @param consumerOrg the organisation a supplier acts for ({@code consumer_org}), or {@code null}
 * @param issOnBehalfOf the on-behalf-of id ({@code iss_onbehalfof}), or {@code null}
 * @param pid the end user the token is restricted to ({@code pid}), or {@code null}
 */
public record TokenRequest(
    Set<Scope> scopes,
    Set<String> resources,
    OrgNumber consumerOrg,
    String issOnBehalfOf,
    Personidentifikator pid) {

  /** Validates and freezes; the sets keep their order for the grant but compare as sets. */
  public TokenRequest {
    scopes = frozen(Objects.requireNonNull(scopes, "scopes == null"));
    resources = resources == null ? Set.of() : frozen(resources);
    if (scopes.isEmpty()) {
      throw new MaskinportenConfigException(
          "a token request needs at least one scope, e.g. krr:global/kontaktinformasjon.read");
    }
    if (resources.stream().anyMatch(String::isBlank)) {
      throw new MaskinportenConfigException("resource values must not be blank");
    }
    if (issOnBehalfOf != null && issOnBehalfOf.isBlank()) {
      throw new MaskinportenConfigException("iss_onbehalfof must not be blank; leave it out");
    }
    if (consumerOrg != null && issOnBehalfOf != null) {
      throw new MaskinportenConfigException(
          "consumer_org and iss_onbehalfof are mutually exclusive; set one of them");
    }
  }

  /** A request for these scopes only. */
  public static TokenRequest of(Scope scope, Scope... more) {
    return builder().scope(scope).scopes(List.of(more)).build();
  }

  /** An empty builder; add at least one scope. */
  public static Builder builder() {
    return new Builder();
  }

  private static <T> Set<T> frozen(Collection<T> values) {
    values.forEach(v -> Objects.requireNonNull(v, "null element"));
    return Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }

  /** Builds a {@link TokenRequest}; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private final Set<Scope> scopes = new LinkedHashSet<>();
    private final Set<String> resources = new LinkedHashSet<>();
    private OrgNumber consumerOrg;
    private String issOnBehalfOf;
    private Personidentifikator pid;

    private Builder() {}

    /** Adds a scope. */
    public Builder scope(Scope scope) {
      scopes.add(Objects.requireNonNull(scope, "scope == null"));
      return this;
    }

    /** Adds scopes. */
    public Builder scopes(Collection<Scope> more) {
      Objects.requireNonNull(more, "scopes == null").forEach(this::scope);
      return this;
    }

    /** Adds a {@code resource} (the audience of the token, as agreed with the API owner). */
    public Builder resource(String resource) {
      resources.add(Objects.requireNonNull(resource, "resource == null"));
      return this;
    }

    /** Sets {@code consumer_org}: the organisation a supplier asks for a token for. */
    public Builder consumerOrg(OrgNumber org) {
      this.consumerOrg = Objects.requireNonNull(org, "org == null");
      return this;
    }

    /** Sets {@code iss_onbehalfof}: the on-behalf-of id of a sub-client. */
    public Builder issOnBehalfOf(String onBehalfOf) {
      this.issOnBehalfOf = Objects.requireNonNull(onBehalfOf, "onBehalfOf == null");
      return this;
    }

    /** Sets {@code pid}: the end user an end-user-restricted token is for. */
    public Builder pid(Personidentifikator pid) {
      this.pid = Objects.requireNonNull(pid, "pid == null");
      return this;
    }

    /** Validates and builds. */
    public TokenRequest build() {
      return new TokenRequest(scopes, resources, consumerOrg, issOnBehalfOf, pid);
    }
  }
}
