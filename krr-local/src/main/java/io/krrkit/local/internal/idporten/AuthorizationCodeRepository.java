package io.krrkit.local.internal.idporten;

import java.util.Optional;

/** Authorization codes, shared by every node on the store. */
public interface AuthorizationCodeRepository {
  void insert(AuthorizationCode code);

  Optional<AuthorizationCode> find(String codeHash);

  /** Marks the code used; false when it was used before (the check and the mark are atomic). */
  boolean markUsed(String codeHash);
}
