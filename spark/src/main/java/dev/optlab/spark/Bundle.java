package dev.optlab.spark;

import dev.optlab.exec.SweepScript;
import java.io.Serializable;
import java.util.List;

/**
 * A sweep as its tasks need it, broadcast once to each executor: the script's declarations and
 * sweep statement, and the bytes of each data file it reads, so workers need no shared disk.
 *
 * @param id tells the sweeps of a session apart: an executor checks each one once
 */
record Bundle(String id, SweepScript script, List<byte[]> data) implements Serializable {}
