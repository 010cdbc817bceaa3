package io.krrkit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An OAuth2 scope as Digdir names them: {@code prefix:subscope} (e.g. {@code
 * krr:global/kontaktinformasjon.read}) or a bare OpenID scope ({@code openid}, {@code profile}).
 */
public record Scope(String value) implements Comparable<Scope> {
  // The subscope may itself hold colons: Digdir's own idporten:dcr/onbehalfof:write does.
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9_.-]+(:[a-zA-Z0-9_./:-]+)?");

  /** Contact information, language and varslingsstatus. */
  public static final Scope KRR_KONTAKTINFORMASJON_READ =
      new Scope("krr:global/kontaktinformasjon.read");

  /** Digital post mailbox and certificate. */
  public static final Scope KRR_DIGITALPOST_READ = new Scope("krr:global/digitalpost.read");

  /**
   * Altinn delegation scope giving what {@link #KRR_KONTAKTINFORMASJON_READ} gives, for a supplier
   * looking up for a customer that delegated it in Altinn (token with {@code consumer_org}).
   */
  public static final Scope KRR_KONTAKTINFO_READ = new Scope("krr:global/kontaktinfo.read");

  /**
   * Altinn delegation scope giving what {@link #KRR_DIGITALPOST_READ} gives, for a supplier looking
   * up for a customer that delegated it in Altinn (token with {@code consumer_org}).
   */
  public static final Scope KRR_POSTKASSE_READ = new Scope("krr:global/postkasse.read");

  /** Self-service API: read clients. */
  public static final Scope DCR_READ = new Scope("idporten:dcr.read");

  /** Self-service API: change clients. */
  public static final Scope DCR_MODIFY = new Scope("idporten:dcr.modify");

  /** Self-service API: create clients. */
  public static final Scope DCR_WRITE = new Scope("idporten:dcr.write");

  /** Self-service API: manage on-behalf-of registrations of a client. */
  public static final Scope DCR_ONBEHALFOF_WRITE = new Scope("idporten:dcr/onbehalfof:write");

  /** Self-service API: a supplier manages clients owned by its customers. */
  public static final Scope DCR_SUPPLIER = new Scope("idporten:dcr.supplier");

  /** Self-service API: an API owner manages its scopes and who may use them. */
  public static final Scope SCOPES_WRITE = new Scope("idporten:scopes.write");

  /** Validates the shape; throws {@link InvalidIdentifierException} when it is wrong. */
  public Scope {
    Objects.requireNonNull(value, "value == null");
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidIdentifierException(
          "format", "scope must look like prefix:subscope (letters, digits, . _ - / :)");
    }
  }

  /** Parses one scope. */
  @JsonCreator
  public static Scope of(String value) {
    return new Scope(value);
  }

  /** Parses a space-separated scope list (the OAuth2 {@code scope} parameter), keeping order. */
  public static Set<Scope> parseList(String spaceSeparated) {
    if (spaceSeparated == null || spaceSeparated.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(spaceSeparated.trim().split("\\s+"))
        .map(Scope::of)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Joins scopes with single spaces, as the OAuth2 {@code scope} parameter wants them. */
  public static String join(Collection<Scope> scopes) {
    return scopes.stream().map(Scope::value).collect(Collectors.joining(" "));
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }

  @Override
  public int compareTo(Scope other) {
    return value.compareTo(other.value);
  }
}
