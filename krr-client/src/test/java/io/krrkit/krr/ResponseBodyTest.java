package io.krrkit.krr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class ResponseBodyTest {

  @Test
  void readsTheChunksInOrderAsOneStreamEachTimeAndAsOneArray() throws Exception {
    HttpResponse.BodySubscriber<ResponseBody> subscriber = ResponseBody.HANDLER.apply(null);
    long[] asked = new long[1];
    subscriber.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {
            asked[0] += n;
          }

          @Override
          public void cancel() {}
        });
    subscriber.onNext(List.of(chunk("{\"perso"), chunk("ner\":[")));
    subscriber.onNext(List.of(chunk(""), chunk("{\"æ\":1}]}")));
    subscriber.onComplete();

    ResponseBody body = subscriber.getBody().toCompletableFuture().get();

    String whole = "{\"personer\":[{\"æ\":1}]}";
    assertThat(asked[0]).isEqualTo(Long.MAX_VALUE);
    assertThat(text(body.stream())).isEqualTo(whole);
    assertThat(text(body.stream())).as("read again").isEqualTo(whole);
    assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo(whole);
    try (InputStream in = body.stream()) {
      assertThat(in.read()).isEqualTo('{');
      assertThat(in.readNBytes(6)).asString(StandardCharsets.UTF_8).isEqualTo("\"perso");
    }
  }

  @Test
  void failsTheBodyWhenTheConnectionFails() {
    HttpResponse.BodySubscriber<ResponseBody> subscriber = ResponseBody.HANDLER.apply(null);
    subscriber.onNext(List.of(chunk("{")));
    subscriber.onError(new IOException("reset"));

    assertThat(subscriber.getBody().toCompletableFuture()).isCompletedExceptionally();
  }

  private static ByteBuffer chunk(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
  }

  private static String text(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
