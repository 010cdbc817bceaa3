package io.krrkit.local.internal.krr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document at {@code {krr}/v3/api-docs} parses and names every KRR endpoint. */
class ApiDocsTest {
  static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void servesAnOpenApi3DocumentListingTheKrrPaths() {
    Answer answer = fx.get(fx.krrLocal().kontaktregisteretUrl() + "/v3/api-docs");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("openapi").asText()).startsWith("3.");
    List<String> paths = new ArrayList<>();
    answer.json().get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .contains("/rest/v1/personer", "/rest/v2/personer", "/rest/v2/krr/hentEndringer");
  }

  @Test
  void everyReferenceResolvesToAComponent() {
    JsonNode doc = fx.get(fx.krrLocal().kontaktregisteretUrl() + "/v3/api-docs").json();

    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);

    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  @Test
  void theDocumentedScopesAreTheOnesTheEndpointsCheck() {
    JsonNode doc = fx.get(fx.krrLocal().kontaktregisteretUrl() + "/v3/api-docs").json();

    JsonNode feedScopes =
        doc.at("/paths/~1rest~1v2~1krr~1hentEndringer/post/security/0/maskinporten");
    JsonNode lookupScopes = doc.at("/paths/~1rest~1v2~1personer/post/security/0/maskinporten");

    assertThat(feedScopes.get(0).asText()).isEqualTo(Register.HENTENDRING_READ.value());
    List<String> lookup = new ArrayList<>();
    lookupScopes.forEach(s -> lookup.add(s.asText()));
    assertThat(lookup)
        .containsExactlyInAnyOrderElementsOf(
            Register.LOOKUP_SCOPES.stream().map(s -> s.value()).toList());
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }
}
