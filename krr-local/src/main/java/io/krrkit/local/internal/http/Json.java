package io.krrkit.local.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.krrkit.core.krr.KrrJson;

/**
 * The emulator's one JSON configuration. Every mapper reads with the same limits, so a hostile body
 * is refused by the parser (as a 400 in the service's shape) before it costs memory or stack: at
 * most {@value #MAX_DEPTH} levels of nesting, strings of at most {@value #MAX_STRING_LENGTH}
 * characters and numbers of at most {@value #MAX_NUMBER_LENGTH} digits. Trailing tokens after the
 * document are refused; unknown fields are ignored (clients send back what they read).
 *
 * <p>Three flavours, as the services name their fields: {@link #plain()} (names as declared),
 * {@link #krr()} (KRR's model and timestamps, shared with krr-client) and {@link #snakeCase()} (the
 * self-service API). All are thread-safe and shared.
 */
public final class Json {
  /** Deepest nesting of objects and arrays read. */
  public static final int MAX_DEPTH = 64;

  /** Longest string read (a JWKS with a certificate chain fits easily). */
  public static final int MAX_STRING_LENGTH = 200_000;

  /** Longest number read, in characters. */
  public static final int MAX_NUMBER_LENGTH = 64;

  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .build();

  private static final ObjectMapper PLAIN = limited(JsonMapper.builder(factory())).build();
  private static final ObjectMapper SNAKE_CASE =
      limited(JsonMapper.builder(factory()))
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .build();
  private static final ObjectMapper KRR = krrMapper();

  private Json() {}

  /** Field names as declared. */
  public static ObjectMapper plain() {
    return PLAIN;
  }

  /** KRR's model (krr-core's {@link KrrJson}): its names, timestamps and empty-string rules. */
  public static ObjectMapper krr() {
    return KRR;
  }

  /** snake_case names, as the self-service API writes them. */
  public static ObjectMapper snakeCase() {
    return SNAKE_CASE;
  }

  /**
   * {@code value} as JSON text, written by {@code mapper}.
   *
   * @throws IllegalStateException when the value does not serialise (a programming error)
   */
  public static String text(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("an answer did not serialise", e);
    }
  }

  private static JsonFactory factory() {
    return JsonFactory.builder().streamReadConstraints(LIMITS).build();
  }

  private static JsonMapper.Builder limited(JsonMapper.Builder builder) {
    return builder
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private static ObjectMapper krrMapper() {
    ObjectMapper mapper = KrrJson.newObjectMapper();
    mapper.getFactory().setStreamReadConstraints(LIMITS);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    return mapper;
  }
}
