package io.krrkit.local.internal.selfservice.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The self-service API's documentation: the hand-written OpenAPI 3 document ({@code openapi.json}
 * next to this class) at {@code {base}/selvbetjening/v3/api-docs}, and Swagger UI at {@code
 * {base}/selvbetjening/swagger-ui/index.html} from the {@code org.webjars:swagger-ui} jar. Every
 * link is relative, so both work behind any base URL; the document's server is {@code ../api/v1},
 * which OpenAPI resolves against the document's own URL.
 */
final class ApiDocs {
  static final String DOCS = "/selvbetjening/v3/api-docs";
  static final String UI = "/selvbetjening/swagger-ui";

  private static final String WEBJAR =
      "/META-INF/resources/webjars/swagger-ui/" + webJarVersion() + "/";
  private static final String OWN = "/io/krrkit/local/internal/selfservice/http/";
  // The files Swagger UI's page loads: ours (the page and its start script) and the web jar's.
  private static final Map<String, Asset> ASSETS =
      Map.of(
          "index.html", new Asset(OWN + "swagger-ui.html", "text/html;charset=UTF-8"),
          "krr-swagger-init.js", new Asset(OWN + "swagger-init.js", "text/javascript"),
          "swagger-ui-bundle.js", new Asset(WEBJAR + "swagger-ui-bundle.js", "text/javascript"),
          "swagger-ui.css", new Asset(WEBJAR + "swagger-ui.css", "text/css"),
          "favicon-32x32.png", new Asset(WEBJAR + "favicon-32x32.png", "image/png"),
          "favicon-16x16.png", new Asset(WEBJAR + "favicon-16x16.png", "image/png"));

  private record Asset(String resource, String contentType) {}

  private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

  void register(RoutesConfig routes) {
    routes.get(DOCS, this::document);
    routes.get(UI, ctx -> ctx.redirect("swagger-ui/index.html", HttpStatus.FOUND));
    routes.get(UI + "/", ctx -> ctx.redirect("index.html", HttpStatus.FOUND));
    routes.get(UI + "/{file}", this::asset);
  }

  private void document(Context ctx) {
    ctx.contentType("application/json;charset=UTF-8").result(load(OWN + "openapi.json"));
  }

  private void asset(Context ctx) {
    Asset asset = ASSETS.get(ctx.pathParam("file"));
    if (asset == null) {
      ctx.status(404).contentType("text/plain;charset=UTF-8").result("Not found");
      return;
    }
    ctx.header("Cache-Control", "max-age=3600");
    ctx.contentType(asset.contentType()).result(load(asset.resource()));
  }

  /** The web jar's version, from its Maven metadata, so a version bump in the POM is enough. */
  private static String webJarVersion() {
    String metadata = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    Properties properties = new Properties();
    try (InputStream in = ApiDocs.class.getResourceAsStream(metadata)) {
      if (in == null) {
        throw new IllegalStateException("org.webjars:swagger-ui is not on the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + metadata, e);
    }
    return properties.getProperty("version");
  }

  private byte[] load(String resource) {
    return loaded.computeIfAbsent(resource, ApiDocs::read);
  }

  private static byte[] read(String resource) {
    try (InputStream in = ApiDocs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
