package io.krrkit.local.internal.web.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A submitted (or prefilled) form and what is wrong with it, for the templates: each field's value
 * and its message, shown next to the field ({@code tag/textfield.jte}) and in the error summary at
 * the top ({@code tag/errorsummary.jte}). Field names are the HTML {@code name} and {@code id} of
 * the input, so the summary links to it.
 */
public final class Form {
  private final Map<String, String> values;
  private final Map<String, String> errors = new LinkedHashMap<>();

  /** A form holding {@code values} (field name to text). */
  public Form(Map<String, String> values) {
    this.values = new LinkedHashMap<>(values);
  }

  /** An empty form. */
  public static Form empty() {
    return new Form(Map.of());
  }

  /** The value of {@code field}, or the empty string. */
  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  /** The value of {@code field}, trimmed; {@code null} when blank. */
  public String trimmed(String field) {
    String value = value(field).strip();
    return value.isEmpty() ? null : value;
  }

  /** The non-blank lines of {@code field}. */
  public List<String> lines(String field) {
    return value(field).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** The space- or newline-separated words of {@code field}. */
  public List<String> words(String field) {
    String value = value(field).strip();
    return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
  }

  /** Sets a value (to prefill a form). */
  public Form with(String field, String value) {
    values.put(field, value == null ? "" : value);
    return this;
  }

  /** Records that {@code field} is wrong; the first message per field wins. */
  public void reject(String field, String message) {
    errors.putIfAbsent(field, message);
  }

  /** The message of {@code field}, or {@code null}. */
  public String error(String field) {
    return errors.get(field);
  }

  /** {@code "true"} when {@code field} has a message, else {@code null} (attribute left out). */
  public String invalid(String field) {
    return errors.containsKey(field) ? "true" : null;
  }

  /** True when any field has a message. */
  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** Every message by field, in the order found. */
  public Map<String, String> errors() {
    return Collections.unmodifiableMap(errors);
  }
}
