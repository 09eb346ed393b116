package dev.optlab.report;

import dev.optlab.diff.CompiledFunction;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.plan.RunListener;
import dev.optlab.plot.Figure;
import dev.optlab.plot.ReportFigures;
import dev.optlab.plot.RowCollector;
import dev.optlab.plot.Series;
import dev.optlab.source.Source;
import dev.optlab.source.Span;
import dev.optlab.text.Tables;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session has run, kept for {@code report "FILE.html"} (docs/plots.md, "Reports"): the
 * text of every script or input that ran, and one section per {@code run}, {@code compare} and
 * {@code plot}, in order. The engine keeps one for the whole session and hands every run's rows
 * to it beside the output ({@link #watch}).
 *
 * <p>What is kept is bounded, so a long REPL session cannot fill the heap with it: a run's traced
 * rows up to {@link #MAX_ROWS} (past that every other row is dropped and only every second one
 * kept from then on), a compare's every-step losses thinned to about {@link #CURVE_POINTS}
 * points, and the last {@link #MAX_SECTIONS} sections. Nothing refers to a plan, so a data set
 * the session no longer uses is not kept alive by its report.
 */
public final class ReportLog {
  static final int MAX_SECTIONS = 500;
  static final int MAX_ROWS = 4096;
  static final int CURVE_POINTS = 2000;

  /** A script, {@code -e} text or REPL input that ran, as written. */
  record Script(String name, String text) {}

  /** One part of the page. */
  sealed interface Section permits RunSection, PlotSection, TextSection {
    /** The statement as written. */
    String statement();

    /** The name of the script it is in. */
    String script();

    /** Its 1-based line there. */
    int line();
  }

  /**
   * One optimizer's run.
   *
   * @param run its name, its kept rows and how it ended
   * @param title {@code adam on f from (...): Adam(lr=...)}, the header line of a run's table
   * @param closing the closing line, as the terminal shows it (maybe with a hint line)
   * @param traced how many rows were traced; more than {@code run.rows()} when rows were thinned
   * @param stride the kept rows are every {@code stride}-th traced row (and the last)
   * @param curve every step's loss, thinned, where the run kept it (a compare); else null
   */
  record OptimizerRun(RowCollector.Run run, String title, String closing, long traced,
      long stride, Series curve) {}

  /** A compare's ranked summary, as its table prints it. */
  record CompareTable(String heading, List<String> columns, List<String> names,
      List<List<String>> rows, String note, boolean ranked) {}

  /** What a contour map of a two-parameter scalar objective needs. */
  record Contour(String objective, List<String> params, CompiledFunction function,
      double[] start) {}

  /**
   * A {@code run} ({@code table} null) or a {@code compare}.
   *
   * @param columns the columns of a traced row after {@code step, lr, loss, grad_norm}
   * @param caption how its pictures are titled after their first word (see {@link
   *     ReportFigures#caption})
   * @param contour for a scalar objective of two parameters, its map; else null
   * @param metrics the metrics of a training run, columns among {@code columns}; else empty
   */
  record RunSection(String statement, String script, int line, String objective,
      List<String> columns, List<OptimizerRun> runs, CompareTable table, String caption,
      Contour contour, List<String> metrics) implements Section {
    boolean compare() {
      return table != null;
    }
  }

  /**
   * A {@code plot}: its figure, and the file it was written to (or null: it was shown).
   */
  record PlotSection(String statement, String script, int line, Figure figure, Path file)
      implements Section {}

  /**
   * A statement whose result is a table of text: a {@code sweep}, an {@code lrfind}.
   *
   * @param kind the statement's keyword
   * @param headline {@code sweep Adam on rosenbrock}
   */
  record TextSection(String statement, String script, int line, String kind, String headline,
      String text) implements Section {}

  private final List<Script> scripts = new ArrayList<>();
  /** The session's rules as written, by name: a redeclared rule keeps its place, new text. */
  private final Map<String, String> rules = new LinkedHashMap<>();
  private final Deque<Section> sections = new ArrayDeque<>();
  private int dropped;

  /** A script (or input) starts to run: its text goes on the page. */
  public void ran(Source source) {
    scripts.add(new Script(source.name(), source.text()));
  }

  /**
   * The listener to run the statement at {@code span} with: it passes everything on to {@code
   * output} and keeps the section when the run or compare finishes.
   */
  public RunListener watch(RunListener output, Source source, Span span) {
    return new Recorder(output, source, span);
  }

  /** A {@code plot} finished; {@code file} is where it was written, or null. */
  public void plotted(Source source, Span span, Figure figure, Path file) {
    add(new PlotSection(source.text(span), source.name(), source.line(span.start()), figure,
        file));
  }

  /** A statement printed {@code text} as its result (a sweep's or a range test's table). */
  public void tabled(Source source, Span span, String kind, String headline, String text) {
    add(new TextSection(source.text(span), source.name(), source.line(span.start()), kind,
        headline, text));
  }

  /** A {@code rule} statement was declared: the page lists the session's rules. */
  public void ruleDeclared(String name, String text) {
    rules.put(name, text);
  }

  /** The rules declared, in order, as written. */
  Map<String, String> rules() {
    return new LinkedHashMap<>(rules);
  }

  List<Script> scripts() {
    return List.copyOf(scripts);
  }

  List<Section> sections() {
    return List.copyOf(sections);
  }

  /** How many of the earliest sections were let go. */
  int dropped() {
    return dropped;
  }

  private void add(Section section) {
    sections.addLast(section);
    if (sections.size() > MAX_SECTIONS) {
      sections.removeFirst();
      dropped++;
    }
  }

  /** Keeps one statement's runs while passing everything on to the output. */
  private final class Recorder implements RunListener {
    private final RunListener output;
    private final Source source;
    private final Span span;
    private final List<OptimizerRun> runs = new ArrayList<>();
    private Sampler sampler = new Sampler();

    Recorder(RunListener output, Source source, Span span) {
      this.output = output;
      this.source = source;
      this.span = span;
    }

    @Override
    public void runStarted(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer) {
      output.runStarted(plan, optimizer);
      sampler = new Sampler();
    }

    @Override
    public void row(ExecutionPlan plan, TraceRow row) {
      output.row(plan, row);
      sampler.add(row);
    }

    @Override
    public void runFinished(ExecutionPlan plan, ExecutionPlan.OptimizerPlan optimizer,
        RunSummary summary) {
      output.runFinished(plan, optimizer, summary);
      RunSummary kept = new RunSummary(summary.run(), summary.status(), summary.last(),
          summary.stepsToTolerance(), summary.nanos());
      Series curve = summary.losses() == null || summary.losses().length == 0 ? null
          : curve(summary.run(), summary.losses());
      runs.add(new OptimizerRun(
          new RowCollector.Run(optimizer.runName(), sampler.finish(summary.last()), kept),
          Tables.runTitle(plan, optimizer), Tables.closingLine(plan, optimizer, summary),
          sampler.seen, sampler.stride, curve));
      if (!plan.compare()) {
        add(section(plan, null));
      }
    }

    @Override
    public void compareFinished(ExecutionPlan plan, List<RunSummary> ranked, double tolerance) {
      output.compareFinished(plan, ranked, tolerance);
      CompareTable table = new CompareTable(Tables.compareHeading(plan),
          Tables.compareColumns(plan), ranked.stream().map(RunSummary::run).toList(),
          ranked.stream().map(Tables::compareCells).toList(), Tables.compareNote(plan, ranked, tolerance),
          RunSummary.rankable(ranked));
      add(section(plan, table));
    }

    private RunSection section(ExecutionPlan plan, CompareTable table) {
      ExecutionPlan.ObjectivePlan o = plan.objective();
      Contour contour = plan.training() == null && o.function() != null
          && o.params().size() == 2 && o.start().length == 2
          ? new Contour(o.name(), o.params(), o.function(), o.start().clone()) : null;
      return new RunSection(source.text(span), source.name(), source.line(span.start()),
          o.name(), o.params(), List.copyOf(runs), table, ReportFigures.caption(plan), contour,
          plan.training() == null ? List.of()
              : plan.training().metrics().stream().map(m -> m.text()).toList());
    }
  }

  /** Every step's loss as a line of about {@link #CURVE_POINTS} points, and the last. */
  static Series curve(String name, double[] losses) {
    int n = losses.length;
    long stride = Math.max(1, (n + CURVE_POINTS - 1) / CURVE_POINTS);
    if (stride > 1 && stride % 2 == 0) {
      stride++; // odd, so a loss that zig-zags step by step is not drawn from one side only
    }
    int points = (int) ((n - 1) / stride + 1) + ((n - 1) % stride == 0 ? 0 : 1);
    double[] x = new double[points];
    double[] y = new double[points];
    int k = 0;
    for (long i = 0; i < n; i += stride) {
      x[k] = i;
      y[k++] = losses[(int) i];
    }
    if (k < points) {
      x[k] = n - 1;
      y[k] = losses[n - 1];
    }
    return new Series(name, x, y);
  }

  /**
   * The traced rows of one run, at most {@link #MAX_ROWS}: when full, every other row goes and
   * from then on only every other row is taken, so the rows kept stay evenly spaced.
   */
  static final class Sampler {
    private List<TraceRow> kept = new ArrayList<>();
    long seen;
    long stride = 1;
    private TraceRow lastSeen;

    void add(TraceRow row) {
      lastSeen = row;
      if (seen++ % stride != 0) {
        return;
      }
      kept.add(row);
      if (kept.size() >= MAX_ROWS) {
        List<TraceRow> half = new ArrayList<>(MAX_ROWS / 2 + 2);
        for (int i = 0; i < kept.size(); i += 2) {
          half.add(kept.get(i));
        }
        kept = half;
        stride *= 2;
      }
    }

    /**
     * The rows kept, ending with the last one traced and then the row the run ended on, when it
     * was not traced (a divergence between traced steps), as the run's table prints it.
     */
    List<TraceRow> finish(TraceRow last) {
      List<TraceRow> rows = new ArrayList<>(kept);
      if (lastSeen != null && (rows.isEmpty() || rows.get(rows.size() - 1) != lastSeen)) {
        rows.add(lastSeen);
      }
      if (last != null && (rows.isEmpty() || rows.get(rows.size() - 1).step() != last.step())) {
        rows.add(last);
      }
      return List.copyOf(rows);
    }
  }
}
