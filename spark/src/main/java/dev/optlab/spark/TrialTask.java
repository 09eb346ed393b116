package dev.optlab.spark;

import java.io.Serializable;

/**
 * What one Spark task carries: the trial's number and its key (column values and resolved
 * configuration, {@code SweepTrial.key()}). The script itself goes once per sweep, broadcast
 * ({@link Bundle}).
 */
record TrialTask(int index, String key) implements Serializable {
  /** The resolved configuration, for messages: the key's last field. */
  String config() {
    return key.substring(key.lastIndexOf('\u0000') + 1);
  }
}
