package dev.optlab.data;

/**
 * Refuses to load data the heap cannot hold, before allocating any of it, so a data set too
 * large is a message at the {@code data} statement (with what it needs and how to raise the
 * limit) instead of an out-of-memory failure halfway through a session.
 */
final class HeapCheck {
  private HeapCheck() {}

  /** @throws DataError when {@code bytes} more would not fit in the heap's free room */
  static void require(long bytes, String what) {
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    long room = rt.maxMemory() - used;
    if (bytes > room) {
      System.gc(); // garbage may be most of "used"; ask once before refusing
      used = rt.totalMemory() - rt.freeMemory();
      room = rt.maxMemory() - used;
    }
    if (bytes > room) {
      throw new DataError(what + " needs " + mb(bytes) + " MB of memory as float64, but only "
          + mb(Math.max(room, 0)) + " MB of the " + mb(rt.maxMemory()) + " MB heap is free; "
          + "raise the limit with OPTLAB_HEAP (for example OPTLAB_HEAP=" + suggest(bytes + used)
          + " ./optlab ...) or read fewer rows with rows = N");
    }
  }

  private static long mb(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }

  /** A heap size in whole gigabytes with room to train: twice what the data needs, at least 2g. */
  private static String suggest(long bytes) {
    long g = Math.max(2, (2 * bytes + (1L << 30) - 1) >> 30);
    return g + "g";
  }
}
