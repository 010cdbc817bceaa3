package io.krrkit.testsupport;

import java.util.List;

/**
 * Where a {@link RequestVerifier} reads the request journal: the emulator in the test's JVM
 * (krr-junit) or its operator API over HTTP ({@link OperatorApiClient#journal()},
 * krr-testcontainers).
 */
public interface JournalSource {
  /** Every request the journal holds, newest first. */
  List<JournalEntry> entries();

  /** Forgets every request recorded so far. */
  void clear();
}
