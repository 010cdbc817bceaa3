package io.krrkit.local.internal.state.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.InvalidIdentifierException;
import io.krrkit.core.krr.Person;
import io.krrkit.local.internal.krr.RegisterEntry;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Reads a person of {@code persons.json}, in KRR's JSON (as {@code GET /admin/persons/{id}} shows
 * it), into a {@link RegisterEntry}. Problems name the field, never its value: an identity number
 * or an e-mail address never reaches a message.
 */
final class PersonReader {
  private PersonReader() {}

  /** The problem of an identity number that breaks {@code rule}; the number is never shown. */
  static String invalidIdentity(InvalidIdentifierException e) {
    return "personidentifikator is not a valid identity number (" + e.rule() + ")";
  }

  /** The entry, or null with the problem recorded at the item's line. */
  static RegisterEntry entry(ObjectMapper krr, StateReader.Item item, Problems problems) {
    JsonNode id = item.node().get("personidentifikator");
    if (id == null || !id.isTextual()) {
      item.problem(problems, "personidentifikator is required: an 11-digit identity number");
      return null;
    }
    Person person;
    try {
      person = krr.treeToValue(item.node(), Person.class);
    } catch (JsonMappingException e) {
      String path =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      item.problem(problems, "field " + path + " cannot be read; use KRR's field names and values");
      return null;
    } catch (JsonProcessingException e) {
      item.problem(problems, "the person cannot be read; use KRR's field names and values");
      return null;
    }
    if (person.sertifikat() != null && !isCertificate(person.sertifikat())) {
      item.problem(
          problems,
          "sertifikat must be a base64 DER X.509 certificate (no PEM header or line breaks)");
      return null;
    }
    try {
      return RegisterEntry.from(person);
    } catch (InvalidIdentifierException e) {
      item.problem(problems, invalidIdentity(e));
    } catch (IllegalArgumentException e) {
      // The entry's rules name fields; drop any value a message might end with.
      item.problem(problems, e.getMessage().replaceAll(", was .*$", ""));
    }
    return null;
  }

  private static boolean isCertificate(String base64) {
    try {
      CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
      return true;
    } catch (IllegalArgumentException | CertificateException e) {
      return false;
    }
  }
}
