package io.krrkit.local.internal.krr.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of every refused lookup (400, 401, 403): {@code {"status":400,"error":"invalid_request",
 * "error_description":"...","timestamp":"2024-05-01T10:00:00.123Z"}}. KRR's real error bodies are
 * undocumented; this shape is our decision (spec.md#lookup-errors).
 */
@JsonPropertyOrder({"status", "error", "error_description", "timestamp"})
record ErrorBody(
    @JsonProperty("status") int status,
    @JsonProperty("error") String error,
    @JsonProperty("error_description") String errorDescription,
    @JsonProperty("timestamp") String timestamp) {}
