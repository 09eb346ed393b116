package dev.optlab.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import dev.optlab.hyper.Kind;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The schedule table: names, LANGUAGE.md's parameters and defaults, checks, text. */
class ScheduleRegistryTest {

  @Test
  void listsEveryScheduleInTheLanguagesOrder() {
    assertEquals(
        List.of("constant_lr", "linear", "step", "multistep", "exponential", "polynomial",
            "cosine", "cosine_restarts", "cyclic", "onecycle", "plateau"),
        Schedules.all().stream().map(ScheduleKind::name).toList());
  }

  @ParameterizedTest
  @CsvSource({"cosine,cosine", "COSINE,cosine", "Cosine_Restarts,cosine_restarts",
      "OneCycle,onecycle", "Plateau,plateau", "constant_LR,constant_lr"})
  void findsByNameIgnoringCase(String asked, String found) {
    assertEquals(found, Schedules.byName(asked).orElseThrow().name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cos", "cosine_annealing", "CosineAnnealingLR", "", "one_cycle"})
  void findsNothingForOtherNames(String asked) {
    assertTrue(Schedules.byName(asked).isEmpty());
  }

  /** LANGUAGE.md section 6, parameter by parameter: kind, name, default ("required"). */
  @ParameterizedTest(name = "{0}.{1} = {2}")
  @CsvSource(delimiter = '|', textBlock = """
      constant_lr | factor | 0.3333333333333333 | NUMBER
      constant_lr | total_iters | 5 | INTEGER
      linear | start_factor | 0.3333333333333333 | NUMBER
      linear | end_factor | 1 | NUMBER
      linear | total_iters | 5 | INTEGER
      step | step_size | required | INTEGER
      step | gamma | 0.1 | NUMBER
      multistep | milestones | required | INT_LIST
      multistep | gamma | 0.1 | NUMBER
      exponential | gamma | required | NUMBER
      polynomial | total_iters | 5 | INTEGER
      polynomial | power | 1 | NUMBER
      cosine | T_max | required | INTEGER
      cosine | eta_min | 0 | NUMBER
      cosine_restarts | T_0 | required | INTEGER
      cosine_restarts | T_mult | 1 | INTEGER
      cosine_restarts | eta_min | 0 | NUMBER
      cyclic | base_lr | required | NUMBER
      cyclic | max_lr | required | NUMBER
      cyclic | step_size_up | 2000 | INTEGER
      cyclic | step_size_down | none | INTEGER
      cyclic | mode | "triangular" | CHOICE
      cyclic | gamma | 1 | NUMBER
      cyclic | cycle_momentum | true | BOOLEAN
      cyclic | base_momentum | 0.8 | NUMBER
      cyclic | max_momentum | 0.9 | NUMBER
      onecycle | max_lr | required | NUMBER
      onecycle | total_steps | required | INTEGER
      onecycle | pct_start | 0.3 | NUMBER
      onecycle | anneal_strategy | "cos" | CHOICE
      onecycle | div_factor | 25 | NUMBER
      onecycle | final_div_factor | 10000 | NUMBER
      onecycle | three_phase | false | BOOLEAN
      onecycle | cycle_momentum | true | BOOLEAN
      onecycle | base_momentum | 0.85 | NUMBER
      onecycle | max_momentum | 0.95 | NUMBER
      plateau | mode | "min" | CHOICE
      plateau | factor | 0.1 | NUMBER
      plateau | patience | 10 | INTEGER
      plateau | threshold | 0.0001 | NUMBER
      plateau | threshold_mode | "rel" | CHOICE
      plateau | cooldown | 0 | INTEGER
      plateau | min_lr | 0 | NUMBER
      plateau | eps | 1e-08 | NUMBER
      """)
  void hasLanguageParameters(String kind, String name, String def, Kind type) {
    HyperParam p = param(kind, name);
    assertEquals(def, p.defaultText());
    assertEquals(type, p.kind());
    assertEquals(def.equals("required"), p.required());
  }

  @Test
  void tableAboveCoversEveryParameter() {
    assertEquals(44, Schedules.all().stream().mapToInt(k -> k.params().size()).sum());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      cyclic | mode | triangular,triangular2,exp_range
      onecycle | anneal_strategy | cos,linear
      plateau | mode | min,max
      plateau | threshold_mode | rel,abs
      """)
  void choicesAreTorchsWords(String kind, String name, String words) {
    assertEquals(List.of(words.split(",")), param(kind, name).choices());
  }

  static Stream<ScheduleKind> kinds() {
    return Schedules.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void exampleBuildsAndDocNamesTorchClass(ScheduleKind kind) {
    ScheduleSpec spec = SpecText.parse(kind.example());
    assertNotNull(spec.start(0.1, 0.9));
    assertTrue(kind.example().startsWith(kind.name() + "("), kind.example());
    String torchClass = switch (kind.name()) {
      case "constant_lr" -> "ConstantLR";
      case "linear" -> "LinearLR";
      case "step" -> "StepLR";
      case "multistep" -> "MultiStepLR";
      case "exponential" -> "ExponentialLR";
      case "polynomial" -> "PolynomialLR";
      case "cosine" -> "CosineAnnealingLR";
      case "cosine_restarts" -> "CosineAnnealingWarmRestarts";
      case "cyclic" -> "CyclicLR";
      case "onecycle" -> "OneCycleLR";
      default -> "ReduceLROnPlateau";
    };
    assertTrue(kind.doc().contains(torchClass), kind.doc());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void defaultsPassTheirOwnChecks(ScheduleKind kind) {
    for (HyperParam p : kind.params()) {
      if (!p.required()) {
        assertNull(ScheduleKind.rangeProblem(p, p.defaultValue()), p.name());
      }
    }
  }

  /** What {@link ScheduleKind#create} says about bad arguments, crossCheck included. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      cosine() | cosine: missing required hyperparameter T_max
      cosine(T_max=0) | cosine: T_max must be > 0, got 0
      cosine(T_max=10.5) | cosine: T_max must be a whole number, got 10.5
      cosine(T_max=10, eta_min=-1) | cosine: eta_min must be >= 0, got -1
      cosine(T_max=10, T_0=3) | cosine: unknown hyperparameter T_0
      cosine_restarts(T_0=10, T_mult=0) | cosine_restarts: T_mult must be >= 1, got 0
      step(step_size=0) | step: step_size must be > 0, got 0
      linear(start_factor=0) | linear: start_factor must be in (0, 1], got 0
      linear(end_factor=1.5) | linear: end_factor must be in [0, 1], got 1.5
      constant_lr(factor=2) | constant_lr: factor must be in (0, 1], got 2
      multistep(milestones=[30, 10]) | multistep: milestones must be increasing, got [30, 10]
      multistep(milestones=[30, 30]) | multistep: milestones must be increasing, got [30, 30]
      multistep(milestones=[]) | multistep: milestones must not be empty
      multistep(milestones=[-1, 10]) | multistep: milestones must be >= 0, got [-1, 10]
      multistep(milestones=[10, 20.5]) | multistep: milestones must be a list of whole numbers such as [100, 200], got [10, 20.5]
      cyclic(base_lr=0.1, max_lr=0.01) | cyclic: max_lr must be >= base_lr, got max_lr = 0.01 and base_lr = 0.1
      cyclic(base_lr=0.01, max_lr=0.1, base_momentum=0.9, max_momentum=0.8) | cyclic: max_momentum must be >= base_momentum, got max_momentum = 0.8 and base_momentum = 0.9
      cyclic(base_lr=0.01, max_lr=0.1, mode="sawtooth") | cyclic: mode must be one of [triangular, triangular2, exp_range], got "sawtooth"
      cyclic(base_lr=0.01, max_lr=0.1, step_size_down=0) | cyclic: step_size_down must be > 0, got 0
      onecycle(max_lr=0.1) | onecycle: missing required hyperparameter total_steps
      onecycle(max_lr=0.1, total_steps=0) | onecycle: total_steps must be > 0, got 0
      onecycle(max_lr=0.1, total_steps=100, pct_start=1.5) | onecycle: pct_start must be in [0, 1], got 1.5
      onecycle(max_lr=0.1, total_steps=10, pct_start=0.1) | onecycle: pct_start * total_steps must not be 1: the warm-up phase would be empty (got 0.1 * 10)
      onecycle(max_lr=0.1, total_steps=100, pct_start=1.0) | onecycle: pct_start = 1 leaves the last phase empty; use a smaller pct_start
      onecycle(max_lr=0.1, total_steps=100, pct_start=0.505, three_phase=true) | onecycle: pct_start = 0.505 leaves the last phase empty; use a smaller pct_start
      onecycle(max_lr=0.1, total_steps=100, anneal_strategy="cosine") | onecycle: anneal_strategy must be one of [cos, linear], got "cosine"
      plateau(factor=1) | plateau: factor must be in [0, 1), got 1
      plateau(patience=-1) | plateau: patience must be >= 0, got -1
      plateau(threshold_mode="relative") | plateau: threshold_mode must be one of [rel, abs], got "relative"
      """)
  void rejectsBadArguments(String text, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SpecText.parse(text));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "multistep(milestones=[0, 1, 2])",
      "cyclic(base_lr=0.1, max_lr=0.1)",
      "onecycle(max_lr=0.1, total_steps=100, pct_start=0.0)",
      "onecycle(max_lr=0.1, total_steps=100, pct_start=0.5, three_phase=true)",
      "cyclic(base_lr=0.01, max_lr=0.1, base_momentum=0.9, max_momentum=0.8, cycle_momentum=false)",
  })
  void acceptsEdgeArguments(String text) {
    assertNotNull(SpecText.parse(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      cosine | T_max | x | cosine: T_max must be a whole number, got "x"
      onecycle | three_phase | 1 | onecycle: three_phase must be true or false, got 1
      cyclic | mode | 2 | cyclic: mode must be a string, got 2
      multistep | milestones | 5 | multistep: milestones must be a list of whole numbers such as [100, 200], got 5
      """)
  void rejectsValuesOfTheWrongKind(String kind, String name, String raw, String message) {
    Object value = raw.equals("x") ? "x" : Double.valueOf(raw);
    Map<String, Object> given = new java.util.HashMap<>(Map.of(name, value));
    given.putIfAbsent("T_max", 10.0);
    given.putIfAbsent("milestones", new double[] {10});
    given.putIfAbsent("max_lr", 0.1);
    given.putIfAbsent("base_lr", 0.01);
    given.putIfAbsent("total_steps", 10.0);
    ScheduleKind k = Schedules.byName(kind).orElseThrow();
    given.keySet().retainAll(k.params().stream().map(HyperParam::name).toList());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> k.create(given));
    assertEquals(message, e.getMessage());
  }

  @Test
  void crossCheckIsNullWhenFine() {
    ScheduleKind cyclic = Schedules.byName("cyclic").orElseThrow();
    HyperValues ok = HyperValues.withDefaults(cyclic.params(),
        Map.of("base_lr", 0.001, "max_lr", 0.1));
    assertNull(cyclic.crossCheck().apply(ok));
    HyperValues bad = HyperValues.withDefaults(cyclic.params(),
        Map.of("base_lr", 0.1, "max_lr", 0.001));
    assertNotNull(cyclic.crossCheck().apply(bad));
  }

  @Test
  void stepSizeDownDefaultsToStepSizeUp() {
    CyclicLr c = (CyclicLr) SpecText.parse("cyclic(base_lr=0.01, max_lr=0.1, step_size_up=20)");
    assertEquals(20, c.stepSizeDown());
    CyclicLr d = (CyclicLr) SpecText.parse(
        "cyclic(base_lr=0.01, max_lr=0.1, step_size_up=20, step_size_down=7)");
    assertEquals(7, d.stepSizeDown());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      cosine(T_max=2000, eta_min=1e-4) | cosine(T_max=2000, eta_min=0.0001)
      constant_lr() | constant_lr(factor=0.3333333333333333, total_iters=5)
      multistep(milestones=[30, 80]) | multistep(milestones=[30, 80], gamma=0.1)
      exponential(gamma = 0.99) | exponential(gamma=0.99)
      cosine_restarts(T_0=10, T_mult=2) | cosine_restarts(T_0=10, T_mult=2, eta_min=0)
      cyclic(base_lr=0.001, max_lr=0.1, step_size_up=20, mode="exp_range") | cyclic(base_lr=0.001, max_lr=0.1, step_size_up=20, step_size_down=20, mode="exp_range", gamma=1, cycle_momentum=true, base_momentum=0.8, max_momentum=0.9)
      onecycle(max_lr=0.1, total_steps=1000, three_phase=true) | onecycle(max_lr=0.1, total_steps=1000, pct_start=0.3, anneal_strategy="cos", div_factor=25, final_div_factor=10000, three_phase=true, cycle_momentum=true, base_momentum=0.85, max_momentum=0.95)
      plateau(mode="max") | plateau(mode="max", factor=0.1, patience=10, threshold=0.0001, threshold_mode="rel", cooldown=0, min_lr=0, eps=1e-08)
      linear(start_factor=0.01, total_iters=100) for 100 then cosine(T_max=900) | linear(start_factor=0.01, end_factor=1, total_iters=100) for 100 then cosine(T_max=900, eta_min=0)
      """)
  void printsEveryParameter(String text, String printed) {
    ScheduleSpec spec = SpecText.parse(text);
    assertEquals(printed, spec.toString());
    assertEquals(spec, SpecText.parse(printed), "the printed form reads back the same");
  }

  static Stream<Arguments> goldenTexts() throws java.io.IOException {
    return ScheduleGoldenTest.cases().filter(a -> !((String) a.get()[4]).contains("lambda:"))
        .map(a -> Arguments.of(a.get()[4]));
  }

  @ParameterizedTest
  @MethodSource("goldenTexts")
  void everyGoldenScheduleReadsBackFromItsText(String text) {
    ScheduleSpec spec = SpecText.parse(text);
    assertEquals(spec, SpecText.parse(spec.toString()));
  }

  @Test
  void optionalIntegerLeftOutIsNaNAndNotRequired() {
    HyperParam p = param("cyclic", "step_size_down");
    assertFalse(p.required());
    assertTrue(Double.isNaN((Double) p.defaultValue()));
  }

  private static HyperParam param(String kind, String name) {
    return Schedules.byName(kind).orElseThrow().params().stream()
        .filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
  }
}
