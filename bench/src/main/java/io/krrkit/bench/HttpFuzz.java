package io.krrkit.bench;

import io.krrkit.bench.fuzz.FuzzRun;

/**
 * A mutation fuzzer over HTTP: starts krr-local on a free port, registers what every service needs
 * through its public API, then sends mutated copies of valid requests of each service (token form
 * and grant claims, self-service JSON, KRR lookups and change feed, ID-porten authorize and token,
 * the web page's forms including multipart, headers; the operator API with {@code --admin}). Every
 * answer must be below 500, free of Java internals ({@code Exception}, {@code at io.}, {@code
 * java.}, {@code org.eclipse.jetty}, class names) and come within 10 s. Prints counts per service
 * and the first findings; exits 1 when there are any.
 *
 * <pre>
 * bench/http-fuzz.sh --requests 20000 --seed 1 --admin
 * java -cp bench/target/bench.jar io.krrkit.bench.HttpFuzz --requests 2000 --save target/fuzz
 * </pre>
 */
public final class HttpFuzz {
  private HttpFuzz() {}

  public static void main(String[] args) throws Exception {
    System.exit(FuzzRun.run(args));
  }
}
