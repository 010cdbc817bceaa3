package io.krrkit.core.krr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The one Jackson configuration for KRR JSON, shared by the client and the emulator: KRR timestamps
 * in every form, empty strings read as absent, unknown fields ignored, absent fields not written.
 */
public final class KrrJson {
  private KrrJson() {}

  /** A new mapper configured for KRR JSON. Mappers are thread-safe; keep one. */
  public static ObjectMapper newObjectMapper() {
    SimpleModule timestamps = new SimpleModule("krr-timestamps");
    timestamps.addSerializer(OffsetDateTime.class, new TimestampSerializer());
    timestamps.addDeserializer(OffsetDateTime.class, new TimestampDeserializer());
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(timestamps)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    // Real answers carry "" where nothing is registered.
    mapper
        .coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
    mapper
        .coercionConfigFor(LogicalType.POJO)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
    return mapper;
  }

  private static final class TimestampSerializer extends JsonSerializer<OffsetDateTime> {
    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(KrrTimestamps.format(value));
    }
  }

  private static final class TimestampDeserializer extends JsonDeserializer<OffsetDateTime> {
    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
      }
      String text = p.getText();
      try {
        return KrrTimestamps.parse(text);
      } catch (DateTimeParseException e) {
        return (OffsetDateTime)
            ctxt.handleWeirdStringValue(OffsetDateTime.class, text, "not a KRR timestamp");
      }
    }
  }
}
