package io.krrkit.local.internal.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.krrkit.core.InvalidIdentifierException;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.Person;
import io.krrkit.local.internal.krr.RegisterEntry;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Reads a person in KRR's JSON field names into a {@link RegisterEntry} for the operator API,
 * refusing inconsistent persons with a message that says what to fix (and never echoes values).
 */
final class PersonBody {
  private static final String EXAMPLE =
      "{\"reservasjon\":\"NEI\",\"kontaktinformasjon\":{\"epostadresse\":\"kari@example.com\","
          + "\"epostadresse_oppdatert\":\"2024-06-10T21:00:01+02\"},\"spraak\":\"nb\"}";

  private final ObjectMapper json;

  PersonBody(ObjectMapper json) {
    this.json = json;
  }

  /** The body as a JSON object. */
  JsonNode object(String body) {
    JsonNode root;
    try {
      root = body == null || body.isBlank() ? null : json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AdminRequestException("the body is not valid JSON; send e.g. " + EXAMPLE);
    }
    if (root == null || !root.isObject()) {
      throw new AdminRequestException("the body must be a JSON object, e.g. " + EXAMPLE);
    }
    return root;
  }

  /** The entry {@code body} describes for {@code id}; the body may leave the id out. */
  RegisterEntry entry(Personidentifikator id, JsonNode body) {
    ObjectNode person = ((ObjectNode) body).deepCopy();
    JsonNode given = person.get("personidentifikator");
    if (given != null && !given.isNull() && !id.value().equals(given.asText())) {
      throw new AdminRequestException(
          "personidentifikator in the body differs from the one in the path; leave it out");
    }
    person.put("personidentifikator", id.value());
    Person parsed;
    try {
      parsed = json.treeToValue(person, Person.class);
    } catch (JsonMappingException e) {
      // Jackson's message may quote the value; name the field only.
      throw new AdminRequestException(
          "cannot read field "
              + fieldPath(e)
              + " of the person; use KRR's field names and values, e.g. "
              + EXAMPLE);
    } catch (JsonProcessingException e) {
      throw new AdminRequestException("cannot read the person; send e.g. " + EXAMPLE);
    }
    requireCertificate(parsed.sertifikat());
    try {
      return RegisterEntry.from(parsed);
    } catch (InvalidIdentifierException e) {
      throw new AdminRequestException("the identity number fails " + e.rule());
    } catch (IllegalArgumentException e) {
      throw new AdminRequestException(e.getMessage());
    }
  }

  /** Serialises a person; writing a record cannot fail. */
  byte[] write(Person person) {
    try {
      return json.writeValueAsBytes(person);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a person", e);
    }
  }

  private static String fieldPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static void requireCertificate(String base64) {
    if (base64 == null) {
      return;
    }
    try {
      CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    } catch (IllegalArgumentException | CertificateException e) {
      throw new AdminRequestException(
          "sertifikat must be a base64 DER X.509 certificate (no PEM header or line breaks)");
    }
  }
}
