package io.krrkit.local.internal.krr.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.InvalidIdentifierException;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.krr.ApiVersion;
import io.krrkit.local.internal.krr.Lookup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the body of {@code POST /rest/v1|v2/personer} into a {@link Lookup}, refusing anything KRR
 * would not take with a 400 that names the positions (counted from 1) and the failed rule, and
 * never the identifiers themselves.
 */
final class PersonerRequestReader {
  static final String LIST = "personidentifikatorer";
  static final String INCLUDE_UNKNOWN = "inkluderIkkeRegistrerte";
  private static final String EXAMPLE = "{\"personidentifikatorer\": [\"<11 digits>\", ...]}";

  /** Problems listed by position before the rest is only counted. */
  private static final int LISTED_PROBLEMS = 20;

  private final ObjectMapper mapper;

  PersonerRequestReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The lookup the body asks for.
   *
   * @throws LookupError 400 naming what is wrong
   */
  Lookup read(byte[] body, ApiVersion version, Set<Scope> scopes) {
    JsonNode root = parse(body);
    List<Personidentifikator> ids = identifiers(root.get(LIST));
    boolean includeUnknown = version == ApiVersion.V2 && includeUnknown(root.get(INCLUDE_UNKNOWN));
    return new Lookup(ids, scopes, version, includeUnknown);
  }

  private JsonNode parse(byte[] body) {
    JsonNode root;
    try {
      root = body.length == 0 ? null : mapper.readTree(body);
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote the body; give only where it broke.
      throw LookupError.invalidRequest(
          "The body is not valid JSON" + where(e.getLocation()) + "; send " + EXAMPLE);
    } catch (IOException e) {
      throw LookupError.invalidRequest("The body could not be read; send " + EXAMPLE);
    }
    if (root == null || !root.isObject()) {
      throw LookupError.invalidRequest("The body must be a JSON object: " + EXAMPLE);
    }
    return root;
  }

  private static List<Personidentifikator> identifiers(JsonNode list) {
    if (list == null || list.isNull()) {
      throw LookupError.invalidRequest(LIST + " is missing; send " + EXAMPLE);
    }
    if (!list.isArray()) {
      throw LookupError.invalidRequest(LIST + " must be an array of strings: " + EXAMPLE);
    }
    if (list.isEmpty() || list.size() > Lookup.MAX_PERSONS) {
      throw LookupError.invalidRequest(
          LIST
              + " holds "
              + list.size()
              + " entries; send 1 to "
              + Lookup.MAX_PERSONS
              + " per request (split larger lookups into batches)");
    }
    List<Personidentifikator> ids = new ArrayList<>(list.size());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      if (!entry.isTextual()) {
        problems.add("position " + (i + 1) + " is not a string (" + type(entry) + ")");
        continue;
      }
      try {
        ids.add(Personidentifikator.of(entry.textValue()));
      } catch (InvalidIdentifierException e) {
        problems.add("position " + (i + 1) + " fails " + e.rule());
      }
    }
    if (!problems.isEmpty()) {
      throw LookupError.invalidRequest(describe(problems));
    }
    return ids;
  }

  private static boolean includeUnknown(JsonNode flag) {
    if (flag == null || flag.isNull()) {
      return false;
    }
    if (!flag.isBoolean()) {
      throw LookupError.invalidRequest(INCLUDE_UNKNOWN + " must be true or false");
    }
    return flag.booleanValue();
  }

  private static String describe(List<String> problems) {
    int listed = Math.min(problems.size(), LISTED_PROBLEMS);
    String more = problems.size() > listed ? "; and " + (problems.size() - listed) + " more" : "";
    return LIST
        + " holds "
        + problems.size()
        + (problems.size() == 1 ? " invalid entry" : " invalid entries")
        + " (positions count from 1): "
        + String.join("; ", problems.subList(0, listed))
        + more
        + ". Send each as a string of 11 digits with a valid date and both mod-11 control"
        + " digits.";
  }

  private static String type(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
