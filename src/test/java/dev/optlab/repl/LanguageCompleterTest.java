package dev.optlab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.console.TableOutput;
import dev.optlab.exec.RunControl;
import dev.optlab.source.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completion candidates at given cursor positions ({@code |} marks the cursor), through the
 * REPL's own parser and completer as JLine calls them.
 */
class LanguageCompleterTest {
  @TempDir Path dir;
  private Engine engine;
  private LanguageCompleter completer;
  private final InputParser parser = new InputParser(text -> false);

  private static final List<String> OPTIMIZER_CTORS = List.of("SGD(", "Adam(", "AdamW(",
      "Adagrad(", "RMSprop(", "Adadelta(", "Adamax(", "NAdam(", "RAdam(", "Rprop(");
  private static final List<String> SCHEDULE_CTORS = List.of("constant_lr(", "linear(", "step(",
      "multistep(", "exponential(", "polynomial(", "cosine(", "cosine_restarts(", "cyclic(",
      "onecycle(", "plateau(");
  /** The engine's built-in functions, in its order: completion offers exactly these. */
  private static final List<String> FUNCTIONS = java.util.stream.Stream.concat(
          dev.optlab.diff.ExprCompiler.builtins().stream(),
          dev.optlab.tensor.TensorCompiler.TENSOR_FUNCTIONS.stream().sorted())
      .map(f -> f + "(").toList();

  @BeforeEach
  void declare() throws IOException {
    engine = new Engine();
    engine.run(new Source("setup", """
        let k = 3
        objective rosen(x = -1.5, y = 2) = (1 - x)^2 + 100 * (y - x^2)^2
        objective bowl(u) = u^2
        optimizer adam = Adam(lr = 0.05)
        optimizer sgd = SGD(lr = 0.01)
        schedule cos = cosine(T_max = 100)
        def sq(a) = a * a
        """), false, new TableOutput(new PrintStream(OutputStream.nullOutputStream())),
        RunControl.none());
    Files.createDirectories(dir.resolve("scripts"));
    Files.writeString(dir.resolve("scripts/first.opt"), "");
    Files.writeString(dir.resolve("scripts/second.opt"), "");
    Files.writeString(dir.resolve("notes.txt"), "");
    Files.writeString(dir.resolve(".hidden.opt"), "");
    Files.writeString(dir.resolve("scripts/paths.png"), "");
    Files.writeString(dir.resolve("scripts/paths.svg"), "");
    completer = new LanguageCompleter(engine, dir);
  }

  private List<Candidate> candidates(String marked) {
    int cursor = marked.indexOf('|');
    ParsedLine line = parser.parse(marked.replace("|", ""), cursor, Parser.ParseContext.COMPLETE);
    List<Candidate> out = new ArrayList<>();
    completer.complete(null, line, out);
    return out;
  }

  private List<String> values(String marked) {
    return candidates(marked).stream().map(Candidate::value).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void atTheStartStatementKeywordsAndNames() {
    assertEquals(List.of("run", "report", "rosen(", "relu("), values("r|"));
    assertEquals(List.of(), values("report |")); // the grammar wants a string: nothing to offer
    assertEquals(List.of("objective", "optimizer"), values("o|"));
    assertEquals(List.of("compare", "cos(", "ceil(", "cross_entropy("), values("let a = 1; c|"));
  }

  @Test
  void objectivesAfterOnAndOptimizersAfterRunCompareAndCommas() {
    assertEquals(List.of("rosen", "bowl"), values("run adam on |"));
    assertEquals(List.of("rosen"), values("run adam on r|"));
    assertEquals(concat(List.of("adam", "sgd"), OPTIMIZER_CTORS), values("run |"));
    assertEquals(List.of("adam", "Adam(", "AdamW(", "Adagrad(", "Adadelta(", "Adamax("),
        values("compare sgd, a|"));
    assertEquals(List.of("sgd", "SGD("), values("explain compare adam, s|"));
    assertEquals(List.of("on", "with"), values("run adam |"));
  }

  @Test
  void runClausesInOrderOfWhatIsMissing() {
    assertEquals(List.of("from", "for", "every", "until", "trace", "batch", "seed", "metrics",
        "per"), values("run adam on rosen |"));
    assertEquals(List.of("steps", "epochs", "epoch"), values("run adam on rosen for 100 |"));
    assertEquals(List.of("test_loss", "accuracy"),
        values("run adam on rosen for 2 epochs metrics |").subList(0, 2));
    assertEquals(List.of("test_loss"),
        values("run adam on rosen for 2 epochs metrics accuracy, t|").subList(0, 1));
    assertEquals(List.of("from", "every", "until", "trace", "batch", "seed", "metrics", "per"),
        values("run adam on rosen for 100 steps |"));
    assertEquals(List.of("from", "every", "until", "batch", "seed", "metrics", "per"),
        values("compare adam, sgd on rosen for 100 steps |"));
    assertEquals(List.of("loss", "log(", "log_softmax("), values("run adam on rosen for 9 steps until l|"));
    assertEquals(List.of("x = ", "y = "), values("run adam on rosen from (|"));
    assertEquals(List.of("y = "), values("run adam on rosen from (x = 1, y|"));
  }

  @Test
  void plotsTakeARunsClausesAndTheirOwn() {
    assertEquals(List.of("run", "compare", "paths", "schedule", "lrfind"), values("plot |"));
    assertEquals(concat(List.of("adam", "sgd"), OPTIMIZER_CTORS), values("plot compare adam, |"));
    assertEquals(List.of("rosen", "bowl"), values("plot paths adam on |"));
    assertEquals(List.of("from", "every", "until", "batch", "seed", "metrics", "per", "to",
        "with"),
        values("plot run adam on rosen for 10 steps |"));
    assertEquals(List.of("lr"), values("plot compare adam, sgd on rosen with |"));
    assertEquals(List.of("from", "for", "every", "until", "batch", "seed", "metrics", "per", "to"),
        values("plot paths sgd on rosen over (x = -2 to 2, y = -1 to 3) |"));
    assertEquals(List.of("x = ", "y = "), values("plot paths sgd on rosen over (|"));
    assertEquals(concat(List.of("cos"), SCHEDULE_CTORS), values("plot schedule cos, |"));
    assertEquals(List.of("for", "then"), values("plot schedule cos |"));
    assertEquals(List.of("steps", "then"), values("plot schedule cos for 100 |"));
    assertEquals(List.of("every", "lr", "to"), values("plot schedule cos for 100 steps |"));
    assertEquals(List.of("every", "to"), values("plot schedule cos for 100 steps lr 0.1 |"));
  }

  @Test
  void hyperparametersInsideAConstructorWithTheirDefaults() {
    List<Candidate> adam = candidates("optimizer a = Adam(|");
    assertEquals(List.of("lr = ", "betas = ", "eps = ", "weight_decay = ", "amsgrad = ",
        "maximize = ", "schedule = "), adam.stream().map(Candidate::value).toList());
    assertEquals("default 1e-08: added to the denominator for numerical stability",
        adam.get(2).descr());
    assertEquals("lr", adam.get(0).displ());
    assertEquals(List.of("betas = ", "eps = ", "weight_decay = ", "amsgrad = ", "maximize = ",
        "schedule = "), values("run Adam(lr = 0.1, |) on rosen for 10 steps"));
    assertEquals(List.of("momentum = ", "maximize = "), values("optimizer b = SGD(lr = 1, m|"));
    assertEquals(List.of("true", "false"), values("optimizer b = SGD(nesterov = |"));
    assertEquals(List.of("eta_min = "), values("schedule s = cosine(T_max = 10, |"));
    assertEquals("required: steps from the base lr down to eta_min",
        candidates("schedule s = cosine(T|").get(0).descr());
    assertEquals(List.of("\"triangular\"", "\"triangular2\"", "\"exp_range\""),
        values("optimizer c = SGD(lr = 1, schedule = cyclic(base_lr = 0.1, max_lr = 1, mode = |"));
    assertEquals(List.of("lr = ", "rho = "), values("optimizer d = Adadelta(|").subList(0, 2));
  }

  @Test
  void withCompletesTheHyperparametersOfTheOptimizerItCopies() {
    assertEquals(List.of("momentum = ", "maximize = "), values("optimizer b = sgd with (m|"));
    assertEquals(List.of("amsgrad = "), values("run adam with (lr = 1, a|"));
    assertEquals(List.of("with"), values("optimizer b = adam |"));
  }

  @Test
  void dataSourcesAfterDataEquals() {
    assertEquals(List.of("csv(", "idx(", "npy(", "npz(", "moons(", "spirals(", "blobs(",
        "linear("), values("data d = |"));
    assertEquals(List.of("npy(", "npz("), values("data d = np|"));
    assertEquals(List.of(), values("data d = idx(images = \"a\") |"));
  }

  @Test
  void schedulesAfterScheduleEqualsAndThen() {
    assertEquals(concat(List.of("cos"), SCHEDULE_CTORS), values("schedule s = |"));
    assertEquals(concat(List.of("cos"), SCHEDULE_CTORS),
        values("optimizer a = Adam(schedule = |"));
    assertEquals(List.of("cos", "constant_lr(", "cosine(", "cosine_restarts("),
        values("schedule s = linear(total_iters = 5) for 5 then co|"));
    assertEquals(List.of("for", "then"), values("schedule s = cos |"));
    assertEquals(List.of("then"), values("schedule s = cos for 10 |"));
  }

  @Test
  void expressionsOfferTheirVariablesDeclarationsAndBuiltIns() {
    List<String> names = new ArrayList<>(List.of("k", "rosen(", "bowl(", "sq("));
    names.addAll(FUNCTIONS);
    names.addAll(List.of("pi", "e"));
    assertEquals(concat(List.of("p", "q"), names), values("objective g(p = 1, q) = |"));
    assertEquals(List.of("t", "lr0"), values("schedule warm(t) = |").subList(0, 2));
    assertEquals(List.of("sq(", "sqrt(", "sin(", "sigmoid(", "softplus(", "sign(", "softmax(",
        "sum("),
        values("def h(a) = 1 + s|"));
    assertEquals(List.of("rosen", "bowl"), values("print grad(|"));
    assertEquals(List.of("u = "), values("print grad(bowl, (|"));
    assertEquals(List.of(), values("let z = 2 |"), "after an operand only an operator fits");
  }

  @Test
  void nothingInsideCommentsStringsNumbersOrNamesBeingDeclared() {
    assertEquals(List.of(), values("let z = 1 # k|"));
    assertEquals(List.of(), values("run adam on rosen for 5 steps trace \"ro|"));
    assertEquals(List.of(), values("let z = 1e|"));
    assertEquals(List.of(), values("def f(|"));
    assertEquals(List.of(), values("objective g(|"));
  }

  @Test
  void theCursorMayStandInsideALine() {
    assertEquals(List.of("adam", "Adam(", "AdamW(", "Adagrad(", "Adadelta(", "Adamax("),
        values("run a| on rosen for 10 steps"));
    ParsedLine line = parser.parse("run ad on rosen", 6, Parser.ParseContext.COMPLETE);
    assertEquals("ad", line.word());
    assertEquals(2, line.wordCursor());
  }

  @Test
  void commandsTheirTopicsNamesAndPaths() {
    assertEquals(List.of(":help", ":list", ":show", ":load", ":save", ":reset", ":history",
        ":time", ":quit"), values(":|"));
    assertEquals(List.of(":help", ":history"), values(":h|"));
    assertEquals("run a script into the session", candidates(":lo|").get(0).descr());
    assertTrue(candidates(":sh|").get(0).complete(), "a space follows, ready for the NAME");
    assertEquals(List.of("Adam", "AdamW", "Adagrad", "Adadelta", "Adamax"), values(":help Ad|"));
    assertEquals(List.of("compare", "constant_lr", "cosine", "cosine_restarts"),
        values(":help co|"));
    assertEquals(List.of(":load"), values(":help :lo|"));
    assertEquals(List.of("rosen"), values(":show ro|"));
    // scripts and directories only: not notes.txt, nor the pictures beside the scripts
    assertEquals(List.of("scripts/"), values(":load |"));
    assertEquals(List.of("scripts/first.opt", "scripts/second.opt"), values(":load scripts/|"));
    assertEquals(List.of("scripts/second.opt"), values(":save scripts/s|"));
    assertEquals(List.of(".hidden.opt"), values(":load .h|"));
    assertEquals("scripts/s", parser.parse(":save scripts/s", 15,
        Parser.ParseContext.COMPLETE).word());
    assertEquals(List.of("rosen", "bowl"), values(":time run adam on |"));
    assertEquals(List.of(), values(":quit |"));
  }

  @Test
  void constructorsShowTheirRealDefaultsNotAnExample() {
    // the menu showed Adam(lr = 0.01, ...) where the default is 1e-3
    Candidate adam = candidates("optimizer a = Ad|").stream()
        .filter(c -> c.value().equals("Adam(")).findFirst().orElseThrow();
    assertEquals("Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, amsgrad=false,"
        + " maximize=false)", adam.descr());
    Candidate sgd = candidates("optimizer s = SG|").stream()
        .filter(c -> c.value().equals("SGD(")).findFirst().orElseThrow();
    assertTrue(sgd.descr().startsWith("SGD(lr=?, momentum=0,"), sgd.descr());
  }

  @Test
  void lrfindCompletesItsOptimizerObjectiveAndClauses() {
    assertEquals(concat(List.of("adam", "sgd"), OPTIMIZER_CTORS), values("lrfind |"));
    assertEquals(List.of("rosen", "bowl"), values("lrfind adam on |"));
    // the clauses the grammar allows there, in its order
    assertEquals(java.util.Set.of("from", "to", "steps", "batch", "seed", "suggest"),
        java.util.Set.copyOf(values("lrfind adam on rosen |")));
  }
}
