package io.krrkit.local.internal.web.http;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.access.AccessException;
import io.krrkit.local.internal.access.ApiScope;
import io.krrkit.local.internal.access.ScopeDraft;
import io.krrkit.local.internal.access.ScopeRegistry;
import io.krrkit.local.internal.web.http.ScopeViews.AccessRow;
import io.krrkit.local.internal.web.http.ScopeViews.DetailView;
import io.krrkit.local.internal.web.http.ScopeViews.ListView;
import io.krrkit.local.internal.web.http.ScopeViews.NewView;
import io.krrkit.local.internal.web.http.ScopeViews.Row;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * "API-tilganger", for API owners (Digdir's "Mine API"): the organisation's scopes; "Nytt scope";
 * one scope's settings (edit, deactivate, reactivate) with the organisations that have access to it
 * (give access by organisation number, take it away). A scope of another organisation is a 404
 * page.
 */
final class ScopePages {
  private final ScopeRegistry scopes;

  ScopePages(ScopeRegistry scopes) {
    this.scopes = scopes;
  }

  void list(WebContext web) {
    ListView view = new ListView(scopes.ownedBy(web.org()).stream().map(Row::of).toList());
    web.render("scopes/list.jte", web.text("scopes.title"), view);
  }

  void newForm(WebContext web) {
    web.render("scopes/new.jte", web.text("scopes.new.title"), new NewView(ScopeInput.blank()));
  }

  void create(WebContext web) {
    Form form = web.form();
    ScopeDraft draft = ScopeInput.forCreate(web, form);
    try {
      if (draft != null) {
        ApiScope created = scopes.define(web.org(), draft);
        web.redirect(path(created.name()) + "&melding=scopeCreated");
        return;
      }
    } catch (AccessException e) {
      ScopeInput.reject(web, form, e);
    }
    web.render(400, "scopes/new.jte", web.text("scopes.new.title"), new NewView(form));
  }

  void show(WebContext web) {
    ApiScope scope = owned(web);
    detail(web, 200, scope, ScopeInput.of(scope), Form.empty());
  }

  void update(WebContext web) {
    ApiScope scope = owned(web);
    Form form = web.form();
    ScopeDraft draft = ScopeInput.forUpdate(web, form);
    try {
      if (draft != null) {
        scopes.update(web.org(), scope.name(), draft);
        web.redirect(path(scope.name()) + "&melding=scopeUpdated");
        return;
      }
    } catch (AccessException e) {
      ScopeInput.reject(web, form, e);
    }
    detail(web, 400, scope, form, Form.empty());
  }

  void deactivate(WebContext web) {
    ApiScope scope = owned(web);
    scopes.deactivate(web.org(), scope.name());
    web.redirect(path(scope.name()) + "&melding=scopeDeactivated");
  }

  void activate(WebContext web) {
    ApiScope scope = owned(web);
    scopes.update(
        web.org(),
        scope.name(),
        new ScopeDraft(
            null, null, null, null, null, null, true, null, null, null, null, null, null, null,
            null));
    web.redirect(path(scope.name()) + "&melding=scopeActivated");
  }

  void grant(WebContext web) {
    ApiScope scope = owned(web);
    Form grant = web.form();
    OrgNumber consumer = ScopeInput.consumer(web, grant);
    if (consumer == null) {
      detail(web, 400, scope, ScopeInput.of(scope), grant);
      return;
    }
    scopes.grant(web.org(), scope.name(), consumer);
    web.redirect(path(scope.name()) + "&melding=accessGranted#access-heading");
  }

  void revoke(WebContext web) {
    ApiScope scope = owned(web);
    OrgNumber consumer = ScopeInput.consumer(web, web.form());
    if (consumer == null) {
      throw WebException.notFound();
    }
    try {
      scopes.revoke(web.org(), scope.name(), consumer);
    } catch (AccessException e) {
      throw WebException.notFound(); // no such access entry
    }
    web.redirect(path(scope.name()) + "&melding=accessRevoked#access-heading");
  }

  private void detail(WebContext web, int status, ApiScope scope, Form form, Form grant) {
    DetailView view =
        new DetailView(
            Row.of(scope),
            form,
            scopes.accessTo(web.org(), scope.name()).stream().map(AccessRow::of).toList(),
            grant);
    web.render(status, "scopes/detail.jte", scope.name().value(), view);
  }

  /** The caller's scope in {@code ?scope=}; a malformed or another organisation's is a 404. */
  private ApiScope owned(WebContext web) {
    try {
      return scopes.get(web.org(), ScopeRegistry.parseScope(web.query("scope")));
    } catch (AccessException e) {
      throw WebException.notFound();
    }
  }

  private static String path(Scope scope) {
    return "/scopes/scope?scope=" + URLEncoder.encode(scope.value(), StandardCharsets.UTF_8);
  }
}
