package io.krrkit.local.internal.idporten;

import io.krrkit.core.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An authorization request {@link IdportenService#authorize} accepted: the client, where to send
 * the answer, what was asked, and the PKCE challenge the code will be bound to.
 *
 * @param state returned unchanged to the client, or {@code null}
 * @param nonce copied into the ID token, or {@code null}
 * @param codeChallenge the S256 challenge, or {@code null} for a client registered without PKCE
 * @param acr the level the log-in must reach ({@code acr_values}' lowest, else substantial)
 * @param uiLocale the log-in page's language: nb, nn, en or se
 * @param forceLogin {@code prompt=login}: a new log-in even with a live SSO session
 */
public record AuthorizationRequest(
    String clientId,
    String redirectUri,
    Set<Scope> scopes,
    String state,
    String nonce,
    String codeChallenge,
    String acr,
    String uiLocale,
    boolean forceLogin) {

  public AuthorizationRequest {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(redirectUri, "redirectUri == null");
    Objects.requireNonNull(acr, "acr == null");
    Objects.requireNonNull(uiLocale, "uiLocale == null");
    scopes = Set.copyOf(scopes);
  }

  /** The request as query parameters again, for the login form to post back. */
  Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clientId);
    p.put("redirect_uri", redirectUri);
    p.put("scope", Scope.join(scopes.stream().sorted().toList()));
    putIfSet(p, "state", state);
    putIfSet(p, "nonce", nonce);
    if (codeChallenge != null) {
      p.put("code_challenge", codeChallenge);
      p.put("code_challenge_method", "S256");
    }
    p.put("acr_values", acr);
    p.put("ui_locales", uiLocale);
    return p;
  }

  private static void putIfSet(Map<String, String> p, String name, String value) {
    if (value != null) {
      p.put(name, value);
    }
  }
}
