package io.krrkit.local.internal.web.http;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.access.AccessException;
import io.krrkit.local.internal.access.ApiScope;
import io.krrkit.local.internal.access.ScopeDraft;
import io.krrkit.local.internal.client.FieldError;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the scope form ({@code prefix}, {@code subscope}, {@code description}, {@code
 * long_description}, {@code visibility}, {@code at_max_age}, one checkbox {@code type_<type>} per
 * integration type, {@code accessible_for_all}, {@code requires_user_consent}) into a {@link
 * ScopeDraft}, with the page's own messages; the registry's refusals land on the same fields.
 */
final class ScopeInput {
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9_.-]{1,64}");
  private static final Pattern SUBSCOPE = Pattern.compile("[a-zA-Z0-9_./:-]{1,190}");
  private static final int TEXT_MAX = 4000;
  private static final Set<String> FIELDS =
      Set.of(
          "prefix",
          "subscope",
          "description",
          "long_description",
          "visibility",
          "at_max_age",
          "allowed_integration_types");

  private ScopeInput() {}

  /** The draft of a new scope, or {@code null} with messages on {@code form}. */
  static ScopeDraft forCreate(WebContext web, Form form) {
    String prefix = form.trimmed("prefix");
    String subscope = form.trimmed("subscope");
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      form.reject("prefix", web.text("scopes.error.prefix"));
    }
    if (subscope == null || !SUBSCOPE.matcher(subscope).matches()) {
      form.reject("subscope", web.text("scopes.error.subscope"));
    }
    return settings(web, form, prefix, subscope);
  }

  /** The draft that changes a scope's settings, or {@code null} with messages on {@code form}. */
  static ScopeDraft forUpdate(WebContext web, Form form) {
    return settings(web, form, null, null);
  }

  /** The form of {@code scope}'s current settings. */
  static Form of(ApiScope scope) {
    Form form =
        Form.empty()
            .with("description", scope.description())
            .with("long_description", scope.longDescription())
            .with("visibility", scope.visibility().name())
            .with("at_max_age", scope.atMaxAge() == 0 ? "" : Integer.toString(scope.atMaxAge()))
            .with("accessible_for_all", scope.accessibleForAll() ? "true" : "")
            .with("requires_user_consent", scope.requiresUserConsent() ? "true" : "");
    scope.allowedIntegrationTypes().forEach(t -> form.with("type_" + t.wireName(), "true"));
    return form;
  }

  /** A new scope's form: public, for any integration type. */
  static Form blank() {
    return Form.empty().with("visibility", ApiScope.Visibility.PUBLIC.name());
  }

  /** Puts each of the registry's reasons on the field it concerns, in the visitor's language. */
  static void reject(WebContext web, Form form, AccessException refusal) {
    for (FieldError error : refusal.errors()) {
      String field = FIELDS.contains(error.field()) ? error.field() : "_form";
      String key =
          switch (refusal.reason()) {
            case FORBIDDEN -> "scopes.error.prefixTaken";
            case CONFLICT -> "scopes.error.exists";
            default -> "scopes.error." + field;
          };
      form.reject(
          refusal.reason() == AccessException.Reason.CONFLICT ? "subscope" : field, web.text(key));
    }
  }

  /** The consumer to give access to, or {@code null} with a message on {@code grant}. */
  static OrgNumber consumer(WebContext web, Form grant) {
    String value = grant.trimmed("consumer_orgno");
    if (value == null || !OrgNumber.isValid(value)) {
      grant.reject("consumer_orgno", web.text("scopes.error.consumer"));
      return null;
    }
    return OrgNumber.of(value);
  }

  private static ScopeDraft settings(WebContext web, Form form, String prefix, String subscope) {
    String description = form.trimmed("description");
    if (description == null || description.length() > TEXT_MAX) {
      form.reject("description", web.text("scopes.error.description"));
    }
    String longDescription = form.trimmed("long_description");
    if (longDescription != null && longDescription.length() > TEXT_MAX) {
      form.reject("long_description", web.text("scopes.error.long_description"));
    }
    String visibility = form.trimmed("visibility");
    if (!"PUBLIC".equals(visibility) && !"PRIVATE".equals(visibility)) {
      form.reject("visibility", web.text("scopes.error.visibility"));
    }
    Integer atMaxAge = seconds(web, form);
    if (form.hasErrors()) {
      return null;
    }
    List<String> types =
        ScopeViews.TYPES.stream().filter(t -> form.trimmed("type_" + t) != null).toList();
    return new ScopeDraft(
        null,
        prefix,
        subscope,
        null,
        description,
        longDescription == null ? "" : longDescription,
        null,
        visibility,
        null,
        atMaxAge,
        null,
        types,
        form.trimmed("accessible_for_all") != null,
        null,
        form.trimmed("requires_user_consent") != null);
  }

  private static Integer seconds(WebContext web, Form form) {
    String value = form.trimmed("at_max_age");
    if (value == null) {
      return 0;
    }
    if (value.matches("\\d{1,6}")) {
      return Integer.valueOf(value);
    }
    form.reject("at_max_age", web.text("scopes.error.at_max_age"));
    return null;
  }
}
