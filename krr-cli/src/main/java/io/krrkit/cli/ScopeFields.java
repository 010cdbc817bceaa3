package io.krrkit.cli;

import io.krrkit.selfservice.ScopeRequest;
import io.krrkit.selfservice.TokenType;
import io.krrkit.selfservice.Visibility;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The scope fields {@code krr scopes create} and {@code update} can set; an option left out keeps
 * the field as it is (update) or the API's default (create).
 */
final class ScopeFields {
  @Option(names = "--description", description = "Short description (required on create).")
  String description;

  @Option(names = "--long-description", description = "Longer description (basic Markdown).")
  String longDescription;

  @Option(names = "--visibility", description = "PUBLIC, PRIVATE or INTERNAL.")
  Visibility visibility;

  @Option(names = "--token-type", description = "SELF_CONTAINED or OPAQUE.")
  TokenType tokenType;

  @Option(
      names = "--at-max-age",
      paramLabel = "SECONDS",
      description = "Longest access token lifetime; 0 for the default.")
  Integer atMaxAge;

  @Option(
      names = "--authorization-max-lifetime",
      paramLabel = "SECONDS",
      description = "Longest lifetime of a user's consent; 0 for the default.")
  Integer authorizationMaxLifetime;

  @Option(
      names = "--integration-type",
      description = "Client type that may use it (repeatable): maskinporten, api_klient, …")
  List<String> integrationTypes;

  @Option(
      names = "--accessible-for-all",
      negatable = true,
      description = "Every organisation may use it without an access grant.")
  Boolean accessibleForAll;

  @Option(
      names = "--delegation-source",
      paramLabel = "ISSUER",
      description = "Issuer from 'krr scopes delegation-sources', to allow delegation.")
  String delegationSource;

  @Option(
      names = "--requires-user-consent",
      negatable = true,
      description = "ID-porten asks the user for consent.")
  Boolean requiresUserConsent;

  /** Sets on {@code request} every field an option was given for. */
  ScopeRequest.Builder applyTo(ScopeRequest.Builder request) {
    if (description != null) {
      request.description(description);
    }
    if (longDescription != null) {
      request.longDescription(longDescription);
    }
    if (visibility != null) {
      request.visibility(visibility);
    }
    if (tokenType != null) {
      request.tokenType(tokenType);
    }
    if (atMaxAge != null) {
      request.atMaxAge(atMaxAge);
    }
    if (authorizationMaxLifetime != null) {
      request.authorizationMaxLifetime(authorizationMaxLifetime);
    }
    if (integrationTypes != null) {
      request.allowedIntegrationTypes(
          integrationTypes.stream().map(ClientEditCommands::integrationType).toList());
    }
    if (accessibleForAll != null) {
      request.accessibleForAll(accessibleForAll);
    }
    if (delegationSource != null) {
      request.delegationSource(delegationSource);
    }
    if (requiresUserConsent != null) {
      request.requiresUserConsent(requiresUserConsent);
    }
    return request;
  }
}
