package dev.optlab.schedule;

import java.util.List;

/**
 * {@code A for N then B for M then C}: runs {@code A} for steps {@code 0..N-1}, then {@code B}
 * for the next {@code M}, then {@code C} for ever. Each segment is started afresh when the chain
 * starts, from the optimizer's base lr and momentum, and counts its own steps from 0: at chain step
 * {@code N + k} the lr is what {@code B} gives after {@code k} steps. This is what the oracle's
 * {@code "then"} form computes; PyTorch's {@code SequentialLR} differs (it re-enters the next
 * scheduler with {@code step(0)} on top of the current lr).
 *
 * <p>{@link Schedule#step} is delegated to the current segment, so a {@code plateau} segment sees
 * only the losses of its own steps. A segment of length 0 is skipped. Momentum: the chain {@link
 * #cyclesMomentum() cycles momentum} when any segment does; while a segment that cycles momentum
 * is current, {@code momentum()} is that segment's; while another is current it is the value the
 * last cycling segment left it at, as PyTorch's {@code SequentialLR} leaves the optimizer's
 * momentum (or {@code betas[0]}) where the cycling scheduler last set it — or, before any cycling
 * segment has ended, the optimizer's configured momentum (the {@code baseMomentum} given to
 * {@link #start}), so it is never NaN in a chain that cycles. ({@code then_keeps_*} conformance
 * goldens, traced with {@code SequentialLR}.)
 *
 * @param segments the schedules, at least one
 * @param lengths the length of every segment but the last, each >= 0
 */
public record SequentialSchedule(List<ScheduleSpec> segments, List<Long> lengths)
    implements ScheduleSpec {

  /** The same from an array of lengths. */
  public SequentialSchedule(List<ScheduleSpec> segments, long[] lengths) {
    this(segments, java.util.Arrays.stream(lengths).boxed().toList());
  }

  public SequentialSchedule {
    segments = List.copyOf(segments);
    lengths = List.copyOf(lengths);
    if (segments.isEmpty() || lengths.size() != segments.size() - 1) {
      throw new IllegalArgumentException(
          "a chain needs one length fewer than segments, got " + segments.size() + " segments and "
              + lengths.size() + " lengths");
    }
    for (long n : lengths) {
      if (n < 0) {
        throw new IllegalArgumentException("a segment's length must be >= 0, got " + n);
      }
    }
  }

  @Override
  public Schedule start(double baseLr, double baseMomentum) {
    return new Running(this, baseLr, baseMomentum);
  }

  @Override
  public boolean cyclesMomentum() {
    return segments.stream().anyMatch(ScheduleSpec::cyclesMomentum);
  }

  /**
   * The first step count at which some segment would be stepped past its own {@link
   * ScheduleSpec#maxSteps()}: a segment starting at chain step {@code s} with limit {@code m} fails
   * at chain step {@code s + m + 1} if it is still current then.
   */
  @Override
  public long maxSteps() {
    long begin = 0;
    for (int i = 0; i < segments.size(); i++) {
      long limit = segments.get(i).maxSteps();
      boolean last = i == segments.size() - 1;
      if (last || limit < lengths.get(i) - 1) {
        return limit == Long.MAX_VALUE ? limit : begin + limit;
      }
      begin += lengths.get(i);
    }
    return Long.MAX_VALUE;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      sb.append(i == 0 ? "" : " then ").append(segments.get(i));
      if (i < lengths.size()) {
        sb.append(" for ").append(lengths.get(i));
      }
    }
    return sb.toString();
  }

  private static final class Running implements Schedule {
    private final Schedule[] parts;
    private final boolean[] cycles;
    /** The chain step at which each segment ends (exclusive); the last never ends. */
    private final long[] ends;

    private final boolean anyCycles;
    /**
     * The momentum while a segment that does not cycle is current: the optimizer's configured one
     * until a cycling segment has ended, then the value that segment last set.
     */
    private double held;
    private int i;
    private Schedule current;
    private long end;
    private long t;

    Running(SequentialSchedule spec, double baseLr, double baseMomentum) {
      int n = spec.segments.size();
      parts = new Schedule[n];
      cycles = new boolean[n];
      ends = new long[n];
      long sum = 0;
      for (int k = 0; k < n; k++) {
        parts[k] = spec.segments.get(k).start(baseLr, baseMomentum);
        cycles[k] = spec.segments.get(k).cyclesMomentum();
        sum += k < n - 1 ? spec.lengths.get(k) : 0;
        ends[k] = k < n - 1 ? sum : Long.MAX_VALUE;
      }
      this.held = baseMomentum;
      this.anyCycles = spec.cyclesMomentum();
      i = 0;
      while (ends[i] <= 0) {
        i++;
      }
      current = parts[i];
      end = ends[i];
    }

    @Override
    public double lr() {
      return current.lr();
    }

    @Override
    public double momentum() {
      if (!anyCycles) {
        return Double.NaN;
      }
      return cycles[i] ? current.momentum() : held;
    }

    @Override
    public void step(double loss) {
      t++;
      if (t < end) {
        current.step(loss);
        return;
      }
      if (cycles[i]) {
        held = current.momentum(); // SequentialLR leaves it where the cycling scheduler set it
      }
      do {
        i++;
      } while (ends[i] <= t);
      current = parts[i];
      end = ends[i];
    }

    /** The position in the chain, the held momentum, then every segment's own state. */
    @Override
    public void save(java.util.function.DoubleConsumer out) {
      out.accept(t);
      out.accept(i);
      out.accept(held);
      for (Schedule s : parts) {
        s.save(out);
      }
    }

    @Override
    public void restore(java.util.PrimitiveIterator.OfDouble in) {
      t = (long) in.nextDouble();
      double d = in.nextDouble();
      int at = (int) d;
      // the segment must be the one current at step t, as step() would have left it
      if (!(d >= 0 && d < parts.length && t >= 0 && t < ends[at]
          && (at == 0 || ends[at - 1] <= t))) {
        throw new java.util.NoSuchElementException("no segment " + d + " at step " + t);
      }
      i = at;
      held = in.nextDouble();
      for (Schedule s : parts) {
        s.restore(in);
      }
      current = parts[i];
      end = ends[i];
    }
  }
}
