package io.krrkit.krr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.krr.PersonerRequest;
import io.krrkit.core.krr.PersonerResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code POST /rest/vN/personer} with its retries: 429, 5xx and I/O failures are retried as the
 * {@link RetryPolicy} says; a 401 makes the token source drop its token and is tried once more with
 * a new one (see {@link KrrHttpCall}).
 */
final class PersonerCall {
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

  private PersonerResponse parse(byte[] body) {
    try {
      JsonNode json = mapper.readTree(body);
      if (json == null || !json.path("personer").isArray()) {
        throw new KrrResponseException(
            "KRR answered 200 without a \"personer\" list (POST " + call.uri() + "); is this KRR?",
            null);
      }
      return mapper.treeToValue(json, PersonerResponse.class);
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
