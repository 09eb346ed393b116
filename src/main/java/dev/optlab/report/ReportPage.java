package dev.optlab.report;

import dev.optlab.io.Xml;

import dev.optlab.io.WholeFile;
import dev.optlab.plot.Figure;
import dev.optlab.plot.PlotFiles;
import dev.optlab.plot.ReportFigures;
import dev.optlab.plot.RowCollector;
import dev.optlab.plot.Series;
import dev.optlab.trace.Numbers;
import dev.optlab.trace.RunSummary;
import dev.optlab.trace.TraceRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The page {@code report "FILE.html"} writes (docs/plots.md, "Reports"): one self-contained HTML
 * file with a small stylesheet, the pictures as inline SVG, no scripts and no links to anything
 * outside it, so it can be mailed or opened offline. It is written as polyglot markup (every
 * element closed, only XML's own entities), so that an XML parser reads it as well as a browser.
 */
public final class ReportPage {
  private ReportPage() {}

  /** Tables of more traced rows than this are folded under a line that opens them. */
  static final int OPEN_ROWS = 30;

  private static final String STYLE = """
      body{margin:0;background:#f6f7f9;color:#222;\
      font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
      main{max-width:1400px;margin:0 auto;padding:8px 28px 40px}
      h1{font-size:26px;margin:22px 0 0}
      h2{font-size:18px;margin:0 0 4px}
      h3{font-size:15px;margin:14px 0 4px}
      section{background:#fff;border:1px solid #e2e4e8;border-radius:8px;padding:14px 20px;\
      margin:16px 0}
      .kind{display:inline-block;min-width:64px;text-align:center;margin-right:8px;\
      padding:1px 6px;border-radius:4px;color:#fff;background:#4c72b0;font-size:13px;\
      vertical-align:2px}
      .compare .kind{background:#dd8452}
      .plot .kind{background:#55a868}
      .script .kind{background:#777}
      .meta,.where,.note{color:#666;font-size:13px;margin:2px 0 6px}
      pre,code,table,.heading,.closing{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,\
      Consolas,monospace;font-size:13px}
      pre{margin:6px 0;padding:9px 12px;background:#f4f6f8;border:1px solid #e1e4e8;\
      border-radius:6px;overflow:auto}
      pre.statement{white-space:pre-wrap}
      .file{margin:10px 0 0;font-weight:600}
      .heading{margin:10px 0 4px;font-weight:600}
      .closing{margin:4px 0 8px;white-space:pre-wrap}
      .table{overflow-x:auto}
      table{border-collapse:collapse;margin:4px 0;font-variant-numeric:tabular-nums}
      th,td{padding:2px 10px;text-align:right;white-space:nowrap}
      th{border-bottom:2px solid #c8ccd2;font-weight:600}
      td{border-bottom:1px solid #eef0f2}
      tbody tr:nth-child(even){background:#fafbfc}
      th.name,td.name{text-align:left}
      .diverged{color:#c0392b}
      .figures{display:flex;flex-wrap:wrap;gap:12px;margin:10px 0 4px}
      .figure svg{display:block;width:100%;height:auto;border:1px solid #eceef1;\
      border-radius:4px}
      summary{cursor:pointer;color:#3465a4;margin:6px 0}
      nav ol{margin:6px 0;padding-left:24px;columns:2 320px;font-size:14px}
      a{color:#3465a4;text-decoration:none}
      a:hover{text-decoration:underline}
      @media print{body{background:#fff}section{border:none;break-inside:avoid}}
      """;

  /** Builds the page and writes it whole or not at all. */
  public static void write(ReportLog log, Path target, String version) throws IOException {
    String written = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    WholeFile.write(target, html(log, version, written).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The page's text.
   *
   * @param version optlab's version, for the footer
   * @param written when it was written, as it is to be shown
   */
  static String html(ReportLog log, String version, String written) {
    List<ReportLog.Section> sections = log.sections();
    List<ReportLog.Script> scripts = merged(log.scripts());
    StringBuilder h = new StringBuilder(1 << 16);
    String name = pageName(scripts);
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n")
        .append("<head>\n<meta charset=\"UTF-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<meta name=\"generator\" content=\"optlab ").append(esc(version)).append("\"/>\n")
        .append("<title>optlab report: ").append(esc(name)).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
    h.append("<header>\n<h1>optlab report: ").append(esc(name)).append("</h1>\n")
        .append("<p class=\"meta\">").append(esc(counts(sections))).append(" · written ")
        .append(esc(written)).append(" by optlab ").append(esc(version)).append("</p>\n")
        .append("</header>\n");
    contents(h, sections);
    script(h, scripts);
    rules(h, log.rules());
    if (log.dropped() > 0) {
      h.append("<p class=\"note\">The first ").append(log.dropped())
          .append(" runs, compares and plots of this session are not shown: a report keeps the")
          .append(" last ").append(ReportLog.MAX_SECTIONS).append(".</p>\n");
    }
    if (sections.isEmpty()) {
      h.append("<p class=\"note\">Nothing has run: there is no run, compare or plot to show.</p>\n");
    }
    int[] figures = {0};
    for (int i = 0; i < sections.size(); i++) {
      switch (sections.get(i)) {
        case ReportLog.RunSection r -> runSection(h, i + 1, r, figures);
        case ReportLog.PlotSection p -> plotSection(h, i + 1, p, figures);
        case ReportLog.TextSection t -> {
          open(h, i + 1, t);
          h.append("<pre class=\"table\"><code>").append(esc(t.text()))
              .append("</code></pre>\n</section>\n");
        }
      }
    }
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  // The parts of the page. -------------------------------------------------------------------

  private static void contents(StringBuilder h, List<ReportLog.Section> sections) {
    if (sections.isEmpty()) {
      return;
    }
    h.append("<nav>\n<ol>\n");
    for (int i = 0; i < sections.size(); i++) {
      h.append("<li><a href=\"#s").append(i + 1).append("\">")
          .append(esc(kind(sections.get(i)) + " " + headline(sections.get(i))))
          .append("</a></li>\n");
    }
    h.append("</ol>\n</nav>\n");
  }

  private static void script(StringBuilder h, List<ReportLog.Script> scripts) {
    h.append("<section id=\"script\" class=\"script\">\n<h2><span class=\"kind\">script</span>")
        .append(scripts.size() == 1 ? esc(display(scripts.get(0).name())) : "what ran, in order")
        .append("</h2>\n");
    for (ReportLog.Script s : scripts) {
      if (scripts.size() > 1) {
        h.append("<p class=\"file\">").append(esc(display(s.name()))).append("</p>\n");
      }
      h.append("<pre class=\"source\"><code>").append(esc(s.text())).append("</code></pre>\n");
    }
    h.append("</section>\n");
  }

  /** The rules the session declared, each as written (the optimizers its runs may name). */
  private static void rules(StringBuilder h, java.util.Map<String, String> rules) {
    if (rules.isEmpty()) {
      return;
    }
    h.append("<section id=\"rules\" class=\"script\">\n<h2><span class=\"kind\">rules</span>")
        .append(rules.size()).append(rules.size() == 1 ? " rule" : " rules")
        .append(" declared</h2>\n");
    for (java.util.Map.Entry<String, String> r : rules.entrySet()) {
      h.append("<p class=\"file\">").append(esc(r.getKey())).append("</p>\n")
          .append("<pre class=\"source\"><code>").append(esc(r.getValue()))
          .append("</code></pre>\n");
    }
    h.append("</section>\n");
  }

  private static void runSection(StringBuilder h, int number, ReportLog.RunSection r,
      int[] figures) {
    open(h, number, r);
    if (r.compare()) {
      compareTable(h, r.table());
    } else {
      ReportLog.OptimizerRun run = r.runs().get(0);
      h.append("<p class=\"heading\">").append(esc(run.title())).append("</p>\n");
      traceTable(h, run, r.columns());
      closing(h, run);
    }
    h.append("<div class=\"figures\">\n");
    List<Series> loss = new ArrayList<>();
    List<Series> lr = new ArrayList<>();
    List<RowCollector.Run> runs = new ArrayList<>();
    for (ReportLog.OptimizerRun o : r.runs()) {
      RowCollector.Run run = o.run();
      runs.add(run);
      Series curve = o.curve() != null ? o.curve() : Series.loss(run.name(), run.rows());
      loss.add(ReportFigures.noted(curve, run));
      lr.add(ReportFigures.noted(Series.lr(run.name(), run.rows()), run));
    }
    String first = r.compare() ? "loss" : r.runs().get(0).run().name();
    if (drawable(loss)) {
      figure(h, "loss", ReportFigures.curves(first + " " + r.caption(), loss, lr), figures);
    }
    ReportLog.Contour c = r.contour();
    if (c != null) {
      figure(h, "paths", ReportFigures.paths("paths " + r.caption(), c.objective(), c.params(),
          c.function(), c.start(), runs), figures);
    }
    for (String metric : r.metrics()) {
      int column = r.columns().indexOf(metric);
      List<Series> series = new ArrayList<>();
      for (RowCollector.Run run : runs) {
        List<TraceRow> rows = run.rows();
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = rows.get(i).step();
          y[i] = rows.get(i).params()[column];
        }
        series.add(ReportFigures.noted(new Series(run.name(), x, y), run));
      }
      if (drawable(series)) {
        figure(h, "metric", ReportFigures.metric(metric + " " + r.caption(), metric, series),
            figures);
      }
    }
    h.append("</div>\n");
    if (r.compare()) {
      h.append("<details class=\"rows\">\n<summary>each optimizer's traced rows</summary>\n");
      for (ReportLog.OptimizerRun o : r.runs()) {
        h.append("<h3>").append(esc(o.title())).append("</h3>\n");
        traceTable(h, o, r.columns());
        closing(h, o);
      }
      h.append("</details>\n");
    }
    h.append("</section>\n");
  }

  /** Whether some series has a line to draw: two finite points or more (a run of 0 steps has not). */
  private static boolean drawable(List<Series> series) {
    for (Series s : series) {
      int finite = 0;
      for (int i = 0; i < s.size(); i++) {
        if (s.finite(i) && ++finite == 2) {
          return true;
        }
      }
    }
    return false;
  }

  private static void plotSection(StringBuilder h, int number, ReportLog.PlotSection p,
      int[] figures) {
    open(h, number, p);
    h.append("<div class=\"figures\">\n");
    figure(h, "plot", p.figure(), figures);
    h.append("</div>\n");
    if (p.file() != null) {
      h.append("<p class=\"note\">also written to ").append(esc(p.file().toString()))
          .append("</p>\n");
    }
    h.append("</section>\n");
  }

  /** A section's start: its number, kind and headline, where it is, the statement. */
  private static void open(StringBuilder h, int number, ReportLog.Section s) {
    String kind = kind(s);
    h.append("<section id=\"s").append(number).append("\" class=\"").append(kind).append("\">\n")
        .append("<h2><span class=\"kind\">").append(kind).append("</span>")
        .append(esc(headline(s))).append("</h2>\n")
        .append("<p class=\"where\">").append(esc(where(s))).append("</p>\n")
        .append("<pre class=\"statement\"><code>").append(esc(s.statement()))
        .append("</code></pre>\n");
  }

  private static void compareTable(StringBuilder h, ReportLog.CompareTable t) {
    h.append("<p class=\"heading\">").append(esc(t.heading())).append("</p>\n")
        .append("<div class=\"table\"><table class=\"summary\">\n<thead><tr><th>#</th>")
        .append("<th class=\"name\">optimizer</th>");
    for (String c : t.columns()) {
      h.append("<th>").append(esc(c)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < t.rows().size(); i++) {
      h.append("<tr><td>").append(t.ranked() ? Integer.toString(i + 1) : "-").append("</td><td class=\"name\">")
          .append(esc(t.names().get(i))).append("</td>");
      for (String cell : t.rows().get(i)) {
        h.append(cell.equals("diverged") ? "<td class=\"diverged\">" : "<td>").append(esc(cell))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table></div>\n");
    if (t.note() != null) {
      h.append("<p class=\"note\">").append(esc(t.note())).append("</p>\n");
    }
  }

  /** A run's traced rows, as its table in the terminal; folded when there are many. */
  private static void traceTable(StringBuilder h, ReportLog.OptimizerRun o, List<String> columns) {
    List<TraceRow> rows = o.run().rows();
    boolean fold = rows.size() > OPEN_ROWS;
    if (fold) {
      h.append("<details class=\"rows\">\n<summary>the ").append(rows.size())
          .append(" rows</summary>\n");
    }
    if (o.stride() > 1) {
      h.append("<p class=\"note\">The run traced ").append(o.traced())
          .append(" rows; every ").append(o.stride()).append(ordinal(o.stride()))
          .append(" is shown, and the last.</p>\n");
    }
    h.append("<div class=\"table\"><table class=\"trace\">\n<thead><tr>");
    List<String> header = new ArrayList<>(List.of("step", "lr", "loss", "grad_norm"));
    header.addAll(columns);
    for (String c : header) {
      h.append("<th>").append(esc(c)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (TraceRow row : rows) {
      h.append(Double.isFinite(row.loss()) ? "<tr>" : "<tr class=\"diverged\">")
          .append("<td>").append(row.step()).append("</td>");
      cell(h, row.lr());
      cell(h, row.loss());
      cell(h, row.gradNorm());
      for (double v : row.params()) {
        cell(h, v);
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table></div>\n");
    if (fold) {
      h.append("</details>\n");
    }
  }

  private static void cell(StringBuilder h, double v) {
    h.append("<td>").append(esc(Numbers.short6(v))).append("</td>");
  }

  private static void closing(StringBuilder h, ReportLog.OptimizerRun o) {
    boolean bad = o.run().summary() != null
        && o.run().summary().status() == RunSummary.Status.DIVERGED;
    h.append(bad ? "<p class=\"closing diverged\">" : "<p class=\"closing\">")
        .append(esc(o.closing())).append("</p>\n");
  }

  private static void figure(StringBuilder h, String kind, Figure figure, int[] counter) {
    String prefix = "f" + (++counter[0]) + "-";
    // Figures share a row where they fit at four fifths of their size or more, never growing.
    int width = ReportFigures.width(figure);
    h.append("<div class=\"figure ").append(kind).append("\" style=\"flex:1 1 ")
        .append(width * 4 / 5).append("px;max-width:").append(width).append("px\">\n")
        .append(xmlText(ReportFigures.svg(figure, prefix))).append("</div>\n");
  }

  // Words. -----------------------------------------------------------------------------------

  private static String kind(ReportLog.Section s) {
    return switch (s) {
      case ReportLog.RunSection r -> r.compare() ? "compare" : "run";
      case ReportLog.PlotSection p -> "plot";
      case ReportLog.TextSection t -> t.kind();
    };
  }

  /** {@code adam on rosenbrock}, {@code sgd, adam on rosenbrock}, or a plot's title. */
  private static String headline(ReportLog.Section s) {
    return switch (s) {
      case ReportLog.RunSection r -> String.join(", ",
          r.runs().stream().map(o -> o.run().name()).toList()) + " on " + r.objective();
      case ReportLog.PlotSection p -> p.figure().title();
      case ReportLog.TextSection t -> t.headline();
    };
  }

  private static String counts(List<ReportLog.Section> sections) {
    int runs = 0;
    int compares = 0;
    int plots = 0;
    int sweeps = 0;
    int rangeTests = 0;
    for (ReportLog.Section s : sections) {
      switch (s) {
        case ReportLog.RunSection r when r.compare() -> compares++;
        case ReportLog.RunSection r -> runs++;
        case ReportLog.PlotSection p -> plots++;
        case ReportLog.TextSection t when t.kind().equals("sweep") -> sweeps++;
        case ReportLog.TextSection t -> rangeTests++;
      }
    }
    List<String> parts = new ArrayList<>();
    for (String part : List.of(plural(runs, "run"), plural(compares, "compare"),
        plural(plots, "plot"), plural(sweeps, "sweep"), plural(rangeTests, "range test"))) {
      if (!part.startsWith("0 ")) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? "nothing run" : String.join(", ", parts);
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static String ordinal(long n) {
    long tens = n % 100;
    if (tens >= 11 && tens <= 13) {
      return "th";
    }
    return switch ((int) (n % 10)) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  /** The page's name: the scripts that ran, or what kind of session it was. */
  private static String pageName(List<ReportLog.Script> scripts) {
    List<String> names = new ArrayList<>();
    for (ReportLog.Script s : scripts) {
      String d = display(s.name());
      if (!names.contains(d)) {
        names.add(d);
      }
    }
    return names.isEmpty() ? "an empty session" : String.join(", ", names);
  }

  /** {@code demo.opt, line 7}; a REPL input, whose lines count from each input, has no line. */
  private static String where(ReportLog.Section s) {
    return s.script().equals("<repl>") ? "typed at the REPL"
        : display(s.script()) + ", line " + s.line();
  }

  /** How a source is named on the page: its file, or what it was. */
  private static String display(String name) {
    return switch (name) {
      case "<repl>" -> "REPL session";
      case "<-e>" -> "optlab -e";
      default -> name;
    };
  }

  /** Consecutive REPL inputs (or {@code -e} texts) read as one listing. */
  private static List<ReportLog.Script> merged(List<ReportLog.Script> scripts) {
    List<ReportLog.Script> out = new ArrayList<>();
    for (ReportLog.Script s : scripts) {
      int last = out.size() - 1;
      if (last >= 0 && s.name().startsWith("<") && out.get(last).name().equals(s.name())) {
        ReportLog.Script before = out.get(last);
        String text = before.text().endsWith("\n") ? before.text() : before.text() + "\n";
        out.set(last, new ReportLog.Script(s.name(), text + s.text()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  static String esc(String s) {
    return Xml.escape(s);
  }

  static String xmlText(String s) {
    return Xml.text(s);
  }
}
