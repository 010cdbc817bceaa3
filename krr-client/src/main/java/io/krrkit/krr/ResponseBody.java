package io.krrkit.krr;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body as the chunks the HTTP client received, read as a stream: a 1000-person answer
 * (about 1 MB) is never copied into one array, which on a small heap would be a humongous object
 * for the garbage collector at every batch.
 */
final class ResponseBody {
  /** Collects the body's chunks as they arrive. */
  static final HttpResponse.BodyHandler<ResponseBody> HANDLER = info -> new Chunks();

  private final List<ByteBuffer> chunks;

  private ResponseBody(List<ByteBuffer> chunks) {
    this.chunks = chunks;
  }

  /** The body from its first byte; each call starts again. */
  InputStream stream() {
    List<InputStream> parts = new ArrayList<>(chunks.size());
    for (ByteBuffer chunk : chunks) {
      parts.add(new ByteBufferInput(chunk.duplicate()));
    }
    return new SequenceInputStream(Collections.enumeration(parts));
  }

  /** The body in one array (error answers, which are small). */
  byte[] bytes() {
    int length = 0;
    for (ByteBuffer chunk : chunks) {
      length += chunk.remaining();
    }
    byte[] all = new byte[length];
    int at = 0;
    for (ByteBuffer chunk : chunks) {
      int n = chunk.remaining();
      chunk.duplicate().get(all, at, n);
      at += n;
    }
    return all;
  }

  /** The subscriber the handler gives the HTTP client. */
  private static final class Chunks implements HttpResponse.BodySubscriber<ResponseBody> {
    private final List<ByteBuffer> received = new ArrayList<>();
    private final CompletableFuture<ResponseBody> body = new CompletableFuture<>();

    @Override
    public CompletionStage<ResponseBody> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      received.addAll(item); // the client hands each buffer over for good
    }

    @Override
    public void onError(Throwable failure) {
      body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      body.complete(new ResponseBody(List.copyOf(received)));
    }
  }

  /** One chunk as a stream. */
  private static final class ByteBufferInput extends InputStream {
    private final ByteBuffer buffer;

    ByteBufferInput(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public int read() {
      return buffer.hasRemaining() ? buffer.get() & 0xFF : -1;
    }

    @Override
    public int read(byte[] into, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (!buffer.hasRemaining()) {
        return -1;
      }
      int n = Math.min(len, buffer.remaining());
      buffer.get(into, off, n);
      return n;
    }

    @Override
    public int available() {
      return buffer.remaining();
    }
  }
}
