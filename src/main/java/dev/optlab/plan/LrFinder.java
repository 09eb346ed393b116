package dev.optlab.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * fast.ai's learning-rate range test ({@code LRFinder}, {@code Learner.lr_find}, fastai 2.7,
 * {@code fastai/callback/schedule.py}), written from its source: the lr of step {@code i}
 * (0-based) is {@code start * (end / start) ^ (i / steps)}; each step's loss is smoothed as
 * fast.ai's {@code AvgSmoothLoss} does ({@code v = lerp(loss, v, 0.98)}, debiased by {@code 1 -
 * 0.98^count}); the test stops after the step whose smoothed loss exceeds 4 times the best so far
 * (or is NaN, where fast.ai would go on uselessly), else after {@code steps} steps. The four
 * suggestion rules read the points {@code steps / 10} to the fifth from last, cut at the first
 * NaN, in float64 (fast.ai holds them as float32 tensors).
 */
public final class LrFinder {
  /** fast.ai's {@code AvgSmoothLoss} beta. */
  static final double BETA = 0.98;

  /** The suggestion rules, in fast.ai's {@code SuggestionMethod} order. */
  public enum Rule {
    VALLEY, SLIDE, MINIMUM, STEEP;

    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A suggested lr and the point (lr, loss) fast.ai marks on its plot. */
  public record Suggestion(Rule rule, double lr, double markLr, double markLoss) {}

  private final double start;
  private final double end;
  private final int steps;
  private final List<Double> lrs = new ArrayList<>();
  private final List<Double> raw = new ArrayList<>();
  private final List<Double> smoothed = new ArrayList<>();
  private double value;
  private int count;
  private double best = Double.POSITIVE_INFINITY;
  private boolean diverged;

  public LrFinder(double start, double end, int steps) {
    this.start = start;
    this.end = end;
    this.steps = steps;
  }

  /** The lr of step {@code i}: {@code SchedExp(start, end)(i / steps)}. */
  public double lr(long i) {
    return lr(start, end, steps, i);
  }

  /** {@code start * (end / start) ** (i / steps)}, as fast.ai's {@code SchedExp} computes it. */
  public static double lr(double start, double end, int steps, double i) {
    return start * Math.pow(end / start, i / steps);
  }

  /**
   * Records step {@code i}'s loss (at the parameters before its update, as fast.ai's recorder
   * pairs it with the step's lr); returns whether the test goes on after this step's update.
   */
  public boolean record(long i, double loss) {
    count++;
    value = lerp(loss, value, BETA);
    double smooth = value / (1 - Math.pow(BETA, count));
    lrs.add(lr(i));
    raw.add(loss);
    smoothed.add(smooth);
    if (smooth < best) {
      best = smooth;
    }
    if (smooth > 4 * best || Double.isNaN(smooth)) {
      diverged = true;
      return false;
    }
    return i + 1 < steps;
  }

  /** {@code torch.lerp(a, b, w)} with PyTorch's CPU rounding (its two formulas around 0.5). */
  static double lerp(double a, double b, double w) {
    double d = b - a;
    return Math.abs(w) < 0.5 ? Math.fma(w, d, a) : Math.fma(-d, 1 - w, b);
  }

  public List<Double> lrs() {
    return List.copyOf(lrs);
  }

  public List<Double> rawLosses() {
    return List.copyOf(raw);
  }

  public List<Double> smoothedLosses() {
    return List.copyOf(smoothed);
  }

  /** Whether it stopped early because the smoothed loss blew up (or became NaN). */
  public boolean diverged() {
    return diverged;
  }

  public double best() {
    return best;
  }

  public int steps() {
    return steps;
  }

  /** The first and last recorded index the suggestions read: {@code [steps/10, n-5)}, NaN-cut. */
  public int[] window() {
    int from = steps / 10;
    int to = Math.max(from, smoothed.size() - 5);
    for (int k = from; k < to; k++) {
      if (Double.isNaN(smoothed.get(k))) {
        to = k;
        break;
      }
    }
    return new int[] {from, to};
  }

  /** The suggestions of {@code rules}, or none when the window holds too few points for a rule. */
  public List<Suggestion> suggest(List<Rule> rules) {
    int[] w = window();
    double[] x = new double[Math.max(0, w[1] - w[0])];
    double[] y = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      x[k] = lrs.get(w[0] + k);
      y[k] = smoothed.get(w[0] + k);
    }
    List<Suggestion> out = new ArrayList<>();
    for (Rule r : rules) {
      Suggestion s = Suggestions.of(r, x, y);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }
}
