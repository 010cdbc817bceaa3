package io.krrkit.local.krr.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.krrkit.core.krr.KrrJson;

/**
 * Writes answers with {@link KrrJson}'s mapper, so timestamps read {@code 2023-06-10T21:00:01+02}
 * and absent fields are left out, as in KRR.
 */
final class JsonWriter {
  private final ObjectMapper mapper = KrrJson.newObjectMapper();

  /** The mapper, for reading request bodies with the same configuration. */
  ObjectMapper mapper() {
    return mapper;
  }

  void write(Context ctx, int status, Object body) {
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
    }
    ctx.status(status).contentType("application/json;charset=UTF-8").result(bytes);
  }
}
