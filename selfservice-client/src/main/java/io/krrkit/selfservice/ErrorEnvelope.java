package io.krrkit.selfservice;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The API's error body: {@code {"status", "timestamp", "correlation_id", "errors":[{"errorMessage",
 * "isFieldError", "objectName", "fieldIdentifier"}], "error", "error_description"}}.
 */
record ErrorEnvelope(
    @JsonProperty("correlation_id") String correlationId,
    @JsonProperty("errors") List<Entry> errors,
    @JsonProperty("error") String error,
    @JsonProperty("error_description") String errorDescription) {

  /** Long server messages are cut in the exception message; {@code errors()} keeps them whole. */
  private static final int MESSAGE_MAX = 300;

  /** One entry of {@code errors}; camelCase in real answers, unlike the rest. */
  record Entry(
      @JsonProperty("errorMessage") String errorMessage,
      @JsonProperty("fieldIdentifier") String fieldIdentifier) {}

  /** The exception for a refused {@code call}, from whatever error body came with it. */
  static SelfServiceErrorException toException(
      Call call, int status, String body, ObjectMapper json) {
    ErrorEnvelope envelope = parse(body, json);
    List<FieldError> errors = envelope == null ? List.of() : envelope.fieldErrors();
    String correlationId = envelope == null ? null : envelope.correlationId();
    StringBuilder message =
        new StringBuilder().append(call).append(" was refused with ").append(status);
    if (!errors.isEmpty()) {
      message.append(": ").append(summary(errors));
    } else if (envelope == null) {
      message.append(" without the API's error JSON");
    }
    if (correlationId != null) {
      message.append(" (correlation_id ").append(correlationId).append(')');
    }
    message.append(advice(call, status));
    return new SelfServiceErrorException(message.toString(), status, correlationId, errors);
  }

  private static ErrorEnvelope parse(String body, ObjectMapper json) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      ErrorEnvelope envelope = json.readValue(body, ErrorEnvelope.class);
      return envelope != null && envelope.isEnvelope() ? envelope : null;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
  }

  /** False for JSON that shares none of the envelope's fields, e.g. another server's 404. */
  private boolean isEnvelope() {
    return correlationId != null || errors != null || error != null || errorDescription != null;
  }

  private List<FieldError> fieldErrors() {
    List<FieldError> list = new ArrayList<>();
    if (errors != null) {
      errors.stream()
          .filter(e -> e != null && e.errorMessage() != null && !e.errorMessage().isBlank())
          .forEach(e -> list.add(new FieldError(e.fieldIdentifier(), e.errorMessage())));
    }
    String fallback = errorDescription != null ? errorDescription : error;
    if (list.isEmpty() && fallback != null && !fallback.isBlank()) {
      // error and error_description join the messages, each after ", ".
      list.add(new FieldError(null, fallback.replaceFirst("^[,\\s]+", "")));
    }
    return list;
  }

  private static String summary(List<FieldError> errors) {
    return errors.stream().map(e -> cut(e.message())).collect(Collectors.joining("; "));
  }

  private static String cut(String s) {
    return s.length() <= MESSAGE_MAX ? s : s.substring(0, MESSAGE_MAX) + "…";
  }

  private static String notFound(Call call) {
    if (call.path().startsWith("/scopes")) {
      return "No such scope or access entry of your organisation (scopes().list() shows yours)";
    }
    return call.path().startsWith("/delegationsources")
        ? "No delegation sources here"
        : "No such client for your organisation (listClients() shows yours)";
  }

  private static String supplierHint(Call call) {
    return call.path().startsWith("/clients/") && !call.scope().equals(Scope.DCR_SUPPLIER)
        ? " (a customer's client takes idporten:dcr.supplier: build with supplier(true))"
        : "";
  }

  private static String advice(Call call, int status) {
    return switch (status) {
      case 401 ->
          ". The API did not accept the Maskinporten token: use the Maskinporten environment that"
              + " belongs to this self-service environment (test with test)";
      case 403 ->
          call.scope() == null
              ? ""
              : ". The admin client needs scope "
                  + call.scope()
                  + " for this call"
                  + supplierHint(call)
                  + "; ask Digdir (servicedesk@digdir.no) to grant it";
      case 404 -> ". " + notFound(call) + ", or the base URL does not point at the API";
      default ->
          status >= 500
              ? ". The API failed; try again later, and quote the correlation_id to Digdir if it"
                  + " persists"
              : "";
    };
  }
}
