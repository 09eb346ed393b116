package dev.optlab.data;

/**
 * Refuses work the heap cannot hold, before allocating any of it, so a data set or a training
 * run too large is a message at its statement (with what it needs and how to raise the limit)
 * instead of an out-of-memory failure halfway through a session. {@link #outOfMemory} words the
 * message for when an estimate was short and the heap ran out anyway.
 */
public final class HeapCheck {
  private HeapCheck() {}

  /**
   * @param smaller how else to make it fit: "read fewer rows with rows = N"
   * @throws DataError when {@code bytes} more would not fit in the heap's free room
   */
  static void require(long bytes, String what, String smaller) {
    require(bytes, what, smaller, "float64");
  }

  /** @param held how the values are held: "float64", or "bytes" for 8-bit images */
  static void require(long bytes, String what, String smaller, String held) {
    String refusal = refusal(bytes, what + " needs", held);
    if (refusal != null) {
      throw new DataError(refusal + " or " + smaller);
    }
  }

  /**
   * Null when {@code bytes} more fit in the heap's free room; otherwise why not, starting with
   * {@code needs} ("blobs(...) needs"), ending with how to raise the limit.
   */
  public static String refusal(long bytes, String needs) {
    return refusal(bytes, needs, "float64");
  }

  private static String refusal(long bytes, String needs, String held) {
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    long room = rt.maxMemory() - used;
    if (bytes > room) {
      System.gc(); // garbage may be most of "used"; ask once before refusing
      used = rt.totalMemory() - rt.freeMemory();
      room = rt.maxMemory() - used;
    }
    if (bytes <= room) {
      return null;
    }
    return needs + " about " + mb(bytes) + " MB of memory as " + held + ", but only "
        + mb(Math.max(room, 0)) + " MB of the " + mb(rt.maxMemory()) + " MB heap is free; "
        + raise(bytes + used);
  }

  /** What to say when the heap ran out although no estimate refused the statement. */
  public static String outOfMemory() {
    return "out of memory: this statement needs more than the " + mb(Runtime.getRuntime()
        .maxMemory()) + " MB heap; raise the limit with OPTLAB_HEAP (for example OPTLAB_HEAP=8g"
        + " ./optlab ...)";
  }

  private static String raise(long total) {
    return "raise the limit with OPTLAB_HEAP (for example OPTLAB_HEAP=" + suggest(total)
        + " ./optlab ...)";
  }

  private static long mb(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }

  /** A heap size in whole gigabytes with room to train: twice what is needed, at least 2g. */
  private static String suggest(long bytes) {
    long g = Math.max(2, (2 * bytes + (1L << 30) - 1) >> 30);
    return g + "g";
  }
}
