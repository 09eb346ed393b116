package dev.optlab.plot;

import dev.optlab.trace.TraceRow;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One line of a picture: the points {@code (x[i], y[i])} in data units, joined in order. A point
 * with a non-finite coordinate (a diverged run's last loss) is left out and breaks the line.
 *
 * @param note shown after the name in the legend, such as "diverged at step 510"; or null
 */
public record Series(String name, double[] x, double[] y, String note) {
  public Series {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length");
    }
  }

  public Series(String name, double[] x, double[] y) {
    this(name, x, y, null);
  }

  public int size() {
    return x.length;
  }

  /** The legend's text: the name and the note. */
  public String label() {
    return note == null ? name : name + " (" + note + ")";
  }

  public boolean finite(int i) {
    return Double.isFinite(x[i]) && Double.isFinite(y[i]);
  }

  /** Loss against step, one point per traced row: what a compare's plot shows. */
  public static Series loss(String name, List<TraceRow> rows) {
    return of(name, rows, r -> r.step(), TraceRow::loss);
  }

  /** The learning rate against step. */
  public static Series lr(String name, List<TraceRow> rows) {
    return of(name, rows, r -> r.step(), TraceRow::lr);
  }

  /** The path of the first two parameters: what a contour map shows. */
  public static Series path(String name, List<TraceRow> rows) {
    return of(name, rows, r -> r.params()[0], r -> r.params()[1]);
  }

  private static Series of(String name, List<TraceRow> rows, ToDoubleFunction<TraceRow> fx,
      ToDoubleFunction<TraceRow> fy) {
    double[] x = new double[rows.size()];
    double[] y = new double[rows.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = fx.applyAsDouble(rows.get(i));
      y[i] = fy.applyAsDouble(rows.get(i));
    }
    return new Series(name, x, y);
  }

  public Series withNote(String note) {
    return new Series(name, x, y, note);
  }
}
