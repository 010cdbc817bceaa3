package io.krrkit.local.internal.selfservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The self-service API's OpenAPI document at {@code {base}/selvbetjening/v3/api-docs} documents
 * every route {@link SelfServiceRoutes} registers and nothing else, and Swagger UI is served.
 */
class SelfServiceDocsTest {
  private static LocalFixture fx;
  private static String docsUrl;
  private static JsonNode doc;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    docsUrl = fx.krrLocal().selfServiceUrl() + "/v3/api-docs";
    doc = fx.get(docsUrl).json();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void documentsExactlyTheRegisteredRoutes() {
    Set<String> registered = new TreeSet<>();
    SelfServiceRoutes.ROUTES.forEach(
        r -> registered.add(r.method().name().toLowerCase(Locale.ROOT) + " " + r.path()));
    Set<String> documented = new TreeSet<>();
    doc.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(method -> documented.add(method + " " + path.getKey())));

    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(documented).isEqualTo(registered);
  }

  @Test
  void servesJsonWhoseServerIsTheSelfServiceBase() {
    Answer answer = fx.get(docsUrl);
    String server = doc.at("/servers/0/url").asText();

    assertThat(answer.response().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(URI.create(docsUrl).resolve(server).toString())
        .isEqualTo(fx.krrLocal().selfServiceUrl() + "/api/v1");
  }

  @Test
  void describesTheModelsTheBearerSchemeAndTheEnvelope() {
    JsonNode components = doc.get("components");

    assertThat(components.get("schemas").fieldNames())
        .toIterable()
        .contains(
            "Client", "Jwks", "OnBehalfOf", "Scope", "ScopeAccess", "DelegationSource", "Error");
    assertThat(components.at("/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
    assertThat(doc.at("/paths/~1scopes~1all/get/security")).isEmpty();
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  @Test
  void servesSwaggerUiFromTheWebJar() {
    String ui = fx.krrLocal().selfServiceUrl() + "/swagger-ui";

    Answer redirect = fx.get(ui);
    Answer index = fx.get(ui + "/index.html");
    Answer bundle = fx.get(ui + "/swagger-ui-bundle.js");
    Answer css = fx.get(ui + "/swagger-ui.css");
    Answer init = fx.get(ui + "/krr-swagger-init.js");
    Answer unknown = fx.get(ui + "/swagger-ui.js.map");

    assertThat(redirect.status()).isEqualTo(302);
    String location = redirect.response().headers().firstValue("Location").orElseThrow();
    assertThat(URI.create(ui).resolve(location).getPath())
        .isEqualTo("/selvbetjening/swagger-ui/index.html");
    assertThat(index.status()).isEqualTo(200);
    assertThat(contentType(index)).startsWith("text/html");
    assertThat(index.body()).contains("src=\"swagger-ui-bundle.js\"", "href=\"swagger-ui.css\"");
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(contentType(bundle)).startsWith("text/javascript");
    assertThat(bundle.body()).contains("SwaggerUIBundle");
    assertThat(contentType(css)).startsWith("text/css");
    assertThat(init.body()).contains("../v3/api-docs");
    assertThat(unknown.status()).isEqualTo(404);
  }

  private static String contentType(Answer answer) {
    return answer.response().headers().firstValue("Content-Type").orElseThrow();
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }
}
