package io.krrkit.local.internal.web.http;

import io.krrkit.local.RecordedRequest;
import io.krrkit.local.internal.client.RegisteredClient;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The models of the request journal's page ({@code src/main/jte/journal/}). */
public final class JournalViews {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Oslo"));

  /** The services the page filters by: all but the web page's own, whose posts name no client. */
  public static final List<String> SERVICES =
      RecordedRequest.SERVICES.stream().filter(s -> !s.equals("web")).toList();

  private JournalViews() {}

  /**
   * The page: the filter form and the entries it selects.
   *
   * @param form the filters ({@code service}, {@code client}, {@code path}, {@code status}, {@code
   *     limit}) as given, and what is wrong with them
   * @param clients the organisation's integrations, to filter by
   * @param rows the newest entries that match, at most the limit
   * @param matching how many entries the journal holds that match
   * @param capacity how many entries the journal keeps
   * @param filtered true when a filter other than the limit was given
   */
  public record ListView(
      Form form,
      List<ClientOption> clients,
      List<Row> rows,
      int matching,
      int capacity,
      boolean filtered) {}

  /**
   * An integration the client filter offers.
   *
   * @param label its name, or its id when it has none
   */
  public record ClientOption(String clientId, String label) implements Comparable<ClientOption> {
    static ClientOption of(RegisteredClient client) {
      String name = client.clientName();
      return new ClientOption(
          client.clientId(), name == null || name.isBlank() ? client.clientId() : name);
    }

    @Override
    public int compareTo(ClientOption other) {
      int byLabel = label.compareToIgnoreCase(other.label);
      return byLabel != 0 ? byLabel : clientId.compareTo(other.clientId);
    }
  }

  /**
   * One request, as the journal keeps it (masked there).
   *
   * @param time when it came in, {@code 2026-12-03 13:05:09} Norwegian time, on the emulator's
   *     clock
   * @param status the answer's status; 0 when the connection was dropped
   * @param duration how long the emulator took, {@code 1.2 ms}
   * @param clientName the integration's name, empty when it has none
   * @param scopes the scopes asked for or held
   * @param details the service's facts as {@code name=value}, sorted
   * @param traceId the trace id of an error answer, or {@code null}
   */
  public record Row(
      long sequence,
      String time,
      String service,
      String method,
      String path,
      int status,
      String duration,
      String clientId,
      String clientName,
      List<String> scopes,
      List<String> details,
      String traceId) {

    static Row of(RecordedRequest entry, RegisteredClient client) {
      String name = client.clientName() == null ? "" : client.clientName();
      return new Row(
          entry.sequence(),
          SHOWN.format(entry.time()),
          entry.service(),
          entry.method(),
          entry.path(),
          entry.status(),
          String.format(Locale.ROOT, "%.1f ms", entry.duration().toNanos() / 1_000_000.0),
          entry.clientId(),
          name,
          entry.scope() == null ? List.of() : List.of(entry.scope().split(" ")),
          entry.details().entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .map(d -> d.getKey() + "=" + d.getValue())
              .toList(),
          entry.traceId());
    }

    /** True for a 4xx or 5xx answer, or none at all. */
    public boolean failed() {
      return status == 0 || status >= 400;
    }
  }
}
