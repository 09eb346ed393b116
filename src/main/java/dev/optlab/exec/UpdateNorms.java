package dev.optlab.exec;

/**
 * What the {@code update_norm} and {@code effective_lr} metrics compare against: the parameters
 * before the last update and the norm of the gradient it came from, kept by {@link EpochLoop}
 * and {@link EpochLoop32} ahead of the steps that need them. A checkpoint needs them after every
 * update (any step may be the one written), and a resumed run takes the last update's norms from
 * the checkpoint, so its first row equals the row of a run that never stopped.
 */
final class UpdateNorms {
  private final double[] before;
  private final float[] before32;
  /** Whether every update is kept (a checkpoint may fall after any), not just traced ones. */
  private final boolean always;
  private double gradNorm = Double.NaN;
  /** Where a resumed run began, and the norms of the update before it, from the checkpoint. */
  private long resumedAt = -1;
  private double resumedUpdateNorm = Double.NaN;

  private UpdateNorms(int n, boolean float32, boolean always) {
    this.before = float32 ? null : new double[n];
    this.before32 = float32 ? new float[n] : null;
    this.always = always;
  }

  /**
   * Kept for {@code n} parameters when a metric compares updates or the run writes a checkpoint;
   * else null, and the loop does nothing extra.
   */
  static UpdateNorms of(int n, boolean float32, boolean metrics, boolean checkpoint) {
    return metrics || checkpoint ? new UpdateNorms(n, float32, checkpoint) : null;
  }

  /** Goes on from a checkpoint at {@code step} (its norms: NaN where it has none). */
  void resume(long step, double updateNorm, double updateGradNorm) {
    resumedAt = step;
    resumedUpdateNorm = updateNorm;
    gradNorm = updateGradNorm;
  }

  /** Whether the update at step {@code k} must be kept: the next row is traced, or always. */
  boolean wants(long k, long every, long steps) {
    return always || (k + 1) % every == 0 || k + 1 == steps;
  }

  /** Keeps the parameters and the gradient's norm just before an update. */
  void beforeUpdate(double[] p, double gradientNorm) {
    System.arraycopy(p, 0, before, 0, p.length);
    gradNorm = gradientNorm;
  }

  /** The same for a float32 run. */
  void beforeUpdate(float[] p, double gradientNorm) {
    System.arraycopy(p, 0, before32, 0, p.length);
    gradNorm = gradientNorm;
  }

  /** {@code |p_k - p_(k-1)|}: 0 at the start, the checkpoint's right where a resumed run began. */
  double updateNorm(long k, double[] p) {
    return k == 0 ? 0 : k == resumedAt ? resumedUpdateNorm : distance(p, before);
  }

  /** The same for a float32 run. */
  double updateNorm(long k, float[] p) {
    return k == 0 ? 0 : k == resumedAt ? resumedUpdateNorm : FloatData.distance(p, before32);
  }

  /** The norm of the minibatch gradient the last update came from (NaN before any). */
  double gradNorm() {
    return gradNorm;
  }

  /** {@code update_norm / |g|}: the rate the optimizer applied; NaN at the start. */
  static double effectiveLr(long k, double updateNorm, double gradNorm) {
    return k == 0 ? Double.NaN : updateNorm / gradNorm;
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
