package io.krrkit.local.internal.web.http;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.access.ScopeRegistry;
import io.krrkit.local.internal.client.ClientDraft;
import io.krrkit.local.internal.client.ClientRegistry;
import io.krrkit.local.internal.client.ClientRegistryException;
import io.krrkit.local.internal.client.RegisteredClient;
import io.krrkit.local.internal.web.http.IntegrationViews.ChooseView;
import io.krrkit.local.internal.web.http.IntegrationViews.DeleteView;
import io.krrkit.local.internal.web.http.IntegrationViews.DetailView;
import io.krrkit.local.internal.web.http.IntegrationViews.FormView;
import io.krrkit.local.internal.web.http.IntegrationViews.ListView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Integrasjoner": the organisation's integrations (clients), searchable; "Ny integrasjon" in two
 * steps (choose the service, then fill in the form); the page of one integration with its next
 * steps; edit; delete after a confirmation. An id the organisation does not own is a 404 page.
 */
final class IntegrationPages {
  private static final String BASE = "/integrasjoner";

  private final ClientRegistry clients;
  private final IntegrationInput input;
  private final String issuer;

  IntegrationPages(ClientRegistry clients, ScopeRegistry scopes, String issuer) {
    this.clients = clients;
    this.input = new IntegrationInput(scopes);
    this.issuer = issuer;
  }

  void list(WebContext web) {
    String query = Optional.ofNullable(web.query("q")).orElse("").strip();
    String type =
        IntegrationType.fromWireName(web.query("type")).map(IntegrationType::wireName).orElse("");
    List<RegisteredClient> all = clients.list(web.org());
    List<IntegrationRow> rows =
        all.stream().filter(c -> matches(c, query, type)).map(c -> row(web, c)).toList();
    web.render(
        "integrations/list.jte",
        web.text("integrations.title"),
        new ListView(query, type, rows, all.size()));
  }

  void newForm(WebContext web) {
    String asked = web.query("integration_type");
    if (asked == null) {
      choose(web, 200, Form.empty());
      return;
    }
    Optional<IntegrationType> type = IntegrationType.fromWireName(asked);
    if (type.isEmpty()) {
      choose(web, 400, unknownType(web, asked));
      return;
    }
    Form form = Form.empty().with("integration_type", type.get().wireName());
    if (type.get() == IntegrationType.API_KLIENT) {
      form.with("scopes", "openid profile krr:user/kontaktinformasjon.read");
    }
    form(web, 200, type.get(), null, form);
  }

  void create(WebContext web) {
    Form form = web.form();
    String asked = form.value("integration_type");
    Optional<IntegrationType> type = IntegrationType.fromWireName(asked);
    if (type.isEmpty()) {
      choose(web, 400, unknownType(web, asked));
      return;
    }
    rejectTakenName(web, form, null);
    ClientDraft draft = input.forCreate(web, form, type.get());
    try {
      if (draft != null) {
        RegisteredClient created = clients.create(web.org(), draft);
        web.redirect(BASE + "/" + created.clientId() + "?melding=created");
        return;
      }
    } catch (ClientRegistryException e) {
      if (e.reason() != ClientRegistryException.Reason.INVALID) {
        throw e;
      }
      IntegrationInput.reject(form, e);
    }
    form(web, 400, type.get(), null, form);
  }

  void show(WebContext web) {
    RegisteredClient client = owned(web);
    DetailView view =
        new DetailView(
            row(web, client),
            client.applicationType(),
            client.tokenEndpointAuthMethod(),
            client.grantTypes(),
            client.redirectUris(),
            "created".equals(web.query(Page.MESSAGE_PARAMETER)),
            issuer);
    web.render("integrations/detail.jte", view.integration().name(), view);
  }

  void editForm(WebContext web) {
    RegisteredClient client = owned(web);
    Form form =
        Form.empty()
            .with("client_name", client.clientName())
            .with("description", client.description())
            .with(
                "scopes",
                String.join(" ", client.scopes().stream().map(Scope::value).sorted().toList()))
            .with("redirect_uris", String.join("\n", client.redirectUris()));
    form(web, 200, client.integrationType(), client.clientId(), form);
  }

  void update(WebContext web) {
    RegisteredClient client = owned(web);
    Form form = web.form();
    rejectTakenName(web, form, client.clientId());
    ClientDraft draft = input.forUpdate(web, form, client);
    try {
      if (draft != null) {
        clients.update(web.org(), client.clientId(), draft);
        web.redirect(BASE + "/" + client.clientId() + "?melding=updated");
        return;
      }
    } catch (ClientRegistryException e) {
      if (e.reason() != ClientRegistryException.Reason.INVALID) {
        throw e;
      }
      IntegrationInput.reject(form, e);
    }
    form(web, 400, client.integrationType(), client.clientId(), form);
  }

  void confirmDelete(WebContext web) {
    RegisteredClient client = owned(web);
    web.render(
        "integrations/delete.jte",
        web.text("integration.delete.title", displayName(client)),
        new DeleteView(row(web, client)));
  }

  void delete(WebContext web) {
    RegisteredClient client = owned(web);
    clients.delete(web.org(), client.clientId());
    web.redirect(BASE + "?melding=deleted");
  }

  /**
   * Refuses a name another integration of the organisation has (trimmed, in any case), as the page
   * promises ("unikt for virksomheten"); {@code self} is the integration being changed.
   */
  private void rejectTakenName(WebContext web, Form form, String self) {
    String name = form.trimmed("client_name");
    if (name == null) {
      return;
    }
    boolean taken =
        clients.list(web.org()).stream()
            .filter(c -> !c.clientId().equals(self))
            .anyMatch(c -> c.clientName() != null && c.clientName().strip().equalsIgnoreCase(name));
    if (taken) {
      form.reject("client_name", web.text("integration.name.taken", name));
    }
  }

  /** The integration in the path, if the organisation owns it; a 404 page otherwise. */
  private RegisteredClient owned(WebContext web) {
    return clients.get(web.org(), web.pathParam("id"));
  }

  private IntegrationRow row(WebContext web, RegisteredClient client) {
    return IntegrationRow.of(client, clients.keys(web.org(), client.clientId()).keys().size());
  }

  private void choose(WebContext web, int status, Form form) {
    web.render(
        status, "integrations/choose.jte", web.text("integration.new.title"), new ChooseView(form));
  }

  private void form(WebContext web, int status, IntegrationType type, String clientId, Form form) {
    FormView view =
        new FormView(
            type.wireName(),
            clientId,
            form,
            type.automaticScopes().stream().map(Scope::value).sorted().toList(),
            input.available(web.org(), type));
    String title =
        clientId == null
            ? web.text("integration.new.titleFor", web.text(view.typeKey()))
            : web.text("integration.edit.title");
    web.render(status, "integrations/form.jte", title, view);
  }

  private static Form unknownType(WebContext web, String asked) {
    Form form = Form.empty().with("integration_type", asked);
    form.reject("integration_type", web.text("integration.type.invalid"));
    return form;
  }

  private static boolean matches(RegisteredClient client, String query, String type) {
    if (!type.isEmpty() && !client.integrationType().wireName().equals(type)) {
      return false;
    }
    String q = query.toLowerCase(Locale.ROOT);
    return q.isEmpty()
        || client.clientId().toLowerCase(Locale.ROOT).contains(q)
        || (client.clientName() != null && client.clientName().toLowerCase(Locale.ROOT).contains(q))
        || (client.description() != null
            && client.description().toLowerCase(Locale.ROOT).contains(q));
  }

  private static String displayName(RegisteredClient client) {
    return client.clientName() == null ? client.clientId() : client.clientName();
  }
}
