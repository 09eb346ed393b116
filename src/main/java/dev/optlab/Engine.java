package dev.optlab;

import dev.optlab.ast.Stmt;
import dev.optlab.check.Action;
import dev.optlab.check.Checker;
import dev.optlab.check.Declaration;
import dev.optlab.check.Env;
import dev.optlab.data.HeapCheck;
import dev.optlab.exec.Executor;
import dev.optlab.exec.Plotter;
import dev.optlab.exec.RunControl;
import dev.optlab.plan.PlanPrinter;
import dev.optlab.report.ReportLog;
import dev.optlab.report.ReportPage;
import dev.optlab.source.OptlabError;
import dev.optlab.source.Source;
import dev.optlab.syntax.SyntaxParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The one API of the interpreter, used by batch mode, the REPL and the tests alike: a session of
 * declared names, and {@link #run} to parse, check and execute source text in it.
 *
 * <p>The pipeline: {@link SyntaxParser} (text to AST) → {@link Checker} (names, hyperparameters,
 * plans) → {@link Executor} (runs the plans). Each phase is a gate: a script with a syntax error
 * is not checked, a script with a check error does not run at all, and every error of the failing
 * phase is reported together.
 */
public final class Engine {
  private final Env env = new Env();
  /** The declarations made, as written, in order: what {@code :save} writes back out. */
  private final List<Declared> declarationHistory = new ArrayList<>();
  /** The runs that wrote a checkpoint, for {@code :save}, and the files they wrote, in order. */
  private final List<Declared> checkpointRuns = new ArrayList<>();
  private final List<java.nio.file.Path> checkpointFiles = new ArrayList<>();
  /** What the session ran, for {@code report "FILE.html"} (docs/plots.md, "Reports"). */
  private final ReportLog reportLog = new ReportLog();
  /** Who runs sweeps' trials: null for the local threads ({@link #runSweepsOn}). */
  private dev.optlab.exec.TrialExecutor.Factory trials;

  /**
   * Runs the trials of this session's sweeps on another engine (the optlab-spark module): each
   * sweep hands it its statement and the session's declarations as text, to be checked again
   * where the trials run.
   */
  public void runSweepsOn(dev.optlab.exec.TrialExecutor.Factory factory) {
    this.trials = factory;
  }

  /** Parses and checks without running; throws {@link OptlabError} with every error found. */
  public List<Action> check(Source source, boolean repl) {
    List<Stmt> statements = repl ? SyntaxParser.parseRepl(source) : SyntaxParser.parse(source);
    return new Checker(source, env.copy()).check(statements);
  }

  /**
   * Parses, checks and runs {@code source} in this session. Throws {@link OptlabError} for errors
   * in the text (nothing has run then) and for run-time errors (statements before it have run,
   * and their declarations stay).
   *
   * @param repl whether a bare expression is allowed (it prints its value)
   */
  public void run(Source source, boolean repl, Output output, RunControl control) {
    execute(source, check(source, repl), output, control);
  }

  private void execute(Source source, List<Action> actions, Output output, RunControl control) {
    output.checked(actions.stream().filter(a -> a instanceof Action.Run)
        .map(a -> ((Action.Run) a).plan()).toList());
    Executor executor = new Executor(source);
    reportLog.ran(source);
    for (Action action : actions) {
      try {
        execute(source, action, executor, output, control);
      } catch (OutOfMemoryError e) {
        // the estimates refuse what clearly cannot fit; this is what they did not foresee
        throw new OptlabError(source, action.span(), HeapCheck.outOfMemory());
      } catch (OptlabError e) {
        throw e;
      } catch (RuntimeException | StackOverflowError e) {
        throw OptlabError.internal(source, action.span(), e); // a bug, located
      }
      if (control.stopRequested()) {
        reports(actions).forEach(r -> output.reported(r.path(), true));
        return;
      }
    }
    writeReports(source, reports(actions), output);
  }

  private void execute(Source source, Action action, Executor executor, Output output,
      RunControl control) {
    switch (action) {
      case Action.Declare d -> {
        Declaration replaced = env.put(d.declaration());
        declarationHistory.add(Declared.of(source, d));
        if (d.declaration() instanceof Declaration.Rule r) {
          reportLog.ruleDeclared(r.name(), r.def().text());
        }
        output.declared(d.declaration(), replaced);
      }
      case Action.Print p -> output.printed(p.text());
      case Action.Explain e -> output.explained(PlanPrinter.print(e.plan()));
      case Action.Run r -> {
        executor.execute(r.plan(), reportLog.watch(output, source, r.span()), control);
        wroteCheckpoint(source, r);
      }
      case Action.Plot p -> {
        var drawn = new Plotter(source, executor, sweep -> trials == null
            ? new dev.optlab.exec.LocalTrialPool()
            : engine(source, p.span(), sweep, null, p.plot().file())).draw(p.plot(), control);
        reportLog.plotted(source, p.span(), drawn.figure(), drawn.file());
        output.plotted(drawn.figure(), drawn.file());
      }
      case Action.LrFind l -> {
        var found = executor.lrFind(l.plan(), control);
        reportLog.tabled(source, l.span(), "lrfind", "lrfind "
            + l.plan().run().optimizers().get(0).runName() + " on "
            + l.plan().run().objective().name(), dev.optlab.text.LrFindText.table(found));
        output.lrFound(found);
      }
      case Action.Sweep w -> {
        var runner = new dev.optlab.exec.SweepRunner(source, trials == null
            ? new dev.optlab.exec.LocalTrialPool()
            : engine(source, w.span(), w.plan(), w.resume(), null));
        var swept = runner.run(w.plan(), control);
        reportLog.tabled(source, w.span(), "sweep", w.plan().title(),
            dev.optlab.text.SweepText.table(swept));
        output.swept(swept);
      }
      case Action.Report r -> {} // written once everything else has run
    }
  }

  /** The sweep's engine; one that cannot start (or cannot take the sweep) is its error. */
  private dev.optlab.exec.TrialExecutor engine(Source source, dev.optlab.source.Span span,
      dev.optlab.plan.SweepPlan plan, dev.optlab.source.Span resume,
      dev.optlab.plan.PlotPlan.Target picture) {
    try {
      return trials.create(sweepScript(source, span, plan, resume, picture));
    } catch (dev.optlab.source.RunError e) {
      throw new OptlabError(source, span, e.getMessage());
    }
  }

  /**
   * The session's declarations, then the sweep statement (or {@code plot sweep}, which writes
   * {@code picture}): what a worker checks again.
   */
  private dev.optlab.exec.SweepScript sweepScript(Source source, dev.optlab.source.Span span,
      dev.optlab.plan.SweepPlan plan, dev.optlab.source.Span resume,
      dev.optlab.plan.PlotPlan.Target picture) {
    StringBuilder text = new StringBuilder();
    List<dev.optlab.source.Span> paths = new ArrayList<>();
    for (Declared d : declarationHistory) {
      text.append(d.absolute(text.length(), paths)).append('\n');
    }
    int at = text.length() - span.start();
    text.append(source.text(span)).append('\n');
    List<dev.optlab.source.Span> outputs = new ArrayList<>();
    for (var s : java.util.Arrays.asList(plan.file() == null ? null : plan.file().span(),
        picture == null ? null : picture.span())) {
      if (s != null) {
        outputs.add(new dev.optlab.source.Span(s.start() + at, s.end() + at));
      }
    }
    dev.optlab.source.Span resumed = resume == null ? null
        : new dev.optlab.source.Span(resume.start() + at, resume.end() + at);
    java.nio.file.Path dir = source.directory() != null ? source.directory()
        : java.nio.file.Path.of("");
    return new dev.optlab.exec.SweepScript(source.name(),
        dir.toAbsolutePath().normalize().toString(), text.toString(), paths, outputs, resumed);
  }

  private static List<Action.Report> reports(List<Action> actions) {
    return actions.stream().filter(a -> a instanceof Action.Report)
        .map(a -> (Action.Report) a).toList();
  }

  /**
   * Writes the pages of the input's {@code report} statements, now that all of it has run: each
   * covers everything the session has run so far, this input included. A path named twice is
   * written once.
   */
  private void writeReports(Source source, List<Action.Report> reports, Output output) {
    java.util.Set<java.nio.file.Path> done = new java.util.HashSet<>();
    for (Action.Report r : reports) {
      if (!done.add(r.path())) {
        continue;
      }
      try {
        ReportPage.write(reportLog, r.path(), version());
      } catch (java.io.IOException | RuntimeException e) {
        String why = dev.optlab.io.WriteErrors.why(e);
        throw new OptlabError(source, r.pathSpan(), "cannot write report file \"" + r.written()
            + "\": " + why);
      }
      output.reported(r.path(), false);
    }
  }

  private static String version() {
    String v = Engine.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }

  /** Whether REPL input stops mid-statement and should continue on the next line. */
  public boolean isIncomplete(String text) {
    return SyntaxParser.isIncomplete(new Source("<repl>", text));
  }

  /** The declared names, in order. */
  public List<Declaration> declarations() {
    return env.all();
  }

  public Declaration lookup(String name) {
    return env.get(name);
  }

  /** Every declaration statement that took effect, as written, in order. */
  public List<String> declarationHistory() {
    return declarationHistory.stream().map(Declared::text).toList();
  }

  /**
   * The declarations as a script saved in {@code directory} must write them: each relative file
   * name rewritten relative to that directory, so that, by the one rule for relative paths
   * ({@link Source}), the saved script names the same files as the session did.
   */
  public List<String> declarationHistory(java.nio.file.Path directory) {
    return declarationHistory.stream().map(d -> d.relocated(directory)).toList();
  }

  /**
   * The runs of this session that wrote a checkpoint, as {@link #declarationHistory(
   * java.nio.file.Path)} writes declarations: the last run to write each file, in order.
   */
  public List<String> checkpointRuns(java.nio.file.Path directory) {
    return checkpointRuns.stream().map(d -> d.relocated(directory)).toList();
  }

  private void wroteCheckpoint(Source source, Action.Run r) {
    var c = r.plan().checkpoint();
    if (c == null || c.save() == null || !java.nio.file.Files.exists(c.save())) {
      return;
    }
    Declared run = Declared.of(source, r.span(), java.util.Arrays.asList(c.saveSpan(),
        c.resumeSpan(), c.warmStartSpan(), r.plan().traceSpan()));
    java.nio.file.Path file = c.save().toAbsolutePath().normalize();
    checkpointFiles.add(file);
    int earlier = checkpointFiles.indexOf(file);
    if (earlier < checkpointFiles.size() - 1) { // the file was written again: this run's now
      checkpointFiles.remove(earlier);
      checkpointRuns.remove(earlier);
    }
    checkpointRuns.add(run);
  }

  /** Forgets every declaration. */
  public void reset() {
    env.clear();
    declarationHistory.clear();
  }
}
