package io.krrkit.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to an emulated service as the emulator's request journal recorded it, in the fields
 * of the operator API's {@code GET /admin/journal} (krr-local's {@code RecordedRequest}, which this
 * module cannot see). It holds no secret and no personal data: no assertion, token or key, no
 * identity number; a lookup is recorded by how many persons it asked for, not whom.
 *
 * @param sequence the request's number since the emulator started
 * @param time when it came in, on the emulator's clock
 * @param service one of {@link #SERVICES}
 * @param method the HTTP method
 * @param path the path, without the query; an identity number in it is masked
 * @param status the answer's status; 0 when there was none (a fault dropped the connection)
 * @param duration how long the emulator took to answer
 * @param clientId the calling client, where known, else {@code null}
 * @param scope the scopes asked for or held, space separated, or {@code null}
 * @param traceId the trace id an error answer carried, or {@code null}
 * @param details a few facts of the service, such as {@code identities=3} or {@code fault=…}
 */
public record JournalEntry(
    long sequence,
    Instant time,
    String service,
    String method,
    String path,
    int status,
    Duration duration,
    String clientId,
    String scope,
    String traceId,
    Map<String, String> details) {

  /** Every service a request can belong to. */
  public static final List<String> SERVICES =
      List.of("maskinporten", "kontaktregisteret", "selvbetjening", "idporten", "web");

  /** Checks the required parts and freezes the details. */
  public JournalEntry {
    Objects.requireNonNull(time, "time == null");
    Objects.requireNonNull(service, "service == null");
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(duration, "duration == null");
    details = Map.copyOf(Objects.requireNonNull(details, "details == null"));
  }

  /** True when the request was a token request to Maskinporten ({@code POST …/token}). */
  public boolean isTokenRequest() {
    return service.equals("maskinporten") && method.equals("POST") && path.endsWith("/token");
  }

  /** True when the request was a KRR lookup ({@code POST …/personer}). */
  public boolean isLookup() {
    return service.equals("kontaktregisteret")
        && method.equals("POST")
        && path.endsWith("/personer");
  }

  /** {@code #12 2026-… POST /maskinporten/token 200 client=…}, for assertion messages. */
  @Override
  public String toString() {
    StringBuilder line =
        new StringBuilder()
            .append('#')
            .append(sequence)
            .append(' ')
            .append(time)
            .append(' ')
            .append(method)
            .append(' ')
            .append(path)
            .append(' ')
            .append(status);
    if (clientId != null) {
      line.append(" client=").append(clientId);
    }
    if (scope != null) {
      line.append(" scope=").append(scope);
    }
    details.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> line.append(' ').append(e.getKey()).append('=').append(e.getValue()));
    if (traceId != null) {
      line.append(" trace_id=").append(traceId);
    }
    return line.toString();
  }
}
