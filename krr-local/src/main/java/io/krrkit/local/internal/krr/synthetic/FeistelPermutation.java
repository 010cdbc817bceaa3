package io.krrkit.local.internal.krr.synthetic;

/**
 * A seeded pseudo-random permutation of {@code [0, size)}: a balanced Feistel network on the
 * smallest even power of two that covers {@code size}, with cycle walking back into range. Gives
 * every index a distinct value without remembering any, so millions of unique identity numbers can
 * be drawn in constant memory.
 */
final class FeistelPermutation {
  private static final int ROUNDS = 4;

  private final long size;
  private final int halfBits;
  private final long halfMask;
  private final long[] roundKeys = new long[ROUNDS];

  FeistelPermutation(long seed, long size) {
    if (size < 2 || size > (1L << 62)) {
      throw new IllegalArgumentException("size must be 2..2^62, was " + size);
    }
    this.size = size;
    int bits = 64 - Long.numberOfLeadingZeros(size - 1);
    this.halfBits = (bits + 1) / 2;
    this.halfMask = (1L << halfBits) - 1;
    long k = seed;
    for (int r = 0; r < ROUNDS; r++) {
      k = mix(k + 0x9E3779B97F4A7C15L);
      roundKeys[r] = k;
    }
  }

  /** The image of {@code index}, in {@code [0, size)}. */
  long apply(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index must be in [0, " + size + "), was " + index);
    }
    long x = index;
    do {
      x = encrypt(x);
    } while (x >= size);
    return x;
  }

  /** The index whose image is {@code value}: the inverse of {@link #apply}. */
  long inverse(long value) {
    if (value < 0 || value >= size) {
      throw new IndexOutOfBoundsException("value must be in [0, " + size + "), was " + value);
    }
    // Walking the inverse cycle back out of the range undoes the forward walk.
    long x = value;
    do {
      x = decrypt(x);
    } while (x >= size);
    return x;
  }

  private long encrypt(long x) {
    long left = x >>> halfBits;
    long right = x & halfMask;
    for (long key : roundKeys) {
      long next = left ^ (mix(right ^ key) & halfMask);
      left = right;
      right = next;
    }
    return (left << halfBits) | right;
  }

  private long decrypt(long x) {
    long left = x >>> halfBits;
    long right = x & halfMask;
    for (int r = ROUNDS - 1; r >= 0; r--) {
      long previous = right ^ (mix(left ^ roundKeys[r]) & halfMask);
      right = left;
      left = previous;
    }
    return (left << halfBits) | right;
  }

  /** SplitMix64's finaliser: a fast, well-spread 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
