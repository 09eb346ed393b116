package dev.optlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.exec.RunControl;
import dev.optlab.plan.SweepResult;
import dev.optlab.plan.TrialResult;
import dev.optlab.trace.Numbers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a sweep tells the live line as its trials finish: one call per trial, counting up to the
 * total, the best so far by the sweep's goal with its trial number, the time left down to none.
 */
class SweepProgressCallsTest {
  record Call(int done, int total, String best, long elapsed, long eta) {}

  static final class Recording extends RunControl {
    final List<Call> calls = new ArrayList<>();

    @Override
    public synchronized void sweepProgress(int done, int total, String best, long elapsedNanos,
        long etaNanos) {
      calls.add(new Call(done, total, best, elapsedNanos, etaNanos));
    }
  }

  @Test
  void eachFinishedTrialCountsAndTheLastCallNamesTheSweepsBest() {
    Recording control = new Recording();
    SweepResult r = Sweeps.sweep(Sweeps.ROSENBROCK + "sweep Adam(lr = logspace(1e-3, 1e-1, 6))"
        + " on rosenbrock for 300 steps threads 2", control).only();
    assertEquals(6, control.calls.size());
    for (int i = 0; i < 6; i++) {
      Call c = control.calls.get(i);
      assertEquals(i + 1, c.done());
      assertEquals(6, c.total());
      assertTrue(c.best().matches("loss \\S+ \\(trial [0-5]\\)"), c.best());
      assertTrue(c.elapsed() > 0 && c.eta() >= 0, c.toString());
    }
    TrialResult best = r.best();
    Call last = control.calls.get(5);
    assertEquals("loss " + Numbers.short6(best.loss()) + " (trial " + best.trial().index() + ")",
        last.best());
    assertEquals(0, last.eta(), "nothing left");
  }

  @Test
  void rankingByTheBestLossSaysSo() {
    Recording control = new Recording();
    Sweeps.sweep(Sweeps.ROSENBROCK + "sweep SGD(lr = {1e-4, 1e-3}) on rosenbrock for 50 steps"
        + " minimize best loss threads 1", control);
    assertEquals(2, control.calls.size());
    assertTrue(control.calls.get(1).best().startsWith("best loss "), control.calls.toString());
  }
}
