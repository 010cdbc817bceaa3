package io.krrkit.local.internal.state;

import java.util.function.Supplier;

/** Runs work of many stores as one transaction: all of it is kept, or none. */
@FunctionalInterface
public interface Transaction {
  /** Runs {@code work}; what it wrote is committed when it returns, rolled back when it throws. */
  <T> T atomically(Supplier<T> work);
}
