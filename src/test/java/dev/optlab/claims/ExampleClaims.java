package dev.optlab.claims;

import dev.optlab.claims.Audit.Claim;
import dev.optlab.claims.Audit.Evidence;
import dev.optlab.schedule.Schedules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The claims table: the numbers of the examples' comments that neither the script's code nor its
 * output states as such. Each row names the number by a phrase of the comment (the phrase's first
 * number is the one checked), says what it is, and computes it; {@link Audit} requires the number
 * as written to round from the computed value. Rows also pin numbers that some unrelated printed
 * number would match by accident ("2%" is 2 lr, not whatever prints as 0.02).
 */
final class ExampleClaims {
  private ExampleClaims() {}

  private static Claim row(String example, String phrase, String checks,
      ToDoubleFunction<Evidence> value) {
    return new Claim(example, phrase, checks, value);
  }

  /** A number of {@code example}'s golden: its run of {@code optimizer} on {@code objective}. */
  private static ToDoubleFunction<Evidence> run(String example, String optimizer,
      String objective, String step, String column) {
    return e -> e.golden(example).run(optimizer, objective).at(step, column);
  }

  static final List<Claim> ROWS = List.of(
      // 00
      row("00_story", "to 7e-29", "06's final loss of Adam with the constant lr 0.05",
          e -> e.golden("06_adam").run("adam", "rosenbrock").last("loss")),
      row("00_story", "0.56, 0.31", "SGD's x in the compare",
          e -> e.golden("00_story").compare("rosenbrock").at("sgd", "x")),
      row("00_story", "0.31).", "SGD's y in the compare",
          e -> e.golden("00_story").compare("rosenbrock").at("sgd", "y")),

      // 01: the factors (1 - lr) and (1 - 10 lr) of x and y per step
      row("01_learning_rate", "-1 and 1", "y's factor 1 - 10 lr at the limit lr = 2 / 10",
          e -> 1 - 10 * (2.0 / 10)),
      row("01_learning_rate", "0.999 per step", "x's factor 1 - lr at lr = 0.001",
          e -> 1 - 0.001),
      row("01_learning_rate", "1.8 (x", "too_small's x at step 500",
          run("01_learning_rate", "too_small", "bowl", "500", "x")),
      row("01_learning_rate", "0.85 and y", "x's factor 1 - lr at lr = 0.15", e -> 1 - 0.15),
      row("01_learning_rate", "-0.5 per step", "y's factor 1 - 10 lr at lr = 0.15",
          e -> 1 - 10 * 0.15),
      row("01_learning_rate", "1.9 = -0.9", "10 lr at lr = 0.19", e -> 10 * 0.19),
      row("01_learning_rate", "-0.9, so y", "y's factor 1 - 10 lr at lr = 0.19",
          e -> 1 - 10 * 0.19),
      row("01_learning_rate", "-2, y doubles", "y's factor 1 - 10 lr at lr = 0.3",
          e -> 1 - 10 * 0.3),

      // 02
      row("02_saddle", "-2y) is zero", "d(-y^2)/dy = -2 y", e -> -2),
      row("02_saddle", "-2y, is as small", "d(-y^2)/dy = -2 y", e -> -2),
      row("02_saddle", "2% per step", "y's growth 2 lr per step at lr = 0.01", e -> 2 * 0.01),
      row("02_saddle", "2% of a tiny y", "the same 2 lr", e -> 2 * 0.01),
      row("02_saddle", "10 times one gradient", "1 / (1 - momentum) at momentum 0.9",
          e -> 1 / (1 - 0.9)),
      row("02_saddle", "a thousand times weaker", "the printed gradient's x over its y",
          e -> e.golden("02_saddle").line(0)[0] / -e.golden("02_saddle").line(0)[1]),
      row("02_saddle", "five times sooner", "SGD's steps to loss < -1 over momentum's",
          e -> e.golden("02_saddle").compare("saddle").at("sgd", "steps")
              / e.golden("02_saddle").compare("saddle").at("momentum", "steps")),

      // 03: lr 0.019 on curvatures 1 (x) and 100 (y)
      row("03_narrow_valley", "10 times narrower", "sqrt(100 / 1), the curvatures' ratio",
          e -> Math.sqrt(100)),
      row("03_narrow_valley", "0.02 or", "SGD's limit 2 / curvature", e -> 2.0 / 100),
      row("03_narrow_valley", "0.02 limit", "SGD's limit 2 / curvature", e -> 2.0 / 100),
      row("03_narrow_valley", "0.981 per step", "x's factor 1 - lr", e -> 1 - 0.019),
      row("03_narrow_valley", "0.981 a step", "x's factor 1 - lr", e -> 1 - 0.019),
      row("03_narrow_valley", "1.9 = -0.9", "100 lr", e -> 100 * 0.019),
      row("03_narrow_valley", "-0.9) while", "y's factor 1 - 100 lr", e -> 1 - 100 * 0.019),
      row("03_narrow_valley", "0.95 for m = 0.9", "sqrt(m) for m = 0.9", e -> Math.sqrt(0.9)),
      row("03_narrow_valley", "0.74, where", "critical damping for x: (1 - sqrt(lr))^2",
          e -> Math.pow(1 - Math.sqrt(0.019), 2)),
      row("03_narrow_valley", "0.87", "sqrt(0.75)", e -> Math.sqrt(0.75)),
      row("03_narrow_valley", "0.28 at step 12", "SGD's y at step 12",
          run("03_narrow_valley", "sgd", "valley", "12", "y")),
      row("03_narrow_valley", "0.53 at step 12", "momentum's y at step 12",
          run("03_narrow_valley", "momentum", "valley", "12", "y")),
      row("03_narrow_valley", "1.7 in 12 steps", "momentum's x at step 12",
          run("03_narrow_valley", "momentum", "valley", "12", "x")),
      row("03_narrow_valley", "7.9; and", "SGD's x at step 12",
          run("03_narrow_valley", "sgd", "valley", "12", "x")),
      row("03_narrow_valley", "-2.5 at step 20", "momentum's x at step 20",
          run("03_narrow_valley", "momentum", "valley", "20", "x")),

      // 04
      row("04_adagrad_stalls", "~200", "lr over the cliff run's mean step in its last 1000 steps",
          e -> 0.5 / ((run("04_adagrad_stalls", "adagrad", "cliff", "2000", "x").applyAsDouble(e)
              - run("04_adagrad_stalls", "adagrad", "cliff", "1000", "x").applyAsDouble(e))
              / 1000)),
      row("04_adagrad_stalls", "13.4 in the first", "the slope run's x at step 200 less at 0",
          e -> run("04_adagrad_stalls", "adagrad", "slope", "200", "x").applyAsDouble(e)
              - run("04_adagrad_stalls", "adagrad", "slope", "0", "x").applyAsDouble(e)),
      row("04_adagrad_stalls", "2.3 in the last", "the slope run's x at step 2000 less at 1800",
          e -> run("04_adagrad_stalls", "adagrad", "slope", "2000", "x").applyAsDouble(e)
              - run("04_adagrad_stalls", "adagrad", "slope", "1800", "x").applyAsDouble(e)),
      row("04_adagrad_stalls", "0.5 per 200", "the cliff run's mean move per 200 steps after 200",
          e -> (run("04_adagrad_stalls", "adagrad", "cliff", "2000", "x").applyAsDouble(e)
              - run("04_adagrad_stalls", "adagrad", "cliff", "200", "x").applyAsDouble(e)) / 9),
      row("04_adagrad_stalls", "-40", "where wall(x), a softplus of x + 40, rises", e -> -40),

      // 05
      row("05_rmsprop", "100 for", "1 / (1 - alpha) at alpha = 0.99", e -> 1 / (1 - 0.99)),
      row("05_rmsprop", "~5 per 100", "the slope run's mean move per 100 steps, 200 to 700",
          e -> (run("05_rmsprop", "rmsprop", "slope", "700", "x").applyAsDouble(e)
              - run("05_rmsprop", "rmsprop", "slope", "200", "x").applyAsDouble(e)) / 5),
      row("05_rmsprop", "-19.1", "04's Adagrad on the slope, x at step 1000",
          run("04_adagrad_stalls", "adagrad", "slope", "1000", "x")),
      row("05_rmsprop", "~0.05 per step again", "the cliff run's mean step from 800 to 1000",
          e -> (run("05_rmsprop", "rmsprop", "cliff", "1000", "x").applyAsDouble(e)
              - run("05_rmsprop", "rmsprop", "cliff", "800", "x").applyAsDouble(e)) / 200),
      row("05_rmsprop", "-34.7", "04's Adagrad on the cliff, x at step 1400",
          run("04_adagrad_stalls", "adagrad", "cliff", "1400", "x")),
      row("05_rmsprop", "10-step memory", "1 / (1 - alpha) at alpha = 0.9", e -> 1 / (1 - 0.9)),
      row("05_rmsprop", "-0.025 and", "short_memory's final x less one step of lr = 0.05",
          e -> e.golden("05_rmsprop").compare("cliff").at("short_memory", "x") - 0.05),
      row("05_rmsprop", "-40", "where wall(x), a softplus of x + 40, rises", e -> -40),

      // 06
      row("06_adam", "1000 times weaker", "the start's gradient 2 x over 2 y at (1, 1e-3)",
          e -> 2 * 1 / (2 * 1e-3)),
      row("06_adam", "about 0.05 per step", "the saddle run's mean move of y over its 21 steps",
          e -> (run("06_adam", "adam", "saddle", "21", "y").applyAsDouble(e)
              - run("06_adam", "adam", "saddle", "0", "y").applyAsDouble(e)) / 21),
      row("06_adam", "72 in 02", "02's steps of momentum to loss < -1",
          e -> e.golden("02_saddle").compare("saddle").at("momentum", "steps")),

      // 07
      row("07_schedules", "3 x^2 + 1", "d2/dx2 of 0.25 x^4 is 12 * 0.25 x^2", e -> 12 * 0.25),
      row("07_schedules", "49 at the start", "3 x^2 + 1 at x = 4", e -> 3 * 16 + 1),
      row("07_schedules", "from step 12", "the constant run's first step from which (x, y) repeats"
          + " every 2 steps", e -> firstOfTwoCycle(e.golden("07_schedules").run("constant",
          "kink"))),
      row("07_schedules", "loss 0.12,", "the constant run's loss at step 12",
          run("07_schedules", "constant", "kink", "12", "loss")),
      row("07_schedules", "0.08 (rows", "the constant run's loss at step 13",
          run("07_schedules", "constant", "kink", "13", "loss")),
      row("07_schedules", "9 = 2e-4", "halvings before update 1000: floor(999 / 100)",
          e -> Math.floor(999 / 100.0)),
      row("07_schedules", "= 2e-4, is", "0.1 / 2^9", e -> 0.1 / 512),
      row("07_schedules", "25 to max_lr", "onecycle's default div_factor",
          e -> onecycleDefault("div_factor")),
      row("07_schedules", "30% of the steps", "onecycle's default pct_start",
          e -> onecycleDefault("pct_start")),
      row("07_schedules", "0.95 -> 0.85", "onecycle's default max_momentum",
          e -> onecycleDefault("max_momentum")),
      row("07_schedules", "0.85 -> 0.95", "onecycle's default base_momentum",
          e -> onecycleDefault("base_momentum")),
      row("07_schedules", "0.95), even", "onecycle's default max_momentum",
          e -> onecycleDefault("max_momentum")),

      // 08
      row("08_explain", "at most 3", "300 steps of lr = 0.01", e -> 300 * 0.01),
      row("08_explain", "5.8 away", "the distance from (-4, 6) to (1, 3)",
          e -> Math.hypot(-4 - 1, 6 - 3)),

      // 10
      row("10_iris_logreg", "150 flowers", "rows of data/iris.csv", e -> csvRows("iris.csv")),
      row("10_iris_logreg", "0.14, with", "momentum's final loss",
          e -> e.golden("10_iris_logreg").compare("logreg").at("momentum", "final_loss")),
      row("10_iris_logreg", "3 species", "species in data/iris.csv",
          e -> csvDistinct("iris.csv", "species")),
      row("10_iris_logreg", "4 measurements", "columns of data/iris.csv besides species",
          e -> csvColumns("iris.csv") - 1),
      row("10_iris_logreg", "hold out 30", "rows of iris.csv less the printed training rows",
          e -> csvRows("iris.csv") - 120),
      row("10_iris_logreg", "which 30", "rows of iris.csv less the printed training rows",
          e -> csvRows("iris.csv") - 120),
      row("10_iris_logreg", "the 30 held-out", "rows of iris.csv less the printed training rows",
          e -> csvRows("iris.csv") - 120),
      row("10_iris_logreg", "with 90%", "momentum's held-out accuracy",
          e -> e.golden("10_iris_logreg").compare("logreg").at("momentum", "accuracy")),
      row("10_iris_logreg", "27 of 30", "momentum's accuracy times the 30 held out",
          e -> e.golden("10_iris_logreg").compare("logreg").at("momentum", "accuracy")
              * (csvRows("iris.csv") - 120)),
      row("10_iris_logreg", "of 30)", "rows of iris.csv less the printed training rows",
          e -> csvRows("iris.csv") - 120),
      row("10_iris_logreg", "same 90%", "Adam's held-out accuracy",
          e -> e.golden("10_iris_logreg").compare("logreg").at("adam", "accuracy")),

      // 11
      row("11_digits_mlp", "1797", "rows of data/digits.csv", e -> csvRows("digits.csv")),
      row("11_digits_mlp", "8x8", "sqrt of the 64 pixel columns",
          e -> Math.sqrt(csvColumns("digits.csv") - 1)),
      row("11_digits_mlp", "9):", "the largest label of data/digits.csv",
          e -> csvMax("digits.csv", "digit")),
      row("11_digits_mlp", "360 held out", "rows of digits.csv less the 1437 printed",
          e -> csvRows("digits.csv") - 1437),
      row("11_digits_mlp", "the 360 held-out digits),", "rows of digits.csv less the 1437",
          e -> csvRows("digits.csv") - 1437),
      row("11_digits_mlp", "360 held-out digits.", "rows of digits.csv less the 1437",
          e -> csvRows("digits.csv") - 1437),
      row("11_digits_mlp", "45 minibatches", "ceil(1437 / 32)", e -> Math.ceil(1437 / 32.0)),
      row("11_digits_mlp", "29 rows", "1437 less 44 full minibatches of 32", e -> 1437 - 44 * 32),
      row("11_digits_mlp", "94.7%", "Adam's accuracy at step 225 (epoch 5)",
          run("11_digits_mlp", "adam", "mlp", "225", "accuracy")),
      row("11_digits_mlp", "97.2%", "Adam's accuracy in the compare",
          e -> e.golden("11_digits_mlp").compare("mlp").at("adam", "accuracy")),
      row("11_digits_mlp", "97.5%", "momentum's accuracy in the compare",
          e -> e.golden("11_digits_mlp").compare("mlp").at("momentum", "accuracy")),
      row("11_digits_mlp", "(0.33)", "momentum's test_loss in the compare",
          e -> e.golden("11_digits_mlp").compare("mlp").at("momentum", "test_loss")),
      row("11_digits_mlp", "0.031, 97.8%", "RMSprop's final loss in the compare",
          e -> e.golden("11_digits_mlp").compare("mlp").at("rmsprop", "final_loss")),
      row("11_digits_mlp", "97.8%", "RMSprop's accuracy in the compare",
          e -> e.golden("11_digits_mlp").compare("mlp").at("rmsprop", "accuracy")),

      // 12
      row("12_moons_adagrad", "100 are held out", "n = 400 times test = 0.25", e -> 400 * 0.25),
      row("12_moons_adagrad", "67 times lower", "Adagrad's final loss over RMSprop's",
          e -> e.golden("12_moons_adagrad").compare("net").at("adagrad", "final_loss")
              / e.golden("12_moons_adagrad").compare("net").at("rmsprop", "final_loss")),

      // 14
      row("14_lr_sweep", "39 trials", "3 optimizers times 13 learning rates", e -> 3 * 13),
      row("14_lr_sweep", "about 2000 at", "d2f/dx2 of Rosenbrock at (-1.5, 2): 2 - 400 (y - x^2)"
          + " + 800 x^2", e -> 2 - 400 * (2 - 2.25) + 800 * 2.25),
      row("14_lr_sweep", "up to 10, not", "1 / (1 - momentum)", e -> 1 / (1 - 0.9)),

      // 15
      row("15_lr_batch_sweep", "360 held-out", "rows of digits.csv less the 1437 trained on",
          e -> csvRows("digits.csv") - 1437),
      row("15_lr_batch_sweep", "example 11", "the digits MLP's own example", e -> 11),
      row("15_lr_batch_sweep", "near 0.93", "the mean of the three means at lr 0.1",
          e -> seedMeans("15_lr_batch_sweep", "0.1 ").average().orElseThrow()),
      row("15_lr_batch_sweep", "36 trials", "4 lrs x 3 batch sizes x 3 seeds", e -> 4 * 3 * 3),
      row("15_lr_batch_sweep", "270 updates", "3 epochs of ceil(1437 / 16)",
          e -> 3 * Math.ceil(1437 / 16.0)),
      row("15_lr_batch_sweep", "18 with", "3 epochs of ceil(1437 / 256)",
          e -> 3 * Math.ceil(1437 / 256.0)),

      // 16, 17: each other's numbers
      row("16_lion", "Example 17", "the digits example of Lion", e -> 17),
      row("17_lion_digits", "example 16)", "the Rosenbrock example of Lion", e -> 16),

      // 18, 19: the batch's updates per epoch; PyTorch's dimension indices in the rule's comments
      row("18_lamb", "6 updates", "ceil(1437 / 256)", e -> Math.ceil(1437 / 256.0)),
      row("19_adafactor", "dim=-1), alpha", "the last dimension", e -> -1),
      row("19_adafactor", "dim=-2), alpha", "the dimension before the last", e -> -2),
      row("19_adafactor", "dim=-1, keepdim", "the last dimension", e -> -1),
      row("19_adafactor", "unsqueeze(-1)", "a new last dimension", e -> -1),
      row("19_adafactor", "unsqueeze(-2)", "a new dimension before the last", e -> -2),
      row("23_muon", "-2, -1), keepdim", "the last two dimensions, the first", e -> -2),
      row("23_muon", "-1), keepdim", "the last two dimensions, the second", e -> -1));

  /** The first step from which a run's rows (all but the step) repeat every 2 steps. */
  private static double firstOfTwoCycle(Golden.Table t) {
    List<List<String>> rows = t.rows();
    int first = rows.size() - 1;
    while (first >= 2 && rows.get(first - 2).subList(1, t.columns().size())
        .equals(rows.get(first).subList(1, t.columns().size()))) {
      first--;
    }
    return Double.parseDouble(rows.get(first - 1).get(0));
  }

  private static double onecycleDefault(String name) {
    return ((Number) Schedules.byName("onecycle").orElseThrow().params().stream()
        .filter(p -> p.name().equals(name)).findFirst().orElseThrow().defaultValue())
        .doubleValue();
  }

  private static List<String> csv(String file) {
    try {
      return Files.readAllLines(Path.of("examples", "data", file)).stream()
          .filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The means of a sweep's over-seeds table whose rows start with {@code prefix}. */
  private static java.util.stream.DoubleStream seedMeans(String example, String prefix) {
    try {
      List<String> lines = Files.readAllLines(Path.of("src/test/resources/examples",
          example + ".out"));
      int header = lines.indexOf("over seeds, final accuracy:") + 1;
      int mean = List.of(lines.get(header).trim().split(" +")).indexOf("mean");
      return lines.subList(header + 1, lines.size()).stream()
          .takeWhile(l -> !l.startsWith("best point")).filter(l -> l.startsWith(prefix))
          .mapToDouble(l -> Double.parseDouble(l.trim().split(" +")[mean]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double csvRows(String file) {
    return csv(file).size() - 1;
  }

  private static double csvColumns(String file) {
    return csv(file).get(0).split(",").length;
  }

  private static List<String> column(String file, String column) {
    List<String> lines = csv(file);
    int c = List.of(lines.get(0).split(",")).indexOf(column);
    return lines.stream().skip(1).map(l -> l.split(",")[c]).toList();
  }

  private static double csvDistinct(String file, String column) {
    return column(file, column).stream().distinct().count();
  }

  private static double csvMax(String file, String column) {
    return column(file, column).stream().mapToDouble(Double::parseDouble).max().orElseThrow();
  }
}
