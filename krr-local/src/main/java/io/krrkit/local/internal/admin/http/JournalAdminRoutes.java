package io.krrkit.local.internal.admin.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.krrkit.local.RecordedRequest;
import io.krrkit.local.internal.journal.JournalQuery;
import io.krrkit.local.internal.journal.JournalRing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Operator API for the request journal, the last requests to the emulated services (no secrets, no
 * identity numbers):
 *
 * <ul>
 *   <li>{@code GET /admin/journal?service=&path=&client=&status=&since=&limit=}: the entries the
 *       filters select, newest first, with how many match;
 *   <li>{@code GET /admin/journal/counts} (same filters, no limit): how many match, by service,
 *       status and client;
 *   <li>{@code DELETE /admin/journal}: forgets every entry (204).
 * </ul>
 *
 * A bad filter is 400 {@code invalid_request} saying what the parameter takes.
 */
public final class JournalAdminRoutes {
  private final JournalRing ring;

  /** Serves {@code ring}. */
  public JournalAdminRoutes(JournalRing ring) {
    this.ring = ring;
  }

  /** Adds the routes under {@code /admin/journal}. */
  public void register(RoutesConfig routes) {
    routes.get("/admin/journal", this::list);
    routes.get("/admin/journal/counts", this::counts);
    routes.delete("/admin/journal", this::clear);
  }

  private void list(Context ctx) {
    JournalQuery query = query(ctx);
    List<RecordedRequest> matching = ring.all(query);
    List<Map<String, Object>> entries = new ArrayList<>();
    for (RecordedRequest entry : matching.subList(0, Math.min(query.limit(), matching.size()))) {
      entries.add(json(entry));
    }
    Map<String, Object> body = summary();
    body.put("count", matching.size());
    body.put("entries", entries);
    ctx.json(body);
  }

  private void counts(Context ctx) {
    List<RecordedRequest> matching = ring.all(query(ctx));
    Map<String, Object> body = summary();
    body.put("count", matching.size());
    body.put("by_service", countBy(matching, RecordedRequest::service));
    body.put("by_status", countBy(matching, e -> String.valueOf(e.status())));
    body.put(
        "by_client",
        countBy(
            matching.stream().filter(e -> e.clientId() != null).toList(),
            RecordedRequest::clientId));
    ctx.json(body);
  }

  private void clear(Context ctx) {
    ring.clear();
    ctx.status(204);
  }

  private JournalQuery query(Context ctx) {
    try {
      return JournalQuery.parse(ctx::queryParam, ring.capacity());
    } catch (IllegalArgumentException e) {
      throw new AdminRequestException(e.getMessage());
    }
  }

  private Map<String, Object> summary() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("capacity", ring.capacity());
    body.put("recorded", ring.recorded());
    body.put("dropped", ring.dropped());
    return body;
  }

  private static Map<String, Long> countBy(
      List<RecordedRequest> entries, Function<RecordedRequest, String> key) {
    Map<String, Long> counts = new TreeMap<>();
    for (RecordedRequest entry : entries) {
      counts.merge(key.apply(entry), 1L, Long::sum);
    }
    return counts;
  }

  /** One entry in the operator API's JSON. */
  static Map<String, Object> json(RecordedRequest entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sequence", entry.sequence());
    json.put("time", entry.time().toString());
    json.put("service", entry.service());
    json.put("method", entry.method());
    json.put("path", entry.path());
    json.put("status", entry.status());
    json.put("duration_ms", entry.duration().toNanos() / 1_000_000.0);
    json.put("client_id", entry.clientId());
    json.put("scope", entry.scope());
    json.put("trace_id", entry.traceId());
    json.put("details", new TreeMap<>(entry.details()));
    return json;
  }
}
