package dev.optlab.exec;

import dev.optlab.io.SafeTensors;
import dev.optlab.trace.Numbers;
import java.util.Map;

/**
 * The numbers of a checkpoint's metadata, which safetensors keeps as strings: whole counts in
 * decimal, floats as Python's repr writes them ({@link Checkpointer#numbers}), read strictly.
 */
final class CheckpointMeta {
  private CheckpointMeta() {}

  static long whole(Map<String, String> meta, String key) throws CheckpointError {
    long v = wholeOrNegative(meta, key);
    if (v < 0) {
      throw new CheckpointError("its metadata's " + key + " is negative");
    }
    return v;
  }

  static long wholeOrNegative(Map<String, String> meta, String key) throws CheckpointError {
    String v = meta.get(key);
    try {
      return Long.parseLong(v == null ? "" : v);
    } catch (NumberFormatException e) {
      throw new CheckpointError(v == null ? "its metadata has no " + key
          : "its metadata's " + key + " is not a whole number");
    }
  }

  /** Python's repr of a float, as {@link Checkpointer#numbers} writes it. */
  static double number(String key, String text) throws CheckpointError {
    try {
      return Numbers.parseRepr(text);
    } catch (NumberFormatException e) {
      throw new CheckpointError("its metadata's " + key + " holds '"
          + SafeTensors.printable(text) + "', not a number");
    }
  }
}
