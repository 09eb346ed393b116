package dev.optlab.data;

/**
 * The one random number generator of data sets, initializers and minibatch shuffles: SplitMix64
 * (Steele, Lea &amp; Flood, "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014),
 * written out here rather than borrowed from the JDK so that a seed gives the same numbers on
 * every JDK, forever. Not thread-safe; each use makes its own from a seed and a stream number.
 */
public final class Rng {
  /** The streams one seed feeds: which use a generator serves, so uses never share numbers. */
  public static final long SPLIT = 1;
  public static final long INIT = 2;
  public static final long SHUFFLE = 3;
  public static final long GENERATE = 4;

  private long state;
  private double spare = Double.NaN;

  public Rng(long seed) {
    this.state = seed;
  }

  /**
   * Where the generator stands, for a checkpoint: {@link #resume} of it draws the same numbers
   * from here on (a pending Gaussian aside, which shuffles never leave).
   */
  public long state() {
    return state;
  }

  /** A generator standing where {@link #state()} said. */
  public static Rng resume(long state) {
    return new Rng(state);
  }

  /** A generator for one use ({@link #INIT}, {@link #SHUFFLE}, ...) of a user's seed. */
  public static Rng of(long seed, long stream) {
    return new Rng(mix(seed) ^ mix(0x632BE59BD9B4E019L * stream));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public long nextLong() {
    return mix(state += 0x9E3779B97F4A7C15L);
  }

  /** Uniform in [0, 1), 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound), without modulo bias. */
  public int nextInt(int bound) {
    long bits;
    long value;
    do {
      bits = nextLong() >>> 1;
      value = bits % bound;
    } while (bits - value + (bound - 1) < 0);
    return (int) value;
  }

  /** Standard normal, by the Box-Muller transform (pairs: the second value is kept for the next call). */
  public double nextGaussian() {
    if (spare == spare) {
      double s = spare;
      spare = Double.NaN;
      return s;
    }
    double u1 = 1 - nextDouble(); // (0, 1]: log(u1) is finite
    double u2 = nextDouble();
    double r = Math.sqrt(-2 * Math.log(u1));
    double t = 2 * Math.PI * u2;
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  }

  /** Fisher-Yates, from the last element down. */
  public void shuffle(int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** {@code 0, 1, ..., n - 1} shuffled. */
  public int[] permutation(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    shuffle(a);
    return a;
  }
}
