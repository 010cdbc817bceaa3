package io.krrkit.local.internal.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a route learnt about its request for the request journal: the calling client, the scopes and
 * a few counts. Routes write only what is neither secret nor personal data (a client id, a scope,
 * how many persons a lookup asked for, never whom). Kept on the request; one per request.
 */
public final class RequestNote {
  private static final String ATTRIBUTE = "krr-local.request-note";
  private static final int MAX_LENGTH = 200;

  /**
   * A client id as Maskinporten makes them: a UUID. Kept as it is, for a UUID is never personal
   * data, while its last group may hold 11 digits in a row that masking would take for an identity
   * number (then the journal's client filter would miss the client's requests).
   */
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private String clientId;
  private String scope;
  private Map<String, String> details;
  private boolean dropped;

  private RequestNote() {}

  /** The note of the request in {@code ctx}, made on first use. */
  public static RequestNote of(Context ctx) {
    RequestNote note = ctx.attribute(ATTRIBUTE);
    if (note == null) {
      note = new RequestNote();
      ctx.attribute(ATTRIBUTE, note);
    }
    return note;
  }

  /** The note of the request in {@code ctx}, or {@code null} when no route wrote one. */
  public static RequestNote ifAny(Context ctx) {
    return ctx.attribute(ATTRIBUTE);
  }

  /** Notes the calling client (ignored when {@code null}). */
  public RequestNote client(String id) {
    if (id != null) {
      this.clientId = clip(id);
    }
    return this;
  }

  /** Notes the scopes asked for or held, space separated (ignored when {@code null}). */
  public RequestNote scope(String scopes) {
    if (scopes != null) {
      this.scope = clip(scopes);
    }
    return this;
  }

  /** Notes a fact of the service, e.g. {@code identities}, {@code 3}. */
  public RequestNote detail(String name, Object value) {
    if (details == null) {
      details = new LinkedHashMap<>();
    }
    details.put(name, clip(String.valueOf(value)));
    return this;
  }

  /** Notes that the connection was dropped (a fault): the request got no status at all. */
  public RequestNote dropped() {
    this.dropped = true;
    return this;
  }

  /** True when the request got no answer, only a dropped connection. */
  public boolean wasDropped() {
    return dropped;
  }

  /** The client, or {@code null}. */
  public String clientId() {
    return clientId;
  }

  /** The scopes, or {@code null}. */
  public String scope() {
    return scope;
  }

  /** The facts noted, maybe empty. */
  public Map<String, String> details() {
    return details == null ? Map.of() : details;
  }

  /**
   * {@code value} from a caller (a grant's iss) made short, with personal data masked; a UUID (a
   * client id) is kept as it is.
   */
  public static String clipped(String value) {
    return clip(value);
  }

  private static String clip(String value) {
    if (UUID.matcher(value).matches()) {
      return value;
    }
    String masked = LogSafe.maskAll(value);
    return masked.length() > MAX_LENGTH ? masked.substring(0, MAX_LENGTH) + "…" : masked;
  }
}
