package dev.optlab.check;

/**
 * Thrown where a statement uses a name whose own declaration just failed: that error is already
 * reported, so this one is not.
 */
final class Cascade extends RuntimeException {
  Cascade() {
    super(null, null, false, false);
  }
}
