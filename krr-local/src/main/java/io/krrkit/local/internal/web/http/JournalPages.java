package io.krrkit.local.internal.web.http;

import io.krrkit.local.RecordedRequest;
import io.krrkit.local.internal.client.ClientRegistry;
import io.krrkit.local.internal.client.RegisteredClient;
import io.krrkit.local.internal.journal.JournalQuery;
import io.krrkit.local.internal.journal.JournalRing;
import io.krrkit.local.internal.web.http.JournalViews.ClientOption;
import io.krrkit.local.internal.web.http.JournalViews.ListView;
import io.krrkit.local.internal.web.http.JournalViews.Row;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Forespørsler": the request journal's entries of the organisation's own integrations (those the
 * integrations page lists: owned, or registered for customers as their supplier), newest first. The
 * filters are the operator API's ({@code GET /admin/journal}), read by {@link JournalQuery#parse}
 * from the same parameters; entries of other organisations' clients, and those naming no client,
 * are never shown. The entries are shown as the journal keeps them, with secrets and personal data
 * already masked.
 */
final class JournalPages {
  /** The filters the page's form offers, in its order. */
  static final List<String> FILTERS = List.of("service", "client", "path", "status", "limit");

  /** A filter the URL may carry (from a link or the operator API's query), kept by the form. */
  static final String SINCE = "since";

  private final JournalRing ring;
  private final ClientRegistry clients;

  JournalPages(JournalRing ring, ClientRegistry clients) {
    this.ring = ring;
    this.clients = clients;
  }

  void list(WebContext web) {
    Map<String, RegisteredClient> own =
        clients.list(web.org()).stream()
            .collect(Collectors.toMap(RegisteredClient::clientId, Function.identity()));
    Form form = Form.empty();
    for (String filter : FILTERS) {
      form.with(filter, web.query(filter) == null ? "" : web.query(filter).strip());
    }
    form.with(SINCE, web.query(SINCE) == null ? "" : web.query(SINCE).strip());
    List<ClientOption> options = own.values().stream().map(ClientOption::of).sorted().toList();
    JournalQuery query = parse(web, form, own);
    if (query == null) {
      render(web, 400, new ListView(form, options, List.of(), 0, ring.capacity(), true));
      return;
    }
    if (form.value("limit").isEmpty()) {
      form.with("limit", Integer.toString(query.limit()));
    }
    List<RecordedRequest> matching =
        ring.all(query).stream().filter(e -> own.containsKey(e.clientId())).toList();
    List<Row> rows =
        matching.stream().limit(query.limit()).map(e -> Row.of(e, own.get(e.clientId()))).toList();
    boolean filtered = !query.equals(JournalQuery.all(query.limit()));
    render(web, 200, new ListView(form, options, rows, matching.size(), ring.capacity(), filtered));
  }

  /**
   * The query, or {@code null} with each bad filter rejected on its field in the visitor's
   * language. Each filter is parsed alone to learn which is wrong; the rules stay {@link
   * JournalQuery}'s.
   */
  private JournalQuery parse(WebContext web, Form form, Map<String, RegisteredClient> own) {
    for (String filter : FILTERS) {
      String value = form.trimmed(filter);
      try {
        JournalQuery.parse(name -> name.equals(filter) ? value : null, ring.capacity());
      } catch (IllegalArgumentException e) {
        form.reject(filter, web.text("journal.error." + filter, ring.capacity()));
      }
    }
    String client = form.trimmed("client");
    if (client != null && !own.containsKey(client)) {
      form.reject("client", web.text("journal.error.client"));
    }
    if (form.hasErrors()) {
      return null;
    }
    try {
      return JournalQuery.parse(web::query, ring.capacity());
    } catch (IllegalArgumentException e) {
      form.reject("_since", web.text("journal.error.since"));
      return null;
    }
  }

  private static void render(WebContext web, int status, ListView view) {
    web.render(status, "journal/list.jte", web.text("journal.title"), view);
  }
}
