package io.krrkit.selfservice;

/** Who sees a scope ({@code visibility}) in the public listing {@code GET /scopes/all}. */
public enum Visibility {
  /** Listed for everyone. */
  PUBLIC,
  /** Seen only by its owner and the organisations given access, who must be told it exists. */
  PRIVATE,
  /** For Digdir's own use. */
  INTERNAL
}
