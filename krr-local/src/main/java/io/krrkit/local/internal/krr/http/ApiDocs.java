package io.krrkit.local.internal.krr.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The hand-written OpenAPI 3 document of the emulator's KRR endpoints ({@code openapi.json} next to
 * this class), served at {@code {base}/kontaktregisteret/v3/api-docs}.
 */
final class ApiDocs {
  private static final String RESOURCE = "openapi.json";

  private final byte[] document = load();

  void serve(Context ctx) {
    ctx.contentType("application/json;charset=UTF-8").result(document);
  }

  private static byte[] load() {
    try (InputStream in = ApiDocs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + " next to ApiDocs");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
