package dev.optlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.ast.Stmt;
import dev.optlab.check.Action;
import dev.optlab.check.Checker;
import dev.optlab.check.Declaration;
import dev.optlab.check.Env;
import dev.optlab.data.Dataset;
import dev.optlab.exec.RunControl;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.PlotPlan;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import dev.optlab.syntax.SyntaxParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the fuzz targets share: the 2 s budget, the caps that keep honest long runs out of it, a
 * sandbox directory that every file a fuzzed statement writes must land in, and the check that
 * nothing was left behind in the working directory.
 *
 * <p><b>The caps</b> (a fuzzer writes {@code for 1e15 steps} as readily as {@code for 5 steps}):
 * an input whose checked statements would step more than {@link #STEP_CAP} times, or train on
 * more than {@link #WORK_CAP} row-features, or write a file outside the sandbox, is only parsed
 * and checked, not run. Checking alone must still end in time and without an internal error, so
 * {@code for 1e20 steps} is covered up to the point where running it is the user's choice. And
 * what the caps let through runs under {@link Deadline}, which stops a run after 1 s as Ctrl-C
 * would in the REPL: a slow step still fails the 2 s budget, a long but honest loop does not.
 * Data sets are made while checking, so a script whose {@code data} statements alone hold more
 * than {@link #DATA_CAP} numbers ({@code blobs(features = 100000)}: 3e7 numbers, 1.2 s
 * uninstrumented, 4.4 s under the fuzzer; found by the first campaign) is held to no time
 * budget and not run: its cost is the size the user asked for. Memory still holds it to the
 * heap (an out-of-memory fails it).
 */
public final class FuzzHarness {
  private FuzzHarness() {}

  /** The most time one input may take, checking and running (the hardening issue's bound). */
  public static final long BUDGET_MS = 2000;
  /** The most steps an input may run (each run, compare arm, lrfind or plotted schedule). */
  public static final long STEP_CAP = 20_000;
  /** The most steps x rows x features a training run may take. */
  public static final double WORK_CAP = 2e7;
  /** The most numbers the data sets of an input may hold and still be timed and run. */
  public static final long DATA_CAP = 1_000_000;

  /**
   * Whether {@code actions} are cheap enough to run and write only inside {@code sandbox}; when
   * not, the harness only checks the input.
   */
  public static boolean runnable(List<Action> actions, Path sandbox) {
    for (Action a : actions) {
      boolean ok = switch (a) {
        case Action.Run r -> runnable(r.plan(), sandbox);
        case Action.LrFind l -> l.plan().steps() <= STEP_CAP && runnable(l.plan().run(), sandbox);
        case Action.Plot p -> runnable(p.plot(), sandbox);
        case Action.Report r -> inside(r.path(), sandbox);
        case Action.Declare d -> numbers(d) <= DATA_CAP;
        case Action.Print p -> true;
        case Action.Explain e -> true;
        case Action.Sweep w -> sweepRunnable(w.plan(), sandbox);
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A sweep's trials together stay within the caps, and its file inside the sandbox. */
  private static boolean sweepRunnable(dev.optlab.plan.SweepPlan sweep, Path sandbox) {
    if (sweep.file() != null && !inside(sweep.file().path(), sandbox)) {
      return false;
    }
    long steps = 0;
    for (var t : sweep.trials()) {
      steps += t.plan().loop().steps();
      if (steps > STEP_CAP || !runnable(t.plan(), sandbox)) {
        return false;
      }
    }
    return true;
  }

  /** How many numbers a declaration holds: a data set's, features and labels; else none. */
  private static long numbers(Action.Declare d) {
    if (d.declaration() instanceof Declaration.Data data) {
      Dataset set = data.dataset();
      long n = 0;
      for (Dataset.Part p : new Dataset.Part[] {set.train(), set.test()}) {
        n += p == null ? 0 : (long) p.rows() * (p.cols() + 1);
      }
      return n;
    }
    return 0;
  }

  /**
   * Whether {@code source} is held to the time budget: its {@code data} and {@code let}
   * statements, checked alone, make data sets of at most {@link #DATA_CAP} numbers (or fail).
   * Checked apart from the rest, so that an error elsewhere in the script does not hide them.
   */
  public static boolean timed(Source source) {
    try {
      List<Stmt> data = SyntaxParser.parse(source).stream()
          .filter(st -> st instanceof Stmt.Data || st instanceof Stmt.Let).toList();
      return new Checker(source, new Env()).check(data).stream()
          .filter(a -> a instanceof Action.Declare).mapToLong(a -> numbers((Action.Declare) a))
          .sum() <= DATA_CAP;
    } catch (OptlabError e) {
      return true;
    }
  }

  private static boolean runnable(PlotPlan plot, Path sandbox) {
    if (plot.file() != null && !inside(plot.file().path(), sandbox)) {
      return false;
    }
    return switch (plot) {
      case PlotPlan.Curves c -> runnable(c.run(), sandbox);
      case PlotPlan.Paths p -> runnable(p.run(), sandbox);
      case PlotPlan.LrFind l -> l.test().steps() <= STEP_CAP && runnable(l.test().run(), sandbox);
      case PlotPlan.ScheduleCurves s -> s.steps() <= STEP_CAP;
      case PlotPlan.Sweep w -> sweepRunnable(w.sweep(), sandbox);
    };
  }

  private static boolean runnable(ExecutionPlan plan, Path sandbox) {
    if (plan.traceFile() != null && !inside(plan.traceFile(), sandbox)) {
      return false;
    }
    long steps = plan.loop().steps();
    if (steps > STEP_CAP) {
      return false;
    }
    var t = plan.training();
    if (t != null && t.data() != null) {
      double perStep = (double) Math.min(t.batch(), t.data().train().rows())
          * Math.max(1, t.data().cols());
      return perStep * steps * plan.optimizers().size() <= WORK_CAP;
    }
    return true;
  }

  private static boolean inside(Path file, Path sandbox) {
    return file.toAbsolutePath().normalize().startsWith(sandbox.toAbsolutePath().normalize());
  }

  /** A run control that asks every loop to stop once {@code millis} have passed. */
  public static final class Deadline extends RunControl {
    private final long end;

    public Deadline(long millis) {
      this.end = System.nanoTime() + millis * 1_000_000;
    }

    @Override
    public boolean stopRequested() {
      return super.stopRequested() || System.nanoTime() > end;
    }
  }

  /** The names in the working directory, to compare before and after an input. */
  public static Set<String> workingDirectory() {
    try (Stream<Path> files = Files.list(Path.of("").toAbsolutePath())) {
      return files.map(p -> p.getFileName().toString()).collect(TreeSet::new, Set::add,
          Set::addAll);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails when the input took longer than the budget or left a file in the working directory. */
  public static void assertClean(long startNanos, Set<String> before) {
    assertClean(startNanos, before, true);
  }

  /** As above, the budget only when {@code timed} ({@link #timed(Source)}). */
  public static void assertClean(long startNanos, Set<String> before, boolean timed) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    assertTrue(!timed || ms < BUDGET_MS, "took " + ms + " ms");
    assertEquals(before, workingDirectory(), "a file was left in the working directory");
  }

  /** A fresh sandbox directory for what an input writes. */
  public static Path sandbox() {
    try {
      return Files.createTempDirectory("optlab-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the sandbox and everything an input wrote into it. */
  public static void delete(Path sandbox) {
    try (Stream<Path> files = Files.walk(sandbox)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
