package io.krrkit.selfservice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.krr.KrrJson;

/** The mapper for the self-service API's JSON. */
final class Json {
  private Json() {}

  /**
   * KRR's mapper (timestamps with any offset form, unknown fields ignored, nulls left out), reading
   * values of enums this version does not know, such as a new integration type, as {@code null}.
   */
  static ObjectMapper newMapper() {
    ObjectMapper mapper = KrrJson.newObjectMapper();
    mapper.enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
    return mapper;
  }
}
