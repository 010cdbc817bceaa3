package io.krrkit.krr;

/**
 * One entry of a bulk lookup: an identity number as read, with the line it came from. The value is
 * checked by {@link BulkLookup}; an invalid one becomes a {@link BulkRow.Rejected} row, not a
 * failure.
 *
 * <p>{@link #toString()} masks the value.
 *
 * @param line where the value came from (1-based line number, or any increasing position)
 * @param value the identity number as read, ideally already trimmed; may be {@code null}
 */
public record BulkInput(long line, String value) {

  /** Checks the line number. */
  public BulkInput {
    if (line < 1) {
      throw new IllegalArgumentException("line must be at least 1, was " + line);
    }
  }

  @Override
  public String toString() {
    return "BulkInput[line=" + line + ", value=" + io.krrkit.core.Masking.identifier(value) + "]";
  }
}
