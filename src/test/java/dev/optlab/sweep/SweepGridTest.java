package dev.optlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.optlab.plan.SweepResult;
import dev.optlab.plan.TrialResult;
import dev.optlab.tensor.Capture;
import dev.optlab.trace.RunSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a sweep's trials are, in which order, and that each trains exactly as its run would. */
class SweepGridTest {
  @Test
  void aGridIsTheCartesianProductWithTheLastAxisFastest() {
    SweepResult r = Sweeps.sweep(Sweeps.ROSENBROCK + "sweep Adam(lr = logspace(1e-4, 1e-1, 4), "
        + "betas = {(0.9, 0.999), (0.95, 0.99)}) on rosenbrock for 50 steps").only();
    List<List<String>> values = r.trials().stream().map(t -> t.trial().values()).toList();
    assertEquals(List.of(
        List.of("0.0001", "(0.9, 0.999)"), List.of("0.0001", "(0.95, 0.99)"),
        List.of("0.001", "(0.9, 0.999)"), List.of("0.001", "(0.95, 0.99)"),
        List.of("0.01", "(0.9, 0.999)"), List.of("0.01", "(0.95, 0.99)"),
        List.of("0.1", "(0.9, 0.999)"), List.of("0.1", "(0.95, 0.99)")), values);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7),
        r.trials().stream().map(t -> t.trial().index()).toList());
  }

  @Test
  void logspaceTakesValuesAndHitsThemExactly() {
    SweepResult r = Sweeps.sweep(Sweeps.ROSENBROCK + "sweep SGD(lr = logspace(1e-5, 1e-2, 7)) on "
        + "rosenbrock for 1 steps").only();
    double[] lrs = r.trials().stream().mapToDouble(t -> t.trial().numbers()[0]).toArray();
    assertEquals(1e-5, lrs[0]);
    assertEquals(1e-4, lrs[2]);
    assertEquals(1e-3, lrs[4]);
    assertEquals(1e-2, lrs[6]);
    assertEquals(Math.pow(10, -4.5), lrs[1], 1e-20);
    SweepResult lin = Sweeps.sweep(Sweeps.ROSENBROCK + "sweep SGD(lr = linspace(0.001, 0.005, 5)) "
        + "on rosenbrock for 1 steps").only();
    assertEquals(List.of("0.001", "0.002", "0.003", "0.004", "0.005"),
        lin.trials().stream().map(t -> t.trial().values().get(0)).toList());
  }

  @Test
  void aTrialEndsBitForBitWhereItsRunEnds() {
    SweepResult r = Sweeps.sweep(Sweeps.ROSENBROCK + "sweep Adam(lr = {0.001, 0.05}, betas = "
        + "{(0.9, 0.999), (0.8, 0.99)}) on rosenbrock for 300 steps minimize best loss").only();
    Capture run = Capture.run(Sweeps.ROSENBROCK
        + "run Adam(lr = 0.05, betas = (0.8, 0.99)) on rosenbrock for 300 steps");
    TrialResult t = r.trials().get(3);
    RunSummary s = run.summaries.get(0);
    assertEquals(Double.doubleToRawLongBits(s.last().loss()), Double.doubleToRawLongBits(t.loss()));
    assertEquals(300, t.steps());
    double best = run.rows.stream().mapToDouble(x -> x.loss()).min().orElseThrow();
    // the best loss is over every step, so at most the best traced one
    assertEquals(true, t.bestLoss() <= best);
  }

  @Test
  void aScheduleHyperparameterIsSweptInsideTheSchedule() {
    SweepResult r = Sweeps.sweep(Sweeps.ROSENBROCK + "sweep SGD(lr = 0.001, schedule = cosine("
        + "T_max = {100, 200})) on rosenbrock for 100 steps").only();
    assertEquals("schedule.T_max", r.plan().columns().get(0).name());
    assertEquals(List.of("100.0", "200.0"),
        r.trials().stream().map(t -> t.trial().values().get(0)).toList());
    assertNotEquals(r.trials().get(0).loss(), r.trials().get(1).loss());
  }

  @Test
  void divergedTrialsAreKeptMarkedAndRankedLast() {
    Sweeps s = Sweeps.sweep(Sweeps.ROSENBROCK + "sweep SGD(lr = {0.001, 1}) on rosenbrock for 100 "
        + "steps");
    SweepResult r = s.only();
    assertEquals(RunSummary.Status.DIVERGED, r.trials().get(1).status());
    assertEquals(0, r.best().trial().index());
    String table = s.tables();
    assertEquals(true, table.contains("diverged"), table);
    assertEquals(true, table.lines().anyMatch(l -> l.matches("1 +1 +\\d+ +diverged +nan +2")),
        table);
  }

  @Test
  void severalOptimizersShareTheSweepAndAreTold() {
    SweepResult r = Sweeps.sweep(Sweeps.ROSENBROCK + "sweep SGD(lr = {1e-4, 1e-3}), SGD(lr = "
        + "{1e-4, 1e-3}, momentum = 0.9), Adam(lr = {0.01}) on rosenbrock for 20 steps").only();
    assertEquals(List.of("optimizer", "lr"),
        r.plan().columns().stream().map(c -> c.name()).toList());
    assertEquals(List.of("SGD", "SGD", "SGD(momentum = 0.9)", "SGD(momentum = 0.9)", "Adam"),
        r.trials().stream().map(t -> t.trial().values().get(0)).toList());
  }

  @Test
  void aTrialOnDataThatEndsInNanKeepsTheBestLossItReachedBefore() {
    SweepResult r = Sweeps.sweep("data m = moons(n = 100, test = 0.2)\n"
        + "objective net(W[2, 2] ~ he, b[2] = 0) = mean(sin((m.x @ W + b)^2))\n"
        + "sweep SGD(lr = {1e300}) on net for 5 steps every 1 minimize best loss").only();
    TrialResult t = r.trials().get(0);
    assertEquals(RunSummary.Status.DIVERGED, t.status());
    assertEquals(true, Double.isNaN(t.loss()));
    // the first row's loss, before the step that made every weight infinite
    assertEquals(true, Double.isFinite(t.bestLoss()) && t.bestLoss() > 0, "" + t.bestLoss());
  }
}
