package dev.optlab.schedule;

import dev.optlab.hyper.Check;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import java.util.Arrays;
import java.util.List;

/**
 * {@code multistep(milestones, gamma)}: PyTorch's {@code MultiStepLR} (1.13), chainable form: at
 * step {@code t} (including the initial step 0) {@code lr = lr * gamma ** count(t)} where {@code
 * count(t)} is how often {@code t} occurs in {@code milestones}; unchanged otherwise. So {@code lr
 * ~ lr0 * gamma^(number of milestones <= t)}. The language asks for increasing milestones; a repeat
 * would count twice, as in PyTorch.
 */
public record MultiStepLr(List<Integer> milestones, double gamma) implements ScheduleSpec {

  static final HyperParam MILESTONES =
      HyperParam.intList("milestones", Check.NON_NEGATIVE,
          "the steps at which lr is multiplied by gamma");
  static final HyperParam GAMMA =
      HyperParam.number("gamma", 0.1, Check.NON_NEGATIVE, "the decay factor");

  static final ScheduleKind KIND =
      new ScheduleKind(
          "multistep",
          List.of(MILESTONES, GAMMA),
          "Multiplies the lr by `gamma` at each step listed in `milestones`, as PyTorch's "
              + "MultiStepLR: lr = lr * gamma at a milestone, so lr = lr0 * gamma^(number of "
              + "milestones <= t).",
          "multistep(milestones = [300, 600], gamma = 0.1)",
          MultiStepLr::crossCheck,
          v -> new MultiStepLr(toInts(v.list(MILESTONES)), v.number(GAMMA)));

  public MultiStepLr {
    milestones = List.copyOf(milestones);
  }

  private static String crossCheck(HyperValues v) {
    double[] m = v.list(MILESTONES);
    if (m.length == 0) {
      return "milestones must not be empty";
    }
    for (int i = 1; i < m.length; i++) {
      if (m[i] <= m[i - 1]) {
        return "milestones must be increasing, got " + toInts(m);
      }
    }
    return null;
  }

  private static List<Integer> toInts(double[] a) {
    return Arrays.stream(a).mapToObj(d -> (int) d).toList();
  }

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    return new Running(this, baseLr);
  }

  @Override
  public String toString() {
    return Specs.call(KIND, MILESTONES, milestones, GAMMA, gamma);
  }

  private static final class Running extends LrSchedule {
    /** Distinct milestones, ascending, each with the number of times it was listed. */
    private final int[] at;

    private final int[] count;
    private final double gamma;
    private int next;

    Running(MultiStepLr spec, double baseLr) {
      int[] sorted = spec.milestones.stream().mapToInt(Integer::intValue).sorted().toArray();
      int[] distinct = Arrays.stream(sorted).distinct().toArray();
      this.at = distinct;
      this.count = new int[distinct.length];
      for (int m : sorted) {
        count[Arrays.binarySearch(distinct, m)]++;
      }
      this.gamma = spec.gamma;
      this.lr = baseLr;
      while (next < at.length && at[next] < 0) {
        next++;
      }
      visit();
    }

    private void visit() {
      if (next < at.length && at[next] == t) {
        lr = lr * Math.pow(gamma, count[next]);
        next++;
      }
    }

    @Override
    protected void advance(double loss) {
      visit();
    }

    @Override
    protected void saveMore(java.util.function.DoubleConsumer out) {
      out.accept(next);
    }

    @Override
    protected void restoreMore(java.util.PrimitiveIterator.OfDouble in) {
      double n = in.nextDouble();
      if (!(n >= 0 && n <= at.length)) {
        throw new java.util.NoSuchElementException("no milestone " + n);
      }
      next = (int) n;
    }
  }
}
