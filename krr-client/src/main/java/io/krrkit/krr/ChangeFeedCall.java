package io.krrkit.krr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.krr.EndringerRequest;
import io.krrkit.core.krr.EndringerResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One {@code POST /rest/v2/krr/hentEndringer}, waited for: 429, 5xx and I/O failures are retried as
 * the {@link RetryPolicy} says; a 401 drops the token and is tried once more (see {@link
 * KrrHttpCall}).
 */
final class ChangeFeedCall {
  private final ObjectMapper mapper;
  private final KrrHttpCall call;

  ChangeFeedCall(KrrHttpCall call, ObjectMapper mapper) {
    this.mapper = mapper;
    this.call = call;
  }

  EndringerResponse send(long fraEndringsId) {
    CompletableFuture<ResponseBody> answer =
        call.send(write(new EndringerRequest(fraEndringsId)), "");
    try {
      return parse(answer.get().bytes());
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new KrrTransportException("Interrupted while waiting for the KRR change feed", e);
    } catch (ExecutionException e) {
      throw KrrClient.unchecked(e.getCause());
    }
  }

  private byte[] write(EndringerRequest request) {
    try {
      return mapper.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a hentEndringer request", e);
    }
  }

  private EndringerResponse parse(byte[] body) {
    try {
      JsonNode json = mapper.readTree(body);
      if (json == null || !json.path("list").isArray() || !json.has("sisteEndringsId")) {
        throw new KrrResponseException(
            "KRR answered 200 without list and sisteEndringsId (POST " + call.uri() + ")", null);
      }
      return mapper.treeToValue(json, EndringerResponse.class);
    } catch (IOException e) {
      // Jackson's message may quote values from the answer, so it is left out.
      throw new KrrResponseException(
          "KRR answered 200 with a change feed page the client cannot read (POST "
              + call.uri()
              + ")",
          null);
    }
  }
}
