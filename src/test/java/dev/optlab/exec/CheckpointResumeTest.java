package dev.optlab.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.optim.Optimizers;
import dev.optlab.schedule.ScheduleKind;
import dev.optlab.schedule.Schedules;
import dev.optlab.source.Source;
import dev.optlab.tensor.Capture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run of N + M steps straight and a run of N steps, a checkpoint, and a resumed run of M more
 * give the same trace to the last bit: the trace files (every step, numbers as Python's repr, so
 * equal text is equal doubles) are compared as text, for every optimizer (each buffer an option
 * makes), every schedule (plateau, cycling momentum, then chains, chain), on a scalar objective
 * and on minibatch training.
 */
class CheckpointResumeTest {
  /** Every optimizer, with the options that add buffers or state. */
  static final List<String> OPTIMIZERS = List.of(
      "SGD(lr = 0.002)",
      "SGD(lr = 0.002, momentum = 0.9, nesterov = true)",
      "SGD(lr = 0.002, momentum = 0.5, dampening = 0.1, weight_decay = 0.01)",
      "Adam(lr = 0.05)",
      "Adam(lr = 0.05, amsgrad = true, weight_decay = 0.01)",
      "AdamW(lr = 0.05, amsgrad = true)",
      "Adagrad(lr = 0.1, lr_decay = 0.01, initial_accumulator_value = 0.1)",
      "RMSprop(lr = 0.01, momentum = 0.5, centered = true)",
      "RMSprop(lr = 0.01)",
      "Adadelta(lr = 1)",
      "Adamax(lr = 0.05)",
      "NAdam(lr = 0.05)",
      "RAdam(lr = 0.05)",
      "Rprop(lr = 0.01)");

  /** Every schedule, on SGD with momentum (which cyclic and onecycle cycle). */
  static final List<String> SCHEDULES = List.of(
      "constant_lr(factor = 0.5, total_iters = 50)",
      "linear(start_factor = 0.01, total_iters = 60)",
      "step(step_size = 20, gamma = 0.5)",
      "multistep(milestones = [10, 45, 70], gamma = 0.5)",
      "exponential(gamma = 0.99)",
      "polynomial(total_iters = 70, power = 2)",
      "cosine(T_max = 30, eta_min = 1e-4)",
      "cosine_restarts(T_0 = 10, T_mult = 2, eta_min = 1e-5)",
      "cyclic(base_lr = 0.001, max_lr = 0.01, step_size_up = 15, mode = \"triangular2\")",
      "cyclic(base_lr = 0.001, max_lr = 0.01, step_size_up = 7, mode = \"exp_range\", "
          + "gamma = 0.99)",
      "onecycle(max_lr = 0.01, total_steps = 100)",
      "onecycle(max_lr = 0.01, total_steps = 90, three_phase = true, anneal_strategy = "
          + "\"linear\")",
      "plateau(factor = 0.5, patience = 2, threshold = 0.5, cooldown = 3)",
      "linear(total_iters = 10) for 20 then plateau(patience = 1, threshold = 0.9) for 30 "
          + "then cyclic(base_lr = 0.001, max_lr = 0.01, step_size_up = 5)",
      "onecycle(max_lr = 0.01, total_steps = 40) for 40 then cosine(T_max = 20)",
      "chain(linear(start_factor = 0.1, total_iters = 10), cosine(T_max = 25))",
      "halve", "decay");

  /** A bumpy objective, so plateau finds plateaus and nothing diverges. */
  static final String OBJECTIVE = "objective f(x = -1.5, y = 2) = (1 - x)^2 + "
      + "3 * (y - x^2)^2 + 0.5 * sin(4 * x) * cos(3 * y)\n"
      + "schedule halve(t) = lr0 * 0.5^floor(t / 30)\n"
      + "schedule decay(t) *= 1 - 1 / (t + 20)\n";

  @TempDir
  Path dir;

  static Stream<String> optimizers() {
    return OPTIMIZERS.stream();
  }

  static Stream<String> schedules() {
    return SCHEDULES.stream().map(s -> "SGD(lr = 0.01, momentum = 0.9, schedule = " + s + ")");
  }

  @ParameterizedTest
  @MethodSource({"optimizers", "schedules"})
  void scalarRunsResumeBitForBit(String optimizer) throws IOException {
    assertResumes(OBJECTIVE, "optimizer o = " + optimizer + "\n", "", 37, 53);
  }

  @ParameterizedTest
  @MethodSource("optimizers")
  void minibatchTrainingResumesBitForBitMidEpoch(String optimizer) throws IOException {
    // 195 training rows in batches of 30: 7 updates an epoch, the last of 15 rows; 17 is mid-epoch
    assertResumes(MLP, "optimizer o = " + optimizer + "\n", "batch 30 seed 3 every 1 " + METRICS,
        17, 19);
  }

  /**
   * User-defined rules: p-shaped states (Lion), row and column statistics and a full state on
   * vectors (Adafactor), shared scalars, a state started from p and an evaluation point
   * (Schedule-Free AdamW), a condition on a norm and the previous gradient (MARS).
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "Lion | Lion(lr = 0.003)",
      "Adafactor | Adafactor(lr = 0.003)",
      "ScheduleFreeAdamW | ScheduleFreeAdamW(lr = 0.01, warmup_steps = 20)",
      "MARS | MARS(lr = 0.003, optimize_1d = true)"})
  void userRulesResumeBitForBit(String rule, String optimizer) throws IOException {
    String text = Files.readString(Path.of("src/test/resources/rules", rule + ".rule"));
    assertResumes(OBJECTIVE + text, "optimizer o = " + optimizer + "\n", "", 37, 53);
    assertResumes(MLP + text, "optimizer o = " + optimizer + "\n",
        "batch 30 seed 3 every 1 " + METRICS, 17, 19);
  }

  /** Every metric, the two that compare a step with the one before it included. */
  static final String METRICS = "metrics accuracy, test_loss, train_accuracy, update_norm, "
      + "effective_lr";

  @ParameterizedTest
  @MethodSource("optimizers")
  void aTensorObjectiveWithoutDataResumesEveryColumn(String optimizer) throws IOException {
    // full batch on no data: the "scalar" tensor case, with the update metrics in its trace
    assertResumes(TENSOR, "optimizer o = " + optimizer + "\n", "every 1 metrics update_norm, "
        + "effective_lr", 23, 30);
  }

  @Test
  void theUpdateMetricsGoOnAlsoWhenTheFirstRunDidNotTraceThem() throws IOException {
    // the first run traces every 10th step and measures nothing: its checkpoint at 17 still
    // holds the last update's norms, so the resumed run's first row is the straight run's 17th
    String decl = MLP + "optimizer o = RMSprop(lr = 0.01, momentum = 0.5)\n";
    String clauses = "batch 30 seed 3 every 1 " + METRICS;
    Path ckpt = dir.resolve("quiet.safetensors");
    run(decl + run("mlp", "36 steps", clauses, "straight.csv", "")
        + run("mlp", "17 steps", "batch 30 seed 3 every 10", "first.csv",
            " checkpoint \"" + ckpt + "\"")
        + run("mlp", "19 more steps", clauses, "second.csv", " resume \"" + ckpt + "\""),
        RunControl.none());
    List<String> straight = Files.readAllLines(dir.resolve("straight.csv"));
    List<String> second = Files.readAllLines(dir.resolve("second.csv"));
    assertTrue(second.get(0).contains("update_norm,effective_lr"), second.get(0));
    assertEquals(straight.subList(18, straight.size()), second.subList(1, second.size()));
  }

  @Test
  void aCheckpointEveryKStepsHoldsTheUpdateNormsOfUntracedSteps() throws IOException {
    // written every 4 steps while tracing every 10: the file as it stood after step 16 (copied
    // aside while update 16 runs) resumes with update_norm and effective_lr of update 15 -> 16
    String decl = MLP + "optimizer o = Adam(lr = 0.01)\n";
    String clauses = "batch 30 seed 3 every 1 " + METRICS;
    Path ckpt = dir.resolve("every.safetensors");
    Path at16 = dir.resolve("at16.safetensors");
    run(decl + run("mlp", "40 steps", clauses, "straight.csv", ""), RunControl.none());
    RunControl copyAt16 = new RunControl() {
      @Override
      public void progress(String run, long step, long steps, double loss, long nanos) {
        if (step == 17) { // reported before update 16, after the checkpoint of step 16
          try {
            Files.copy(ckpt, at16);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
    };
    run(decl + "run o on mlp for 30 steps batch 30 seed 3 every 10 checkpoint \"" + ckpt
        + "\" every 4\n", copyAt16);
    assertTrue(Files.exists(at16));
    run(decl + run("mlp", "24 more steps", clauses, "second.csv", " resume \"" + at16 + "\""),
        RunControl.none());
    List<String> straight = Files.readAllLines(dir.resolve("straight.csv"));
    List<String> second = Files.readAllLines(dir.resolve("second.csv"));
    assertEquals(straight.subList(17, straight.size()), second.subList(1, second.size()));
  }

  @Test
  void aRunStoppedByCtrlCLeavesACheckpointItResumesFrom() throws IOException {
    Path ckpt = dir.resolve("stopped.safetensors");
    String decl = MLP + "optimizer o = Adam(lr = 0.01, schedule = cosine(T_max = 40))\n";
    String clauses = "batch 30 seed 3 every 1";
    run(decl + run("mlp", "60 steps", clauses, "straight.csv", ""), RunControl.none());
    RunControl stopAt17 = new RunControl() {
      @Override
      public void progress(String run, long step, long steps, double loss, long nanos) {
        if (step == 17) {
          requestStop(); // seen before update 17: the state after 17 updates is written
        }
      }
    };
    run(decl + run("mlp", "60 steps", clauses, "stopped.csv", " checkpoint \"" + ckpt + "\""),
        stopAt17);
    run(decl + run("mlp", "43 more steps", clauses, "second.csv", " resume \"" + ckpt + "\""),
        RunControl.none());
    List<String> straight = Files.readAllLines(dir.resolve("straight.csv"));
    List<String> second = Files.readAllLines(dir.resolve("second.csv"));
    assertEquals(straight.subList(18, straight.size()), second.subList(1, second.size()));
  }

  private static void run(String script, RunControl control) {
    new Engine().run(new Source("t.opt", script), false, new Capture(), control);
  }

  @Test
  void everyOptimizerAndScheduleIsCovered() {
    for (OptimizerKind k : Optimizers.all()) {
      assertTrue(OPTIMIZERS.stream().anyMatch(o -> o.startsWith(k.name() + "(")), k.name());
    }
    for (ScheduleKind k : Schedules.all()) {
      assertTrue(SCHEDULES.stream().anyMatch(s -> s.contains(k.name() + "(")), k.name());
    }
  }

  static final String TENSOR = "objective q(w[3] = [0.5, -1.5, 2], b = 0.3) = "
      + "sum((w - 1)^2 * (1 + 0.1 * sin(3 * w))) + (b - sum(w))^2\n";

  static final String MLP = "data moons = moons(n = 260, noise = 0.2, seed = 5, test = 0.25)\n"
      + "objective mlp(W1[2, 8] ~ he, b1[8] = 0, W2[8, 2] ~ xavier, b2[2] = 0) =\n"
      + "  cross_entropy(tanh(moons.x @ W1 + b1) @ W2 + b2, moons.y)\n";

  /**
   * Runs {@code n + m} steps straight, then {@code n} with a checkpoint and {@code m} more from
   * it, each tracing every step, and compares the traces as text.
   */
  private void assertResumes(String declarations, String optimizer, String clauses, int n, int m)
      throws IOException {
    String obj = declarations.contains("mlp(") ? "mlp" : declarations.contains("q(") ? "q" : "f";
    Path ckpt = dir.resolve("c.safetensors");
    String script = declarations + optimizer
        + run(obj, (n + m) + " steps", clauses, "straight.csv", "")
        + run(obj, n + " steps", clauses, "first.csv", " checkpoint \"" + ckpt + "\"")
        + run(obj, m + " more steps", clauses, "second.csv", " resume \"" + ckpt + "\"");
    new Engine().run(new Source("t.opt", script), false, new Capture(), RunControl.none());
    List<String> straight = Files.readAllLines(dir.resolve("straight.csv"));
    List<String> first = Files.readAllLines(dir.resolve("first.csv"));
    List<String> second = Files.readAllLines(dir.resolve("second.csv"));
    assertEquals(n + m + 2, straight.size(), "a header and every step");
    assertEquals(straight.get(n + 1), second.get(1), "the resumed run starts where it stopped");
    List<String> joined = new java.util.ArrayList<>(first);
    joined.addAll(second.subList(2, second.size()));
    assertEquals(String.join("\n", straight), String.join("\n", joined), optimizer);
  }

  private String run(String obj, String length, String clauses, String trace, String more) {
    return "run o on " + obj + " for " + length + " " + clauses + " trace \""
        + dir.resolve(trace) + "\"" + more + "\n";
  }
}
