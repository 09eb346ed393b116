package dev.optlab.repl;

import dev.optlab.diff.ExprCompiler;
import dev.optlab.plan.Metric;
import dev.optlab.syntax.Tokens;
import dev.optlab.tensor.Initializers;
import dev.optlab.tensor.TensorFunctions;
import dev.optlab.hyper.HyperParam;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.optim.Optimizers;
import dev.optlab.rules.RuleDef;
import dev.optlab.schedule.ScheduleKind;
import dev.optlab.schedule.Schedules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The text of {@code :help}. Optimizers and schedules are described from their registries
 * (hyperparameters, defaults, update rule, reference, example), so help cannot drift from what
 * the checker accepts; statements and commands from the tables here and in {@link Commands}.
 */
final class Help {
  private Help() {}

  /** Statement (and other language) topics, in the order {@code :help} lists them. */
  private static final Map<String, String> LANGUAGE = new LinkedHashMap<>();

  static {
    LANGUAGE.put("let", """
        let NAME = EXPR
          A named constant, usable in any later expression.
          example: let lr0 = 1e-3""");
    LANGUAGE.put("def", """
        def NAME(a, b) = EXPR
          A scalar helper function, inlined where it is called.
          example: def sq(u) = u * u""");
    LANGUAGE.put("objective", """
        objective NAME(p1 = v1, p2 = v2, ...) = EXPR
        objective NAME(W[d1, d2] ~ INIT, b[d2] = 0, ...) = EXPR
          A scalar objective of named parameters; `= v` is a parameter's start value (0 if left
          out). Gradients are exact (automatic differentiation).
          A parameter with a shape [d1, d2, ...] is a tensor, started at a constant or drawn
          with ~ from an initializer (:help initializers) by the run's seed. An objective with
          tensors or a data set (NAME.x, NAME.y) trains on minibatches (:help run); its body
          uses @ and the tensor functions (:help expressions, :help losses) and must be a
          number.
          example: objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2
          example: objective logreg(W[4, 3] ~ xavier, b[3]) = cross_entropy(iris.x @ W + b, iris.y)""");
    LANGUAGE.put("optimizer", """
        optimizer NAME = CTOR(k = v, ...)
        optimizer NAME = OTHER with (k = v, ...)
          An optimizer with its hyperparameters (PyTorch's names and defaults), or a copy of a
          declared one with some changed. Every optimizer takes `schedule = SCHED`.
          Parameter groups (PyTorch's param_groups), anywhere an optimizer is written:
            OPT for [NAME, ...] + OPT for matrices + OPT for others
          each group's optimizer, hyperparameters and schedule update only its tensors;
          matrices = 2-D parameters not yet taken, others = the rest; the trace's lr is the
          first group's.
          :help optimizers lists them; :help Adam shows one.
          example: optimizer adam = Adam(lr = 0.05, schedule = cosine(T_max = 2000))""");
    LANGUAGE.put("schedule", """
        schedule NAME = SCHED(k = v, ...)
        schedule NAME(t) = EXPR
        schedule NAME(t) *= EXPR
        schedule NAME = A for N then B
        schedule NAME = chain(A, B, ...)
          A learning-rate schedule: a built-in one, a chain of chainable ones all stepping at
          once (PyTorch's ChainedScheduler), an expression of the step t (0-based; lr0 is
          the optimizer's base lr; lr0 * FACTOR is PyTorch's LambdaLR), a factor the lr is
          multiplied by at each step (*=, PyTorch's MultiplicativeLR), or a chain where B starts
          counting at 0 after A's N steps.
          :help schedules lists them.
          example: schedule warm = linear(start_factor = 0.1, total_iters = 100) for 100 then cosine(T_max = 900)""");
    LANGUAGE.put("data", """
        data NAME = csv("FILE.csv", target = "COLUMN")
        data NAME = idx(images = "FILE", labels = "FILE" [, test_images = .., test_labels = ..])
        data NAME = npy(x = "X.npy", y = "y.npy" [, test_x = .., test_y = ..])
        data NAME = npz("FILE.npz", x = "KEY", y = "KEY" [, test_x = .., test_y = ..])
        data NAME = moons(...) / spirals(...) / blobs(...) / linear(...)
          [any source: dtype = "float32" holds the features in float32, for dtype = float32 runs]
          A data set: features NAME.x and targets NAME.y. IDX files (MNIST's, gzipped or not)
          and NumPy arrays are read whole into one array; rows = N reads only the first N.
          All take scale = "standard", test = FRACTION (without held-out files) and seed.
          example: data iris = csv("examples/data/iris.csv", target = "species", test = 0.2)""");
    LANGUAGE.put("run", """
        run OPT on OBJ [from POINT] for N steps [every K] [until COND] [trace "FILE.csv"]
        run OPT on MODEL [batch B] (for N epochs | for N steps) [seed S] [every K]
            [metrics M, ...] [per epoch] [until COND] [trace "FILE.csv"]
            [clip_grad_norm = X | clip_grad_value = X] [dtype = float32]
          Runs one optimizer and prints its trace: step, lr, loss, grad_norm and the parameters.
          OPT is a declared name or a constructor; POINT is (x = 1, y = 2) or (1, 2); COND is a
          comparison on loss or grad_norm. Ctrl-C stops a long run and keeps the rows so far.
          On an objective of tensors and data:
            batch B      each update sees B training rows, reshuffled every epoch (default:
                         all rows, full batch)
            for N epochs passes over the training rows (or for N steps: updates)
            seed S       draws the initial weights and shuffles the batches (default 0); every
                         optimizer of a compare gets the same weights and batches
            metrics M    columns besides the loss (:help metrics)
            per epoch    schedules advance once per epoch instead of once per update
            clip_grad_norm = X / clip_grad_value = X clip each gradient before its update
            dtype = float32  parameters, data, gradients and optimizer state in float32, as
                         PyTorch's default; default float64
          Checkpoints (safetensors; tools/optlab_checkpoint.py hands them to torch.optim):
            checkpoint "FILE.safetensors" [every K]  writes the run's whole state at the end
                         (and every K steps): parameters, optimizer buffers, schedule, shuffle
            resume "FILE.safetensors" for N more steps (or epochs)  goes on from one, bit for
                         bit as if the run had never stopped
            from "FILE.safetensors"  starts any optimizer from a checkpoint's parameters alone
          example: run adam on rosenbrock for 2000 steps every 200
          example: run Adam(lr = 1e-3) on mlp batch 32 for 20 epochs seed 7 metrics accuracy""");
    LANGUAGE.put("compare", """
        compare OPT, OPT, ... on OBJ [from POINT] for N steps [every K] [until COND]
        compare OPT, OPT, ... on MODEL [batch B] (for N epochs | for N steps) [seed S]
            [every K] [metrics M, ...] [per epoch] [until COND]
          Runs several optimizers from the same start (on a model: the same weights and
          batches) and prints one summary row each, best final loss first. :help run explains
          the clauses.
          example: compare sgd, adam, RMSprop(lr = 1e-2) on rosenbrock for 2000 steps""");
    LANGUAGE.put("print", """
        print EXPR          (or just EXPR at the prompt)
          Evaluates and prints; grad(OBJ, POINT) gives an objective's gradient, and
          grad(MODEL) a tensor objective's gradient at its starting weights (full batch).
          example: print grad(rosenbrock, (x = 1, y = 2))""");
    LANGUAGE.put("explain", """
        explain run ...  /  explain compare ...
          Prints the execution plan (the compiled objective, the kernels, the loop) instead of
          running it.
          example: explain run adam on rosenbrock for 100 steps""");
    LANGUAGE.put("plot", """
        plot run OPT on OBJ [run clauses] [with lr] [to "FILE"]
        plot compare OPT, OPT, ... on OBJ [run clauses] [with lr] [to "FILE"]
        plot paths OPT, ... on OBJ [run clauses] [over (x = -2 to 2, y = -1 to 3)] [to "FILE"]
        plot schedule SCHED, ... for N steps [every K] [lr X] [to "FILE"]
        plot lrfind OPT on OBJ [lrfind's clauses] [to "FILE"]
        plot sweep OPT, ... on OBJ [sweep's clauses] [to "FILE"]
          Draws the loss against the step (with lr: the learning rate beside it), a contour map
          of a two-parameter objective with each optimizer's path, schedules' learning rates, or
          a sweep's measure against a swept number (a line per value of its other columns);
          in the terminal, or to an .svg or .png file.
          example: plot compare sgd, adam on rosenbrock for 2000 steps""");
    LANGUAGE.put("report", """
        report "FILE.html"
          Writes one self-contained HTML page (no scripts, no links out) of everything this
          session has run: each run's table, each compare's summary, their loss curves (and
          paths on a contour map, for two parameters) and plots as SVG, and the statements that
          ran. It is written once the input holding it has finished; the file is whole or not
          there at all.
          example: report "session.html\"""");
    LANGUAGE.put("lrfind", """
        lrfind OPT on OBJ [from 1e-7] [to 10] [steps 100] [batch B] [seed S]
               [suggest valley, slide, minimum, steep]
          fast.ai's learning-rate range test: step i trains with lr = from * (to/from)^(i/steps),
          the loss is smoothed (0.98) and debiased, and the test stops once the smoothed loss is
          4 times the best. Prints every step's lr, loss and smoothed loss, then each rule's
          suggestion by name (all four unless suggest says which); nothing of the session
          changes. The optimizer's own lr is ignored (SGD may leave it out).
          example: lrfind Adam on mlp batch 32""");
    LANGUAGE.put("sweep", """
        sweep OPT[, OPT...] on OBJ [run clauses] [seeds A..B] [sample N] [seed S]
              [minimize|maximize [final|best] loss|METRIC] [to "FILE.csv" [resume]] [threads N]
          Trains once per trial and ranks the trials. Sweep an argument with a value set
          lr = {1e-3, 1e-2}, lr = logspace(1e-5, 1e-1, 5) (values, not exponents) or
          linspace(a, b, n): the trials are the grid's cartesian product. Draw it with
          lr ~ loguniform(1e-5, 1e-1), uniform(a, b) or choice(x, y) and 'sample N' trials (from
          seed S and the trial's number alone). batch {32, 128} sweeps the minibatch size;
          seeds A..B repeats every point per seed (mean and spread are shown). The table is in
          trial order and the same for any number of threads; 'to' writes a row per finished
          trial, 'resume' skips the trials already in that file. Ctrl-C keeps finished trials.
          example: sweep Adam(lr = logspace(1e-4, 1e-1, 4)) on rosenbrock for 500 steps""");
    LANGUAGE.put("rule", """
        rule NAME(lr = 1e-3, hp = default, ...) { LINES }
          An update rule of your own, run for each parameter tensor at every step, one line per
          PyTorch operation: p is the parameter, g its gradient, t the 1-based step, lr the
          scheduled rate. state m = 0 (or = p, zeros(rows), zeros(cols), scalar(0)) keeps a
          buffer; shared w = 0 and once { ... } keep one number per step; if/else, repeat N;
          eval = EXPR is the point the trace reports. Functions: add, sub, lerp, addcmul,
          addcdiv, sqrt, rsqrt, abs, sign, exp, log, max, min, clamp, norm, sum, mean, rms,
          row_mean, col_mean, transpose, @, rows, cols, numel, ndim (docs/rules.md).
          example: rule SignSGD(lr = 0.01) { p = add(p, sign(g), alpha = -lr) }""");
  }

  static String overview() {
    StringBuilder sb = new StringBuilder("commands:\n");
    for (Commands.Command c : Commands.ALL) {
      sb.append(String.format("  %-16s %s%n", c.usage(), c.summary()));
    }
    sb.append("statements (:help NAME):\n  ").append(String.join(" ", Tokens.STATEMENT_KEYWORDS))
        .append('\n');
    sb.append("more topics:\n  ").append(String.join(" ", GENERATED)).append('\n');
    sb.append("optimizers:\n  ").append(String.join(" ", Optimizers.names())).append('\n');
    sb.append("schedules:\n  ").append(String.join(" ", scheduleNames())).append('\n');
    sb.append("""
        keys: Tab completes; Enter on an unfinished statement continues it and a blank line
          submits it; Ctrl-C stops a run or clears the line; Ctrl-D quits; Up/Down recall history.
        """);
    return sb.toString();
  }

  /** Every topic {@code :help} knows, for completion and "did you mean". */
  static List<String> topics() {
    List<String> topics = new ArrayList<>(LANGUAGE.keySet());
    topics.addAll(GENERATED);
    topics.addAll(List.of("optimizers", "schedules"));
    topics.addAll(Optimizers.names());
    topics.addAll(scheduleNames());
    for (Commands.Command c : Commands.ALL) {
      topics.add(c.name());
    }
    return topics;
  }

  /** The help on {@code topic}, or empty when there is none. */
  static Optional<String> topic(String topic) {
    return topic(topic, List.of());
  }

  /**
   * The help on {@code topic}, where {@code rules} are the session's: a rule cannot share a
   * built-in's name, so looking them up first hides nothing.
   */
  static Optional<String> topic(String topic, List<RuleDef> rules) {
    String t = topic.strip();
    for (RuleDef r : rules) {
      if (r.name().equals(t)) {
        return Optional.of(rule(r));
      }
    }
    if (LANGUAGE.containsKey(t)) {
      return Optional.of(LANGUAGE.get(t) + "\n");
    }
    switch (t) {
      case "expressions" -> {
        return Optional.of(expressions());
      }
      case "metrics" -> {
        return Optional.of(metrics());
      }
      case "initializers" -> {
        return Optional.of(initializers());
      }
      case "losses" -> {
        return Optional.of(losses());
      }
      default -> { }
    }
    if (t.equals("optimizers")) {
      StringBuilder sb = new StringBuilder("optimizers (:help NAME for one):\n");
      for (OptimizerKind k : Optimizers.all()) {
        sb.append(String.format("  %-9s %s%n", k.name(), k.example()));
      }
      return Optional.of(sb.toString());
    }
    if (t.equals("schedules")) {
      StringBuilder sb = new StringBuilder("schedules (:help NAME for one):\n");
      for (ScheduleKind k : Schedules.all()) {
        sb.append(String.format("  %-16s %s%n", k.name(), k.example()));
      }
      return Optional.of(sb.toString());
    }
    Optional<Commands.Command> command = Commands.exactly(t.startsWith(":") ? t : ":" + t);
    if (command.isPresent() && (t.startsWith(":") || Optimizers.byName(t).isEmpty())) {
      Commands.Command c = command.get();
      return Optional.of(c.usage() + "\n  " + c.help() + "\n");
    }
    return Optimizers.byName(t).map(Help::optimizer)
        .or(() -> Schedules.byName(t).map(Help::schedule));
  }

  /** Topics written from the registries (functions, metrics, initializers), not from text here. */
  private static final List<String> GENERATED = List.of("expressions", "metrics",
      "initializers", "losses");

  static String expressions() {
    StringBuilder sb = new StringBuilder("""
        Expressions: + - * / ^ (right-associative; -x^2 is -(x^2)), parentheses, the constants
        pi and e, and calls of def functions and objectives.
        functions (element-wise on tensors; min and max broadcast):
        """);
    for (String line : wrap(String.join(" ", ExprCompiler.builtins()), 78)) {
      sb.append("  ").append(line).append('\n');
    }
    sb.append("""
        tensors (in objectives with shaped parameters or data, :help objective):
          a @ b        matrix product: [n, k] @ [k, m] = [n, m], [k] @ [k, m] = [m],
                       [n, k] @ [k] = [n], [k] @ [k] = []; binds like * and /
          + - * / ^    element-wise, broadcasting from the last dimension (NumPy's rules)
          NAME.x       a data set's features [rows, features]; NAME.y its targets [rows]
        """);
    for (TensorFunctions.Function f : TensorFunctions.ALL) {
      entry(sb, f.usage(), f.doc());
    }
    return sb.toString();
  }

  static String metrics() {
    StringBuilder sb = new StringBuilder("""
        metrics (run or compare on a model ... metrics M, M, ...; test_loss and accuracy need
        a held-out split, data ... test = FRACTION):
        """);
    for (Metric m : Metric.values()) {
      entry(sb, m.text(), m.doc());
    }
    return sb.append("  example: run adam on mlp for 20 epochs metrics accuracy, test_loss\n")
        .toString();
  }

  static String initializers() {
    StringBuilder sb = new StringBuilder("""
        initializers (objective f(W[64, 10] ~ INIT, ...), drawn from the run's seed; the fans
        of W[in, out] are fan_in = in, fan_out = out):
        """);
    for (Initializers.Initializer i : Initializers.ALL) {
      entry(sb, i.usage(), i.doc());
    }
    return sb.append("  example: objective mlp(W1[4, 16] ~ he, b1[16], W2[16, 3] ~ xavier_normal)"
        + " = ...\n").toString();
  }

  static String losses() {
    StringBuilder sb = new StringBuilder("losses (means over rows or elements, as PyTorch's"
        + " reduction='mean'):\n");
    for (TensorFunctions.Function f : TensorFunctions.losses()) {
      entry(sb, f.usage(), f.doc());
      sb.append("      example: ").append(f.example()).append('\n');
    }
    return sb.toString();
  }

  /** {@code  usage  doc}, the doc wrapped under itself when the usage is long. */
  private static void entry(StringBuilder sb, String usage, String doc) {
    List<String> lines = wrap(doc, 80 - 30);
    if (usage.length() > 26) {
      sb.append("  ").append(usage).append('\n');
    } else {
      sb.append(String.format("  %-26s  %s%n", usage, lines.remove(0)));
    }
    for (String line : lines) {
      sb.append(" ".repeat(30)).append(line).append('\n');
    }
  }

  static String optimizer(OptimizerKind k) {
    StringBuilder sb = new StringBuilder(k.name()).append(" (").append(k.reference())
        .append(")\n\nhyperparameters:\n");
    params(sb, k.params());
    sb.append(String.format("  %-26s  %s%n", "schedule = none",
        "a learning-rate schedule (:help schedules)"));
    sb.append("\nupdate rule (t is the 1-based step, g the gradient, p the parameter):\n");
    for (String line : k.rule().strip().split("\n")) {
      sb.append("  ").append(line).append('\n');
    }
    sb.append("\nexample:\n  optimizer ").append(k.name().toLowerCase(Locale.ROOT)).append(" = ")
        .append(k.example()).append('\n');
    return sb.toString();
  }

  /** A rule as written, after its hyperparameters and defaults as a built-in's help lists them. */
  static String rule(RuleDef r) {
    StringBuilder sb = new StringBuilder(r.name())
        .append(" (a rule declared in this session, docs/rules.md)\n\nhyperparameters:\n");
    params(sb, r.params());
    sb.append(String.format("  %-26s  %s%n", "schedule = none",
        "a learning-rate schedule (:help schedules)"));
    sb.append("\nas written:\n");
    for (String line : r.text().strip().split("\n")) {
      sb.append("  ").append(line).append('\n');
    }
    sb.append("\nexample:\n  optimizer ").append(r.name().toLowerCase(Locale.ROOT)).append(" = ")
        .append(r.name()).append("()\n");
    return sb.toString();
  }

  static String schedule(ScheduleKind k) {
    StringBuilder sb = new StringBuilder(k.name()).append("\n\nparameters:\n");
    params(sb, k.params());
    sb.append('\n');
    for (String line : wrap(k.doc(), 78)) {
      sb.append(line).append('\n');
    }
    sb.append("\nexample:\n  optimizer adam = Adam(lr = 0.01, schedule = ").append(k.example())
        .append(")\n");
    return sb.toString();
  }

  private static void params(StringBuilder sb, List<HyperParam> params) {
    for (HyperParam p : params) {
      String head = p.name() + (p.required() ? " (required)" : " = " + p.defaultText());
      sb.append(String.format("  %-26s  %s%n", head, p.doc() == null ? "" : p.doc()));
    }
  }

  private static List<String> scheduleNames() {
    return Schedules.all().stream().map(ScheduleKind::name).toList();
  }

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
