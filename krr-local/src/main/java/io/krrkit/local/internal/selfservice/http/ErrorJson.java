package io.krrkit.local.internal.selfservice.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The self-service API's error envelope, as real answers carry it (spec.md#self-service-errors):
 * {@code error} and {@code error_description} join the messages, each after {@code ", "}.
 */
record ErrorJson(
    int status,
    String timestamp,
    String correlationId,
    List<Entry> errors,
    String error,
    String errorDescription) {

  /** One error; the names are camelCase in real answers, unlike the rest. */
  record Entry(
      @JsonProperty("errorMessage") String errorMessage,
      @JsonProperty("isFieldError") boolean isFieldError,
      @JsonProperty("objectName") String objectName,
      @JsonProperty("fieldIdentifier") @JsonInclude(JsonInclude.Include.NON_NULL)
          String fieldIdentifier) {}
}
