package io.krrkit.krr;

import java.io.IOException;

/**
 * Receives a bulk lookup's rows, in input order, on the thread that runs the lookup. A slow sink
 * slows reading: no more than the lookup's window of batches waits in memory.
 */
public interface BulkSink {

  /** Takes the next row. */
  void accept(BulkRow row) throws IOException;

  /**
   * Called after the rows of each batch, with the counts of every row so far: the place to flush
   * output and record a checkpoint, since every row up to the last one accepted is complete.
   */
  default void batchDone(BulkSummary soFar) throws IOException {}
}
