package dev.optlab.repl;

import dev.optlab.syntax.Tokens;
import dev.optlab.hyper.HyperParam;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.optim.Optimizers;
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
          A scalar objective of named parameters; `= v` is a parameter's start value (0 if left
          out). Gradients are exact (automatic differentiation).
          example: objective rosenbrock(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2""");
    LANGUAGE.put("optimizer", """
        optimizer NAME = CTOR(k = v, ...)
        optimizer NAME = OTHER with (k = v, ...)
          An optimizer with its hyperparameters (PyTorch's names and defaults), or a copy of a
          declared one with some changed. Every optimizer takes `schedule = SCHED`.
          :help optimizers lists them; :help Adam shows one.
          example: optimizer adam = Adam(lr = 0.05, schedule = cosine(T_max = 2000))""");
    LANGUAGE.put("schedule", """
        schedule NAME = SCHED(k = v, ...)
        schedule NAME(t) = EXPR
        schedule NAME = A for N then B
          A learning-rate schedule: a built-in one, an expression of the step t (0-based; lr0 is
          the optimizer's base lr), or a chain where B starts counting at 0 after A's N steps.
          :help schedules lists them.
          example: schedule warm = linear(start_factor = 0.1, total_iters = 100) for 100 then cosine(T_max = 900)""");
    LANGUAGE.put("data", """
        data NAME = csv("FILE.csv", target = "COLUMN")
        data NAME = idx(images = "FILE", labels = "FILE" [, test_images = .., test_labels = ..])
        data NAME = npy(x = "X.npy", y = "y.npy" [, test_x = .., test_y = ..])
        data NAME = npz("FILE.npz", x = "KEY", y = "KEY" [, test_x = .., test_y = ..])
        data NAME = moons(...) / spirals(...) / blobs(...) / linear(...)
          A data set: features NAME.x and targets NAME.y. IDX files (MNIST's, gzipped or not)
          and NumPy arrays are read whole into one array; rows = N reads only the first N.
          All take scale = "standard", test = FRACTION (without held-out files) and seed.
          example: data iris = csv("examples/data/iris.csv", target = "species", test = 0.2)""");
    LANGUAGE.put("run", """
        run OPT on OBJ [from POINT] for N steps [every K] [until COND] [trace "FILE.csv"]
          Runs one optimizer and prints its trace: step, lr, loss, grad_norm and the parameters.
          OPT is a declared name or a constructor; POINT is (x = 1, y = 2) or (1, 2); COND is a
          comparison on loss or grad_norm. Ctrl-C stops a long run and keeps the rows so far.
          example: run adam on rosenbrock for 2000 steps every 200""");
    LANGUAGE.put("compare", """
        compare OPT, OPT, ... on OBJ [from POINT] for N steps [every K] [until COND]
          Runs several optimizers from the same start and prints one summary row each, best
          final loss first.
          example: compare sgd, adam, RMSprop(lr = 1e-2) on rosenbrock for 2000 steps""");
    LANGUAGE.put("print", """
        print EXPR          (or just EXPR at the prompt)
          Evaluates and prints; grad(OBJ, POINT) gives an objective's gradient.
          example: print grad(rosenbrock, (x = 1, y = 2))""");
    LANGUAGE.put("explain", """
        explain run ...  /  explain compare ...
          Prints the execution plan (the compiled objective, the kernels, the loop) instead of
          running it.""");
    LANGUAGE.put("plot", """
        plot run OPT on OBJ [run clauses] [with lr] [to "FILE"]
        plot compare OPT, OPT, ... on OBJ [run clauses] [with lr] [to "FILE"]
        plot paths OPT, ... on OBJ [run clauses] [over (x = -2 to 2, y = -1 to 3)] [to "FILE"]
        plot schedule SCHED, ... for N steps [every K] [lr X] [to "FILE"]
        plot lrfind OPT on OBJ [lrfind's clauses] [to "FILE"]
          Draws the loss against the step (with lr: the learning rate beside it), a contour map
          of a two-parameter objective with each optimizer's path, or schedules' learning rates;
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
    LANGUAGE.put("expressions", """
        Expressions: + - * / ^ (right-associative; -x^2 is -(x^2)), parentheses, and the
        functions sqrt exp log abs sin cos tan tanh sigmoid relu softplus min max floor ceil
        sign, the constants pi and e, and calls of def functions and objectives.""");
  }

  static String overview() {
    StringBuilder sb = new StringBuilder("commands:\n");
    for (Commands.Command c : Commands.ALL) {
      sb.append(String.format("  %-16s %s%n", c.usage(), c.summary()));
    }
    sb.append("statements (:help NAME):\n  ").append(String.join(" ", Tokens.STATEMENT_KEYWORDS))
        .append(" expressions\n");
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
    String t = topic.strip();
    if (LANGUAGE.containsKey(t)) {
      return Optional.of(LANGUAGE.get(t) + "\n");
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
