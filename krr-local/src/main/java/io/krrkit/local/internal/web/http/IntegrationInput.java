package io.krrkit.local.internal.web.http;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.access.ScopeRegistry;
import io.krrkit.local.internal.access.ScopeRules;
import io.krrkit.local.internal.client.ClientDraft;
import io.krrkit.local.internal.client.ClientRegistryException;
import io.krrkit.local.internal.client.FieldError;
import io.krrkit.local.internal.client.RegisteredClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the integration form (fields {@code client_name}, {@code description}, {@code scopes},
 * {@code redirect_uris}) into a {@link ClientDraft}, with the page's own messages for what a person
 * gets wrong; the registry checks the rest, and its refusals land on the same fields.
 */
final class IntegrationInput {
  /** Longest name, as the client table and the API allow. */
  static final int NAME_MAX = 255;

  /** Longest description, likewise. */
  static final int DESCRIPTION_MAX = 4000;

  private static final Set<String> FIELDS =
      Set.of("integration_type", "client_name", "description", "scopes", "redirect_uris");

  private final ScopeRegistry scopes;

  IntegrationInput(ScopeRegistry scopes) {
    this.scopes = scopes;
  }

  /** The draft of a new integration, or {@code null} with messages on {@code form}. */
  ClientDraft forCreate(WebContext web, Form form, IntegrationType type) {
    check(web, form, type);
    if (form.hasErrors()) {
      return null;
    }
    // Left out (null): the registry makes the client_id, the owner is the organisation acted
    // for, and every other field gets the type's default, as for an API call that omits them.
    return new ClientDraft(
        null, // client_id
        null, // client_orgno
        type.wireName(),
        form.trimmed("client_name"),
        form.trimmed("description"),
        null, // client_uri
        null, // application_type
        null, // token_endpoint_auth_method
        null, // grant_types
        scopesOf(form, type),
        redirectUrisOf(form, type),
        null, // post_logout_redirect_uris
        null, // access_token_lifetime
        null, // authorization_lifetime
        null, // refresh_token_lifetime
        null, // refresh_token_usage
        null, // sso_disabled
        null); // code_challenge_method
  }

  /**
   * The draft that changes {@code current} as {@code form} says, keeping every field the form does
   * not show (the registry's update replaces all writable fields); {@code null} with messages.
   */
  ClientDraft forUpdate(WebContext web, Form form, RegisteredClient current) {
    IntegrationType type = current.integrationType();
    check(web, form, type);
    if (form.hasErrors()) {
      return null;
    }
    List<String> scopeList =
        type == IntegrationType.KRR
            ? current.scopes().stream().map(Scope::value).toList()
            : scopesOf(form, type);
    return new ClientDraft(
        current.clientId(),
        null,
        type.wireName(),
        form.trimmed("client_name"),
        form.trimmed("description"),
        current.clientUri(),
        current.applicationType(),
        current.tokenEndpointAuthMethod(),
        current.grantTypes(),
        scopeList,
        type.usesMaskinporten() ? current.redirectUris() : redirectUrisOf(form, type),
        current.postLogoutRedirectUris(),
        current.accessTokenLifetime(),
        current.authorizationLifetime(),
        current.refreshTokenLifetime(),
        current.refreshTokenUsage(),
        current.ssoDisabled(),
        current.codeChallengeMethod());
  }

  /** Puts each of the registry's reasons on the form field it concerns, or above the form. */
  static void reject(Form form, ClientRegistryException refusal) {
    for (FieldError error : refusal.errors()) {
      String field = error.field() == null ? "" : error.field().replaceFirst("\\[.*$", "");
      form.reject(FIELDS.contains(field) ? field : "_form", error.message());
    }
  }

  /** The scopes an organisation may put on a client of {@code type}, sorted, as a hint. */
  List<String> available(OrgNumber org, IntegrationType type) {
    return scopes.scopes().stream()
        .filter(s -> s.allows(type) && !IntegrationType.KRR.automaticScopes().contains(s.name()))
        .filter(s -> rules(List.of(s.name())).firstWithoutAccess(org).isEmpty())
        .map(s -> s.name().value())
        .sorted()
        .toList();
  }

  private void check(WebContext web, Form form, IntegrationType type) {
    String name = form.trimmed("client_name");
    if (name == null) {
      form.reject("client_name", web.text("integration.name.missing"));
    } else if (name.length() > NAME_MAX) {
      form.reject("client_name", web.text("integration.name.tooLong", NAME_MAX, name.length()));
    }
    String description = form.trimmed("description");
    if (description != null && description.length() > DESCRIPTION_MAX) {
      form.reject(
          "description",
          web.text("integration.description.tooLong", DESCRIPTION_MAX, description.length()));
    }
    if (type != IntegrationType.KRR) {
      checkScopes(web, form, type);
    }
    if (!type.usesMaskinporten() && form.lines("redirect_uris").isEmpty()) {
      form.reject("redirect_uris", web.text("integration.redirectUris.missing"));
    }
  }

  private void checkScopes(WebContext web, Form form, IntegrationType type) {
    List<String> words = form.words("scopes");
    if (words.isEmpty()) {
      form.reject("scopes", web.text("integration.scopes.missing"));
      return;
    }
    List<Scope> parsed = new ArrayList<>();
    for (String word : words) {
      if (!isScope(word)) {
        form.reject("scopes", web.text("integration.scopes.invalid", word));
        return;
      }
      parsed.add(Scope.of(word));
    }
    parsed.stream()
        .filter(IntegrationType.KRR.automaticScopes()::contains)
        .findFirst()
        .ifPresent(s -> form.reject("scopes", web.text("integration.scopes.krrOnly", s.value())));
    ScopeRules rules = rules(parsed);
    rules
        .firstWithoutAccess(web.org())
        .ifPresent(s -> form.reject("scopes", web.text("integration.scopes.noAccess", s.value())));
    rules
        .firstNotAllowedFor(type)
        .ifPresent(
            s ->
                form.reject(
                    "scopes",
                    web.text(
                        "integration.scopes.notForType",
                        s.value(),
                        web.text("type." + type.wireName()))));
  }

  private static boolean isScope(String word) {
    try {
      Scope.of(word);
      return word.length() <= NAME_MAX;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private ScopeRules rules(List<Scope> requested) {
    return scopes.rulesFor(requested);
  }

  private static List<String> scopesOf(Form form, IntegrationType type) {
    return type == IntegrationType.KRR ? null : form.words("scopes");
  }

  private static List<String> redirectUrisOf(Form form, IntegrationType type) {
    return type.usesMaskinporten() ? null : form.lines("redirect_uris");
  }
}
