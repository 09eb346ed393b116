package dev.optlab.repl;

import static dev.optlab.repl.ReplDriver.BANNER;
import static dev.optlab.repl.ReplDriver.session;
import static dev.optlab.repl.ReplDriver.settings;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.hyper.HyperParam;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.optim.Optimizers;
import dev.optlab.plan.Metric;
import dev.optlab.schedule.ScheduleKind;
import dev.optlab.schedule.Schedules;
import dev.optlab.syntax.Tokens;
import dev.optlab.tensor.Initializers;
import dev.optlab.tensor.TensorFunctions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code :} command, through scripted sessions. */
class CommandsTest {
  @TempDir Path dir;

  private static final String DECLARATIONS = """
      let k = 2
      objective f(x = 1, y) = x^2 + k * y^2
      optimizer adam = Adam(lr = 0.1)
      optimizer slow = adam with (lr = 0.01)
      schedule warm = linear(total_iters = 5) for 5 then cosine(T_max = 10)
      """;

  @Test
  void helpListsEveryCommandOfTheTableAndEveryOptimizerAndSchedule() {
    String out = session(":help\n");
    for (Commands.Command c : Commands.ALL) {
      assertTrue(out.contains("\n  " + String.format("%-16s %s", c.usage(), c.summary()) + "\n"),
          c.name() + " missing from\n" + out);
    }
    assertTrue(out.contains("\n  " + String.join(" ", Optimizers.names()) + "\n"), out);
    assertTrue(out.contains("cosine_restarts cyclic onecycle plateau\n"), out);
  }

  @Test
  void helpOnAnOptimizerShowsItsHyperparametersRuleAndExample() {
    String out = session(":help rprop\n");
    assertEquals(BANNER + """
        optlab> Rprop (Riedmiller & Braun 1993; torch.optim.Rprop, PyTorch 1.13)

        hyperparameters:
          lr = 0.01                   learning rate
          etas = (0.5, 1.2)           (eta_minus, eta_plus): how the step size shrinks when the \
        gradient's sign flips and grows when it holds
          step_sizes = (1e-06, 50)    (min, max): the bounds of each parameter's step size
          maximize = false            maximize the objective instead of minimizing it
          schedule = none             a learning-rate schedule (:help schedules)

        update rule (t is the 1-based step, g the gradient, p the parameter):
          g = g (or -g when maximize); step sizes start at lr
          for each parameter, by the sign of g * g_prev:
          > 0: step = min(step * eta_plus, max);  < 0: step = max(step * eta_minus, min), g = 0
          p = p - sign(g) * step

        example:
          optimizer rprop = Rprop(lr = 0.01, etas = (0.5, 1.2))
        optlab> \n""", out);
  }

  @Test
  void helpCoversEveryRegisteredOptimizerAndSchedule() {
    for (OptimizerKind k : Optimizers.all()) {
      String out = session(":help " + k.name() + "\n");
      for (HyperParam p : k.params()) {
        assertTrue(out.contains("  " + p.name() + (p.required() ? " (required)"
            : " = " + p.defaultText())), k.name() + " lacks " + p.name() + "\n" + out);
      }
      assertTrue(out.contains("update rule") && out.contains(k.example()), out);
    }
    for (ScheduleKind k : Schedules.all()) {
      String out = session(":help " + k.name() + "\n");
      for (HyperParam p : k.params()) {
        assertTrue(out.contains("  " + p.name()), k.name() + " lacks " + p.name() + "\n" + out);
      }
      assertTrue(out.contains("schedule = " + k.example() + ")"), out);
    }
  }

  /** Every statement keyword the grammar knows has its own :help topic, usage line first. */
  @Test
  void helpCoversEveryStatementKeyword() {
    for (String keyword : Tokens.STATEMENT_KEYWORDS) {
      String out = session(":help " + keyword + "\n");
      String topic = out.substring(BANNER.length()).replaceFirst("^optlab> ", "");
      assertTrue(topic.startsWith(keyword + " "), "no :help for '" + keyword + "':\n" + out);
    }
  }

  @Test
  void helpOnStatementsCommandsAndUnknownTopics() {
    String out = session(":help load\n:help :time\n:help adamm\n");
    assertEquals(BANNER + """
        optlab> :load FILE
          Runs the statements of FILE (an .opt script) as batch mode would, keeping what they
          declare in the session.
        optlab> :time STATEMENT
          Runs STATEMENT as if typed at the prompt, then prints the wall time it took.
        optlab> no help on 'adamm'; did you mean 'Adam'? (:help lists the topics)
        optlab> \n""", out);
  }

  /** The training clauses of a run on data are explained where people look: :help run. */
  @Test
  void helpOnRunAndCompareCoversTrainingClauses() {
    for (String topic : new String[] {"run", "compare"}) {
      String out = session(":help " + topic + "\n");
      for (String clause : new String[] {"batch B", "for N epochs", "seed S", "metrics M",
          "per epoch", "every K", "until COND"}) {
        assertTrue(out.contains(clause), topic + " lacks " + clause + ":\n" + out);
      }
    }
    String run = session(":help run\n");
    assertTrue(run.contains("clip_grad_norm = X") && run.contains("trace \"FILE.csv\"")
        && run.contains(":help metrics"), run);
  }

  @Test
  void helpOnDataDescribesEverySource() {
    String out = session(":help data\n");
    for (String source : new String[] {"data NAME = csv(", "idx(", "npy(", "npz(", "moons(",
        "test = FRACTION", "NAME.x"}) {
      assertTrue(out.contains(source), source + " missing:\n" + out);
    }
  }

  /** Objectives and expressions explain tensors: shapes, initializers, @ and the functions. */
  @Test
  void helpOnObjectiveAndExpressionsCoversTensors() {
    String objective = session(":help objective\n");
    for (String s : new String[] {"W[d1, d2] ~ INIT", "shape", ":help initializers", "@",
        ":help losses"}) {
      assertTrue(objective.contains(s), s + " missing:\n" + objective);
    }
    String expressions = session(":help expressions\n");
    for (String s : new String[] {"a @ b", "[n, k] @ [k, m] = [n, m]", "broadcasting",
        "sum(x", "mean(x", "softmax(x", "log_softmax(x", "cross_entropy(logits, labels)",
        "mse(a, b)", "bce_with_logits(z, t)", "sqrt exp log", "NAME.x"}) {
      assertTrue(expressions.contains(s), s + " missing:\n" + expressions);
    }
  }

  /** Metrics, initializers and losses are listed from their registries, every one of them. */
  @Test
  void helpTopicsWrittenFromTheRegistries() {
    String metrics = session(":help metrics\n");
    for (Metric m : Metric.values()) {
      assertTrue(metrics.contains("\n  " + m.text() + " ") && metrics.contains(
          Help.wrap(m.doc(), 50).get(0)), m + " missing:\n" + metrics);
    }
    String initializers = session(":help initializers\n");
    for (Initializers.Initializer i : Initializers.ALL) {
      assertTrue(initializers.contains("\n  " + i.usage()), i.name() + ":\n" + initializers);
    }
    String losses = session(":help losses\n");
    for (TensorFunctions.Function f : TensorFunctions.ALL) {
      assertEquals(f.loss(), losses.contains("\n  " + f.usage()), f.name() + ":\n" + losses);
    }
    String overview = session(":help\n");
    assertTrue(overview.contains("expressions metrics initializers losses"), overview);
    assertTrue(Help.topics().containsAll(java.util.List.of("metrics", "initializers",
        "losses", "expressions")));
  }

  /**
   * What the help shows is what the language accepts: every initializer and every tensor
   * function of the registries, in its help example, declares without an error.
   */
  @Test
  void everyHelpExampleOfInitializersAndFunctionsIsAccepted() {
    StringBuilder script = new StringBuilder("data d = moons(n = 20, seed = 1)\n");
    int i = 0;
    for (Initializers.Initializer init : Initializers.ALL) {
      script.append("objective i").append(i++).append("(W[2, 3] ~ ").append(init.example())
          .append(") = sum(W^2)\n");
    }
    for (TensorFunctions.Function f : TensorFunctions.ALL) {
      script.append("objective f").append(i++).append("(W[2, 2] ~ he, w[2] = 0.5) = ")
          .append(f.example()).append("\n");
    }
    String out = session(script.toString() + ":list\n");
    assertFalse(out.contains("error"), out);
    assertEquals(i, out.split("\nobjective ", -1).length - 1, out);
  }

  @Test
  void listShowAndReset() {
    String out = session(DECLARATIONS + """
        :list
        :show f
        :show slow
        :show nope
        :show Adam
        :show
        :reset
        :list
        print k
        """);
    assertTrue(out.contains("""
        optlab> let k = 2.0
        objective f(x = 1, y) = x^2 + k * y^2
        optimizer adam = Adam(lr=0.1, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, \
        amsgrad=false, maximize=false)
        optimizer slow = Adam(lr=0.01, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, \
        amsgrad=false, maximize=false)
        schedule warm = linear(total_iters = 5) for 5 then cosine(T_max = 10)
        optlab> objective f(x = 1, y) = x^2 + k * y^2
        # objective of 2 parameters, starting from (x = 1, y = 0)
        optlab> optimizer slow = Adam(lr=0.01, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, \
        amsgrad=false, maximize=false)
        optlab> 'nope' is not declared
        optlab> 'Adam' is not declared; it is built in: :help Adam
        optlab> usage: :show NAME
        optlab> forgot 5 declarations
        optlab> nothing declared yet
        optlab> <repl>:1:7: error: unknown name 'k'
        print k
              ^
        optlab> \n"""), out);
  }

  @Test
  void saveWritesAScriptThatLoadRunsBackIntoTheSameSession() throws IOException {
    String first = session(DECLARATIONS + """
        let k = 3
        run adam on f for 3 steps
        :save session.opt
        :list
        """, settings(dir));
    assertTrue(first.contains("optlab> saved 6 declarations to session.opt\n"), first);
    assertEquals("""
        # optlab session: 6 declarations
        let k = 2
        objective f(x = 1, y) = x^2 + k * y^2
        optimizer adam = Adam(lr = 0.1)
        optimizer slow = adam with (lr = 0.01)
        schedule warm = linear(total_iters = 5) for 5 then cosine(T_max = 10)
        let k = 3
        """, Files.readString(dir.resolve("session.opt"), UTF_8));
    String second = session(":load session.opt\n:list\n", settings(dir));
    assertEquals(ReplDriver.lastAnswer(first), ReplDriver.lastAnswer(second));
    assertTrue(second.contains("let k = 3.0  # replaced the earlier constant k\n"), second);
  }

  /** ReplFuzzTest found it: a NUL in the file name escaped as an internal error. */
  @Test
  void aFileNameNoPathCanHoldIsRefusedInOneLine() {
    var shown = new java.io.ByteArrayOutputStream();
    var out = new java.io.PrintStream(shown, true, UTF_8);
    var progress = new dev.optlab.console.Progress(out, false, () -> 80);
    ReplSession s = new ReplSession(new dev.optlab.Engine(), new ReplOutput(out, progress,
        dev.optlab.plot.TerminalStyle::plain), progress, dir, java.util.List::of);
    s.eval("let a = 1");
    s.eval(":save a\u0000\u001b[2J.opt");
    s.eval(":load a\u0000.opt");
    assertTrue(shown.toString(UTF_8).endsWith("""
        cannot write 'a??[2J.opt': not a valid path (Nul character not allowed)
        cannot read 'a?.opt': not a valid path (Nul character not allowed)
        """), shown.toString(UTF_8));
  }

  @Test
  void saveIsAllOrNothing() throws IOException {
    Files.writeString(dir.resolve("keep.opt"), "let old = 1\n");
    Files.createDirectory(dir.resolve("adir"));
    String out = session("let a = 1\n:save missing/x.opt\n:save adir\n", settings(dir));
    assertTrue(out.contains("optlab> cannot write 'missing/x.opt': no such directory\n"), out);
    assertTrue(out.contains("optlab> cannot write 'adir': it is a directory\n"), out);
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary file is left behind");
    }
    assertEquals("let old = 1\n", Files.readString(dir.resolve("keep.opt")));
  }

  @Test
  void loadRunsAScriptAsBatchModeAndReportsItsErrorsWithItsName() throws IOException {
    Files.writeString(dir.resolve("good.opt"), "objective q(x = 2) = x^2\nprint q(3)\n");
    Files.writeString(dir.resolve("bad.opt"), "let a = 1\n\nlet b = nosuch + 1\n");
    String out = session(":load good.opt\n:load bad.opt\n:load none.opt\n:load\n:list\n",
        settings(dir));
    assertEquals(BANNER + """
        optlab> objective q(x = 2) = x^2
        9.0
        optlab> bad.opt:3:9: error: unknown name 'nosuch'
        let b = nosuch + 1
                ^~~~~~
        optlab> cannot read 'none.opt': no such file
        optlab> usage: :load FILE
        optlab> objective q(x = 2) = x^2
        optlab> \n""", out);
  }

  /** Issue #15: a PNG given to :load reached the lexer and its bytes were echoed. */
  @Test
  void loadRefusesBinaryDataWithoutEchoingIt() throws IOException {
    Files.write(dir.resolve("picture.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n',
        0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0x1b, '[', '2', 'J'});
    String out = session(":load picture.png\nlet k = 1\n", settings(dir));
    assertEquals(BANNER + """
        optlab> picture.png:3:1: error: this is binary data, not an optlab script
        optlab> let k = 1.0
        optlab> \n""", out);
  }

  @Test
  void historyShowsThisSessionsInputsNumbered() {
    String out = session("let a = 1\nlet b = (a +\n  1)\n:history\n");
    assertTrue(out.endsWith("""
        optlab> 1  let a = 1
        2  let b = (a +
             1)
        3  :history
        optlab> \n"""), out);
  }

  @Test
  void timeRunsAStatementAndSaysHowLongItTook() {
    String out = session(":time 1 + 1\n:time\n:time :list\n:time let t = nosuch\n");
    assertEquals(BANNER + """
        optlab> 2.0
        time: TIME
        optlab> usage: :time STATEMENT
        optlab> usage: :time STATEMENT
        optlab> <repl>:1:9: error: unknown name 'nosuch'
        let t = nosuch
                ^~~~~~
        time: TIME
        optlab> \n""", out);
  }

  @Test
  void quitAndItsPrefixEndTheSession() {
    assertEquals(BANNER + "optlab> 1.0\noptlab> ", session("print 1\n:quit\nprint 2\n"));
    assertEquals(BANNER + "optlab> ", session(":q\nprint 2\n"));
  }

  @Test
  void ctrlDAtThePromptEndsTheSession() {
    assertEquals(BANNER + "optlab> 1.0\noptlab> \n", session("print 1\n\u0004print 2\n"));
  }

  @Test
  void unknownAndAmbiguousCommandsSaySo() {
    String out = session(":hlep\n:h\n:frobnicate\n: \n");
    assertEquals(BANNER + """
        optlab> unknown command ':hlep'; did you mean ':help'? (:help lists the commands)
        optlab> ambiguous command ':h': :help, :history
        optlab> unknown command ':frobnicate' (:help lists the commands)
        optlab> unknown command ':' (:help lists the commands)
        optlab> \n""", out);
    assertFalse(out.contains("Exception"));
  }
}
