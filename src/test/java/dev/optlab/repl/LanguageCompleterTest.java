package dev.optlab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.console.TableOutput;
import dev.optlab.exec.RunControl;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import dev.optlab.hyper.Kind;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.optim.Optimizers;
import dev.optlab.schedule.ScheduleKind;
import dev.optlab.schedule.Schedules;
import dev.optlab.source.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  // Built-ins come from the registries, in their order, so a new optimizer, schedule or
  // hyperparameter is covered without editing this test.
  private static final List<String> OPTIMIZER_CTORS =
      Optimizers.names().stream().map(n -> n + "(").toList();
  private static final List<String> SCHEDULE_NAMES =
      Schedules.all().stream().map(ScheduleKind::name).toList();
  private static final List<String> SCHEDULE_CTORS =
      SCHEDULE_NAMES.stream().map(n -> n + "(").toList();
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

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> out = new ArrayList<>();
    for (List<String> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  /** The entries starting with {@code prefix}, ignoring case, in order: what completion keeps. */
  private static List<String> startingWith(List<String> all, String prefix) {
    String p = prefix.toLowerCase(Locale.ROOT);
    return all.stream().filter(s -> s.toLowerCase(Locale.ROOT).startsWith(p)).toList();
  }

  private static List<HyperParam> optimizerParams(String name) {
    return Optimizers.byName(name).orElseThrow().params();
  }

  private static List<HyperParam> scheduleParams(String name) {
    return Schedules.byName(name).orElseThrow().params();
  }

  /** {@code name = } for each hyperparameter in its kind's order, leaving out those given. */
  private static List<String> assignments(List<HyperParam> params, String... given) {
    List<String> left = List.of(given);
    return params.stream().map(HyperParam::name).filter(n -> !left.contains(n))
        .map(n -> n + " = ").toList();
  }

  @Test
  void atTheStartStatementKeywordsAndNames() {
    assertEquals(List.of("run", "report", "rule", "rosen(", "relu("), values("r|"));
    assertEquals(List.of(), values("report |")); // the grammar wants a string: nothing to offer
    assertEquals(List.of("objective", "optimizer"), values("o|"));
    assertEquals(List.of("compare", "cos(", "ceil(", "cross_entropy("), values("let a = 1; c|"));
  }

  @Test
  void objectivesAfterOnAndOptimizersAfterRunCompareAndCommas() {
    assertEquals(List.of("rosen", "bowl"), values("run adam on |"));
    assertEquals(List.of("rosen"), values("run adam on r|"));
    assertEquals(concat(List.of("adam", "sgd"), OPTIMIZER_CTORS), values("run |"));
    assertEquals(concat(List.of("adam"), startingWith(OPTIMIZER_CTORS, "a")),
        values("compare sgd, a|"));
    assertEquals(concat(List.of("sgd"), startingWith(OPTIMIZER_CTORS, "s")),
        values("explain compare adam, s|"));
    assertEquals(List.of("on", "with", "for"), values("run adam |"));
  }

  @Test
  void parameterGroupsOfferSelectorsParameterNamesAndOptimizers() {
    assertEquals(List.of("matrices", "others", "["), values("run adam for |"));
    assertEquals(List.of("matrices", "others", "["), values("optimizer mix = adam for |"));
    // the objective comes after `on`: every declared objective's parameters, once each
    assertEquals(List.of("x", "y", "u"), values("run SGD(lr = 0.1) for [|"));
    assertEquals(List.of("y"), values("run sgd for [x, y|"));
    assertEquals(concat(List.of("adam", "sgd"), OPTIMIZER_CTORS), values("run sgd for [x] + |"));
    assertEquals(concat(List.of("adam", "sgd"), OPTIMIZER_CTORS),
        values("optimizer mix = sgd for [x] + |"));
    assertEquals(List.of("on"), values("run sgd for [x] + adam for others |"));
    assertEquals(List.of("on"), values("run sgd for [x] |"));
  }

  @Test
  void runClausesInOrderOfWhatIsMissing() {
    assertEquals(List.of("from", "for", "every", "until", "trace", "resume", "batch", "seed",
        "metrics", "per", "checkpoint"), values("run adam on rosen |"));
    assertEquals(List.of("steps", "epochs", "epoch", "more"), values("run adam on rosen for 100 |"));
    assertEquals(List.of("test_loss", "accuracy"),
        values("run adam on rosen for 2 epochs metrics |").subList(0, 2));
    assertEquals(List.of("test_loss"),
        values("run adam on rosen for 2 epochs metrics accuracy, t|").subList(0, 1));
    assertEquals(List.of("from", "every", "until", "trace", "resume", "batch", "seed", "metrics",
        "per", "checkpoint"), values("run adam on rosen for 100 steps |"));
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
    assertEquals(concat(assignments(optimizerParams("Adam")), List.of("schedule = ")),
        adam.stream().map(Candidate::value).toList());
    assertEquals("default 1e-08: added to the denominator for numerical stability",
        adam.get(2).descr());
    assertEquals("lr", adam.get(0).displ());
    assertEquals(concat(assignments(optimizerParams("Adam"), "lr"), List.of("schedule = ")),
        values("run Adam(lr = 0.1, |) on rosen for 10 steps"));
    assertEquals(startingWith(assignments(optimizerParams("SGD"), "lr"), "m"),
        values("optimizer b = SGD(lr = 1, m|"));
    assertEquals(List.of("true", "false"), values("optimizer b = SGD(nesterov = |"));
    assertEquals(assignments(scheduleParams("cosine"), "T_max"),
        values("schedule s = cosine(T_max = 10, |"));
    assertEquals("required: steps from the base lr down to eta_min",
        candidates("schedule s = cosine(T|").get(0).descr());
    assertEquals(scheduleParams("cyclic").stream().filter(p -> p.name().equals("mode"))
            .findFirst().orElseThrow().choices().stream().map(c -> "\"" + c + "\"").toList(),
        values("optimizer c = SGD(lr = 1, schedule = cyclic(base_lr = 0.1, max_lr = 1, mode = |"));
    assertEquals(concat(assignments(optimizerParams("Adadelta")), List.of("schedule = ")),
        values("optimizer d = Adadelta(|"));
  }

  @Test
  void everyRegisteredOptimizerOffersItsHyperparametersAndRealDefaults() {
    for (OptimizerKind k : Optimizers.all()) {
      List<Candidate> offered = candidates("optimizer z = " + k.name() + "(|");
      assertEquals(concat(assignments(k.params()), List.of("schedule = ")),
          offered.stream().map(Candidate::value).toList(), k.name());
      for (int i = 0; i < k.params().size(); i++) {
        HyperParam p = k.params().get(i);
        assertEquals((p.required() ? "required" : "default " + p.defaultText()) + ": " + p.doc(),
            offered.get(i).descr(), k.name() + "." + p.name());
      }
      Candidate ctor = candidates("optimizer z = " + k.name() + "|").stream()
          .filter(c -> c.value().equals(k.name() + "(")).findFirst().orElseThrow();
      assertEquals(signature(k.name(), k.params()), ctor.descr());
    }
  }

  @Test
  void everyRegisteredScheduleOffersItsHyperparametersAndChoices() {
    for (ScheduleKind k : Schedules.all()) {
      assertEquals(assignments(k.params()), values("schedule z = " + k.name() + "(|"), k.name());
      for (HyperParam p : k.params()) {
        if (p.kind() == Kind.CHOICE) {
          assertEquals(p.choices().stream().map(c -> "\"" + c + "\"").toList(),
              values("schedule z = " + k.name() + "(" + p.name() + " = |"), p.name());
        }
      }
      Candidate ctor = candidates("schedule z = " + k.name() + "|").stream()
          .filter(c -> c.value().equals(k.name() + "(")).findFirst().orElseThrow();
      assertEquals(signature(k.name(), k.params()), ctor.descr());
    }
  }

  /** {@code Adam(lr=0.001, betas=(0.9, 0.999), ...)}, {@code ?} for a required value. */
  private static String signature(String name, List<HyperParam> params) {
    return name + "(" + String.join(", ", params.stream().map(p -> p.name() + "="
        + (p.required() ? "?" : HyperValues.format(p.defaultValue()))).toList()) + ")";
  }

  @Test
  void withCompletesTheHyperparametersOfTheOptimizerItCopies() {
    assertEquals(startingWith(assignments(optimizerParams("SGD")), "m"),
        values("optimizer b = sgd with (m|"));
    assertEquals(startingWith(assignments(optimizerParams("Adam"), "lr"), "a"),
        values("run adam with (lr = 1, a|"));
    assertEquals(List.of("with", "for"), values("optimizer b = adam |"));
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
    assertEquals(concat(List.of("cos"), startingWith(SCHEDULE_CTORS, "co")),
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
    assertEquals(concat(List.of("adam"), startingWith(OPTIMIZER_CTORS, "a")),
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
    // topics: the language's, then the optimizers', then the schedules'
    assertEquals(concat(startingWith(Optimizers.names(), "Ad"), startingWith(SCHEDULE_NAMES, "Ad")),
        values(":help Ad|"));
    assertEquals(concat(List.of("compare"), startingWith(Optimizers.names(), "co"),
        startingWith(SCHEDULE_NAMES, "co")), values(":help co|"));
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
