package io.krrkit.bench;

/** One kind of request the load generator sends; {@link #call()} is made from many threads. */
interface Scenario {
  /** Sends one request and checks its answer; returns the persons it covered (or 1). */
  int call() throws Exception;

  /** A short name for the results table. */
  String name();
}
