package io.krrkit.local.internal.krr;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One lookup in the register: whom to look up, what the caller's token grants, and how unknown
 * persons are answered.
 *
 * @param personidentifikatorer 1 to {@value #MAX_PERSONS} persons, in the order to answer them;
 *     duplicates are answered each time they appear
 * @param scopes the scopes of the caller's access token
 * @param version the API version the request came in on
 * @param inkluderIkkeRegistrerte v2: answer unknown persons as {@code IKKE_REGISTRERT} too
 */
public record Lookup(
    List<Personidentifikator> personidentifikatorer,
    Set<Scope> scopes,
    ApiVersion version,
    boolean inkluderIkkeRegistrerte) {

  /** At most this many persons per lookup, as in KRR. */
  public static final int MAX_PERSONS = 1000;

  /** Freezes the collections and checks the size. */
  public Lookup {
    personidentifikatorer =
        List.copyOf(Objects.requireNonNull(personidentifikatorer, "personidentifikatorer == null"));
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes == null"));
    Objects.requireNonNull(version, "version == null");
    if (personidentifikatorer.isEmpty() || personidentifikatorer.size() > MAX_PERSONS) {
      throw new IllegalArgumentException(
          "a lookup takes 1 to " + MAX_PERSONS + " persons, got " + personidentifikatorer.size());
    }
  }

  /** True when persons the register does not know are answered as {@code IKKE_REGISTRERT}. */
  public boolean answersUnknown() {
    return version == ApiVersion.V1 || inkluderIkkeRegistrerte;
  }
}
