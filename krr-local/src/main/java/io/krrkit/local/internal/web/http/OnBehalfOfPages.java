package io.krrkit.local.internal.web.http;

import io.krrkit.local.internal.client.ClientRegistry;
import io.krrkit.local.internal.client.ClientRegistryException;
import io.krrkit.local.internal.client.FieldError;
import io.krrkit.local.internal.client.OnBehalfOfDraft;
import io.krrkit.local.internal.client.OnBehalfOfRegistry;
import io.krrkit.local.internal.client.RegisteredClient;
import io.krrkit.local.internal.web.http.OnBehalfOfViews.ListView;
import io.krrkit.local.internal.web.http.OnBehalfOfViews.Row;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "På vegne av": the customers a supplier's integration acts for ({@code iss_onbehalfof} in the
 * grant), added and deleted through {@link OnBehalfOfRegistry}, the same rules as {@code
 * /clients/{id}/onbehalfof}.
 */
final class OnBehalfOfPages {
  private static final Set<String> FIELDS =
      Set.of("onbehalfof", "orgno", "name", "description", "client_uri");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final ClientRegistry clients;
  private final OnBehalfOfRegistry registrations;

  OnBehalfOfPages(ClientRegistry clients, OnBehalfOfRegistry registrations) {
    this.clients = clients;
    this.registrations = registrations;
  }

  void list(WebContext web) {
    render(web, 200, owned(web), Form.empty());
  }

  void add(WebContext web) {
    RegisteredClient client = owned(web);
    Form form = web.form();
    OnBehalfOfDraft draft =
        new OnBehalfOfDraft(
            form.trimmed("onbehalfof"),
            form.trimmed("orgno"),
            form.trimmed("name"),
            form.trimmed("description"),
            form.trimmed("client_uri"));
    try {
      registrations.add(web.org(), client.clientId(), draft);
      web.redirect(path(client) + "?melding=oboAdded");
    } catch (ClientRegistryException e) {
      if (e.reason() != ClientRegistryException.Reason.INVALID) {
        throw e;
      }
      reject(web, form, e);
      render(web, 400, client, form);
    }
  }

  void delete(WebContext web) {
    RegisteredClient client = owned(web);
    String onbehalfof = web.form().trimmed("onbehalfof");
    registrations.delete(web.org(), client.clientId(), onbehalfof == null ? "" : onbehalfof);
    web.redirect(path(client) + "?melding=oboDeleted");
  }

  /** Puts each refusal on its field in the visitor's language. */
  private static void reject(WebContext web, Form form, ClientRegistryException refusal) {
    for (FieldError error : refusal.errors()) {
      String field = FIELDS.contains(error.field()) ? error.field() : "_form";
      boolean duplicate = field.equals("onbehalfof") && ID.matcher(form.value(field)).matches();
      form.reject(field, web.text(duplicate ? "obo.error.duplicate" : "obo.error." + field));
    }
  }

  private void render(WebContext web, int status, RegisteredClient client, Form form) {
    ListView view =
        new ListView(
            IntegrationRow.of(client, clients.keys(web.org(), client.clientId()).keys().size()),
            registrations.of(client).stream().map(Row::of).toList(),
            form);
    String name = client.clientName() == null ? client.clientId() : client.clientName();
    web.render(status, "onbehalfof/list.jte", web.text("obo.title", name), view);
  }

  private RegisteredClient owned(WebContext web) {
    return clients.get(web.org(), web.pathParam("id"));
  }

  private static String path(RegisteredClient client) {
    return "/integrasjoner/" + client.clientId() + "/paa-vegne-av";
  }
}
