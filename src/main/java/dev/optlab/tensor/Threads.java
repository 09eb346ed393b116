package dev.optlab.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How many threads the tensor kernels use ({@code --threads N}, {@code OPTLAB_THREADS}; by
 * default the available processors), and the pool they run on. Products are split by output
 * rows, element-wise kernels and optimizer updates in contiguous chunks of elements, and sums
 * that gather several elements into one (a bias's gradient over the rows) only along a
 * dimension whose elements sum apart: every element is computed by one thread exactly as one
 * thread alone would, in the same order, so results are identical for any thread count.
 */
public final class Threads {
  private Threads() {}

  /** Products of fewer multiply-adds than this stay on the calling thread (a hand-off costs ~20 us). */
  static final long PARALLEL_WORK = 1L << 20;

  /**
   * Element-wise work over fewer elements than this (weighted by {@link #COSTLY} for a
   * transcendental function) stays on the calling thread: measured (docs/tensors.md,
   * "Threads"), a hand-off costs about as much as a ReLU over this many doubles.
   */
  static final int PARALLEL_ELEMENTS = 1 << 16;

  /** How many cheap element operations one exp, log, tanh or sigmoid is worth, about. */
  static final int COSTLY = 8;

  /** Chunks of element-wise work start at multiples of this many elements (16 floats: a line). */
  static final int ALIGN = 16;

  /** How many times work was split among threads (tests check that large work is). */
  private static final java.util.concurrent.atomic.AtomicLong SPLITS =
      new java.util.concurrent.atomic.AtomicLong();

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

  static long splits() {
    return SPLITS.get();
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

  /** Undoes {@link #keepProductsOnThisThread} (a thread lent to one trial, then given back). */
  public static void splitProductsAgain() {
    SERIAL.remove();
  }

  /** Whether work of this many multiply-adds is split among threads. */
  static boolean parallel(long work) {
    return count > 1 && work >= PARALLEL_WORK && !SERIAL.get();
  }

  /** Whether element-wise work over {@code n} elements of unit cost is split among threads. */
  static boolean parallelElements(long n) {
    return count > 1 && n >= PARALLEL_ELEMENTS && !SERIAL.get();
  }

  /**
   * Whether {@link #forElements} splits work over {@code n} elements: callers outside the
   * kernels ask first, so that small work makes no task object.
   */
  public static boolean splitsElements(int n) {
    return parallelElements(n);
  }

  /** Work over rows (or elements) {@code [from, to)}. */
  public interface RowTask {
    void run(int from, int to);
  }

  /**
   * Whether work over {@code rows} rows (of softmaxes, of a loss's gradient) of {@code elements}
   * elements of unit cost in all is split by rows (then by {@link #split}, each row's elements
   * computed apart from the other rows'). Callers test first, so that small work makes no task.
   */
  static boolean parallelRows(int rows, long elements) {
    return rows > 1 && parallelElements(elements);
  }

  /**
   * Element-wise work over {@code [0, n)}: in one contiguous chunk per thread when {@code n} is
   * at least {@link #PARALLEL_ELEMENTS}, else on the calling thread. For callers outside the
   * tensor kernels (the accumulation of a chunked pass's gradient, the optimizer update), whose
   * every element is computed apart from the others.
   */
  public static void forElements(int n, RowTask task) {
    if (splitsElements(n)) {
      split(n, ALIGN, task);
    } else {
      task.run(0, n);
    }
  }

  /**
   * Runs {@code task} over rows {@code [0, rows)}, split into one block of whole multiples of
   * {@code align} rows per thread when the work is large enough; the caller takes the first
   * block. Returns once every block is done.
   */
  static void forRows(int rows, int align, long work, RowTask task) {
    if (work < PARALLEL_WORK) {
      task.run(0, rows);
      return;
    }
    split(rows, align, task);
  }

  /**
   * Runs {@code task} over {@code [0, rows)} in one block of whole multiples of {@code align}
   * per thread (fewer when there are not enough), whatever the amount of work; the caller
   * decided it pays. The caller takes the first block; returns once every block is done.
   */
  static void split(int rows, int align, RowTask task) {
    int n = count;
    int blocks = Math.min(n, (rows + align - 1) / align);
    if (n <= 1 || blocks <= 1 || SERIAL.get()) {
      task.run(0, rows);
      return;
    }
    SPLITS.incrementAndGet();
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
