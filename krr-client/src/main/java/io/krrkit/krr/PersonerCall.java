package io.krrkit.krr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.PersonerRequest;
import io.krrkit.core.krr.PersonerResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code POST /rest/vN/personer} with its retries: 429, 5xx and I/O failures are retried as the
 * {@link RetryPolicy} says; a 401 makes the token source drop its token and is tried once more with
 * a new one (see {@link KrrHttpCall}).
 */
final class PersonerCall {
  private static final TypeReference<List<Person>> PERSONS = new TypeReference<>() {};

  private final ObjectMapper mapper;
  private final KrrHttpCall call;

  PersonerCall(KrrHttpCall call, ObjectMapper mapper) {
    this.mapper = mapper;
    this.call = call;
  }

  /** Sends {@code request}; {@code label} (e.g. "batch 2 of 3") names it in log lines. */
  CompletableFuture<PersonerResponse> send(PersonerRequest request, String label) {
    return call.send(write(request), label).thenApply(this::parse);
  }

  private byte[] write(PersonerRequest request) {
    try {
      return mapper.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a personer request", e);
    }
  }

  /**
   * Reads the answer as a stream, straight into {@link Person}s (no tree in between: a bulk lookup
   * reads millions); other top-level fields are skipped.
   */
  private PersonerResponse parse(ResponseBody body) {
    try (JsonParser json = mapper.createParser(body.stream())) {
      List<Person> personer = null;
      if (json.nextToken() == JsonToken.START_OBJECT) {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          boolean isList = "personer".equals(json.currentName());
          JsonToken value = json.nextToken();
          if (isList) {
            if (value == JsonToken.START_ARRAY) {
              personer = json.readValueAs(PERSONS);
            } else {
              personer = null; // not a list: refused below, its content not read as fields
              json.skipChildren();
            }
          } else {
            json.skipChildren();
          }
        }
      }
      if (personer == null) {
        throw new KrrResponseException(
            "KRR answered 200 without a \"personer\" list (POST " + call.uri() + "); is this KRR?",
            null);
      }
      if (personer.contains(null)) {
        throw unreadable("a null in the personer list");
      }
      return new PersonerResponse(personer);
    } catch (JsonMappingException e) {
      throw unreadable("at " + e.getPathReference());
    } catch (IOException e) {
      throw unreadable("not JSON");
    }
  }

  private KrrResponseException unreadable(String where) {
    // Jackson's own message may quote values from the answer, so it is left out.
    return new KrrResponseException(
        "KRR answered 200 with a personer answer the client cannot read ("
            + where
            + ", POST "
            + call.uri()
            + "); report it with the time of the lookup.",
        null);
  }
}
