package io.krrkit.local.internal.krr.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.Context;
import io.krrkit.core.krr.KrrJson;
import io.krrkit.local.internal.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes answers with {@link KrrJson}'s mapper, so timestamps read {@code 2023-06-10T21:00:01+02}
 * and absent fields are left out, as in KRR. Answers are written straight to the response stream (a
 * 1000-person answer is about a megabyte), with one writer built once.
 */
final class JsonWriter {
  private final ObjectMapper mapper = Json.krr();
  private final ObjectWriter writer =
      mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  /** The mapper, for reading request bodies with the same configuration. */
  ObjectMapper mapper() {
    return mapper;
  }

  void write(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json;charset=UTF-8");
    try {
      writer.writeValue(ctx.outputStream(), body);
    } catch (IOException e) {
      // The caller went away mid-answer; nothing more can be sent.
      throw new UncheckedIOException("writing the answer failed", e);
    }
  }
}
