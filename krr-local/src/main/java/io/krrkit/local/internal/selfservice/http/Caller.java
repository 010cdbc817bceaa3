package io.krrkit.local.internal.selfservice.http;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.util.Arrays;
import java.util.Set;

/**
 * Who calls the self-service API: the organisation its token acts for and the scopes it holds.
 *
 * @param org the token's {@code consumer}
 * @param scopes the token's {@code scope}
 */
record Caller(OrgNumber org, Set<Scope> scopes) {

  Caller {
    scopes = Set.copyOf(scopes);
  }

  /** True when the token holds one of {@code anyOf}. */
  boolean holdsAny(Scope... anyOf) {
    return Arrays.stream(anyOf).anyMatch(scopes::contains);
  }
}
