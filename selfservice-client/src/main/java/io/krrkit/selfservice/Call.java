package io.krrkit.selfservice;

import io.krrkit.core.Scope;
import java.net.URI;

/**
 * One request to the API: what to send where, and the scope its token needs.
 *
 * @param path the path under {@code /api/v1}, for messages
 * @param scope the scope its token needs, or {@code null} for an open endpoint (no token)
 * @param body the JSON body, or {@code null}
 */
record Call(String method, String path, URI uri, Scope scope, Object body) {

  /** {@code GET /clients}, as messages name the call. */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
