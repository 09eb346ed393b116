package dev.optlab.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How many threads the tensor kernels use ({@code --threads N}, {@code OPTLAB_THREADS}; by
 * default the available processors), and the pool they run on. Work is split by output rows
 * only: every element is computed by one thread exactly as one thread alone would, so results
 * are identical for any thread count.
 */
public final class Threads {
  private Threads() {}

  /** Products of fewer multiply-adds than this stay on the calling thread (a hand-off costs ~20 us). */
  static final long PARALLEL_WORK = 1L << 20;

  private static volatile int count = defaultCount();
  private static ExecutorService pool;

  private static int defaultCount() {
    String env = System.getenv("OPTLAB_THREADS");
    Integer n = env == null ? null : parse(env);
    return n != null ? n : Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  /** A thread count from text, or null when it is not a whole number from 1 to 256. */
  public static Integer parse(String text) {
    try {
      int n = Integer.parseInt(text.strip());
      return n >= 1 && n <= 256 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static void set(int n) {
    count = n;
  }

  public static int count() {
    return count;
  }

  /**
   * Threads whose own work is one of many run side by side (a sweep's trials): their products
   * stay on them, since the sweep already keeps every core busy and a hand-off would only queue.
   */
  private static final ThreadLocal<Boolean> SERIAL = ThreadLocal.withInitial(() -> false);

  /** Keeps the calling thread's products on it from now on (a sweep's worker threads). */
  public static void keepProductsOnThisThread() {
    SERIAL.set(true);
  }

  /** Whether work of this many multiply-adds is split among threads. */
  static boolean parallel(long work) {
    return count > 1 && work >= PARALLEL_WORK && !SERIAL.get();
  }

  /** Work over rows {@code [from, to)}. */
  interface RowTask {
    void run(int from, int to);
  }

  /**
   * Runs {@code task} over rows {@code [0, rows)}, split into one block of whole multiples of
   * {@code align} rows per thread when the work is large enough; the caller takes the first
   * block. Returns once every block is done.
   */
  static void forRows(int rows, int align, long work, RowTask task) {
    int n = count;
    int blocks = Math.min(n, (rows + align - 1) / align);
    if (n <= 1 || work < PARALLEL_WORK || blocks <= 1 || SERIAL.get()) {
      task.run(0, rows);
      return;
    }
    int per = ((rows + blocks - 1) / blocks + align - 1) / align * align;
    List<Future<?>> futures = new ArrayList<>();
    ExecutorService p = pool(n);
    for (int from = per; from < rows; from += per) {
      int f = from;
      int t = Math.min(rows, from + per);
      futures.add(p.submit(() -> task.run(f, t)));
    }
    Throwable failure = null;
    try {
      task.run(0, Math.min(rows, per));
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    boolean interrupted = false;
    for (Future<?> f : futures) {
      while (true) {
        try {
          f.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // finish the blocks first: nothing may still write the arrays
        } catch (ExecutionException e) {
          failure = failure == null ? e.getCause() : failure;
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }

  private static synchronized ExecutorService pool(int n) {
    if (pool == null) {
      pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "optlab-kernel");
        t.setDaemon(true);
        return t;
      });
    }
    return pool;
  }
}
