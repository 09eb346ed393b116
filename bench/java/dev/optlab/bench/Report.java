package dev.optlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark report (bench/README.md): measures optlab and its references in one run and
 * prints each comparison as a ratio with its minimum, median and maximum over the runs, then
 * writes the same table as Markdown to {@code target/bench/report.md}.
 *
 * <p>Run by {@code bench/run.sh} from the project root, with the launcher built, in a JVM started
 * with the launcher's flags. Options: {@code --quick} (fewer runs), {@code --only
 * a,b,c,d,e,f,g}
 * (sections).
 */
public final class Report {
  private static final long STEPS = Workloads.STEPS;
  private static final long TORCH_STEPS = 10_000;
  private static final String TORCH_PYTHON = "/usr/bin/python3";

  private final Path root = Path.of("").toAbsolutePath();
  private final Path work = root.resolve("target/bench");
  private final boolean quick;
  private final String only;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** One line of the report: what is compared, the ratio's spread, the target, the raw medians. */
  record Row(String section, String what, Stats ratio, String target, Boolean met, String detail) {}

  private Report(boolean quick, String only) {
    this.quick = quick;
    this.only = only;
  }

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    String only = "abcdefh";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--only" -> only = args[++i].replace(",", "");
        default -> {
          System.err.println("usage: Report [--quick] [--only a,b,c,d,e,f,h]");
          System.exit(2);
        }
      }
    }
    new Report(quick, only).run();
  }

  private void run() throws Exception {
    Files.createDirectories(work);
    writeScripts();
    Map<String, List<Double>> measured = only.contains("a") || only.contains("c") ? inProcess()
        : Map.of();
    if (only.contains("a")) {
      scalar(measured);
    }
    if (only.contains("b")) {
      startUp();
    }
    if (only.contains("c")) {
      trace(measured);
    }
    if (only.contains("d")) {
      memory();
    }
    if (only.contains("e")) {
      kernels();
    }
    if (only.contains("f")) {
      sweeps();
    }
    if (only.contains("h")) {
      rules();
    }
    notes.add("bench/tensor/ times a whole MLP (digits, Adam) against PyTorch.");
    String text = render(false);
    System.out.print(text);
    Path md = work.resolve("report.md");
    Files.writeString(md, render(true));
    System.out.println("\n(Markdown: " + root.relativize(md) + ")");
  }

  // ---- (a) the scalar path -------------------------------------------------------------------

  /** Seconds per run of each in-process workload, in paired rounds ({@link Paired}). */
  private Map<String, List<Double>> inProcess() throws Exception {
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    try (Workloads w = new Workloads()) {
      if (only.contains("a")) {
        progress("in-process: optlab and the hand-written loop, 1M steps each, paired rounds");
        List<double[]> r = Paired.rounds(List.of(w::optlab, w::handWritten, w::optlabEvery1000),
            quick ? 8 : 15, quick ? 10 : 25);
        seconds.put("optlab", Paired.column(r, 0));
        seconds.put("handWritten", Paired.column(r, 1));
        seconds.put("optlabEvery1000", Paired.column(r, 2));
        seconds.put("optlab/handWritten", Paired.ratio(r, 0, 1));
        seconds.put("optlabEvery1000/optlab", Paired.ratio(r, 2, 0));
      }
      if (only.contains("c")) {
        progress("in-process: every step of a 1M-step run to a CSV trace, paired rounds");
        List<double[]> r = Paired.rounds(List.of(w::optlabTraceCsv, w::optlab),
            quick ? 2 : 3, quick ? 4 : 8);
        seconds.put("optlabTraceCsv", Paired.column(r, 0));
        seconds.put("optlabTraceCsv/optlab", Paired.ratio(r, 0, 1));
      }
    }
    return seconds;
  }

  private void scalar(Map<String, List<Double>> measured) throws Exception {
    List<Double> optlab = stepsPerSecond(measured.get("optlab"), STEPS);
    List<Double> java = stepsPerSecond(measured.get("handWritten"), STEPS);
    Stats vsJava = Stats.of(Stats.map(measured.get("optlab/handWritten"), x -> 1 / x));
    rows.add(new Row("a", "steps/s: optlab ÷ hand-written Java (same JVM, paired rounds)",
        vsJava, "≥ 0.5 (aim 0.8)", vsJava.median() >= 0.5,
        "optlab " + Stats.num(Stats.of(optlab).median(), 3) + " steps/s, Java "
            + Stats.num(Stats.of(java).median(), 3)));

    progress("plain Python, 1M steps per run");
    List<Double> python = new ArrayList<>();
    for (int i = 0; i < (quick ? 3 : 5); i++) {
      python.add(pythonStepsPerSecond(List.of(python(), "bench/python/rosenbrock_adam.py",
          Long.toString(STEPS))));
    }
    rows.add(new Row("a", "steps/s: optlab ÷ plain Python (" + python() + ")",
        Stats.ratio(optlab, python), "≥ 5", Stats.ratio(optlab, python).median() >= 5,
        "Python " + Stats.num(Stats.of(python).median(), 3) + " steps/s"));

    if (torchWorks()) {
      progress("PyTorch eager, " + TORCH_STEPS + " steps per run, 1 thread");
      List<Double> torch = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        torch.add(pythonStepsPerSecond(List.of(TORCH_PYTHON,
            "bench/python/rosenbrock_adam_torch.py", Long.toString(TORCH_STEPS))));
      }
      rows.add(new Row("a", "steps/s: optlab ÷ PyTorch (torch.optim.Adam, 1 thread)",
          Stats.ratio(optlab, torch), "", null,
          "PyTorch " + Stats.num(Stats.of(torch).median(), 3) + " steps/s over "
              + TORCH_STEPS + " steps"));
    } else {
      notes.add("PyTorch skipped: `" + TORCH_PYTHON + " -c \"import torch\"` failed.");
    }

    Stats every = Stats.of(measured.get("optlabEvery1000/optlab"));
    rows.add(new Row("a", "time: `every 1000` (1001 table rows) ÷ default (11 rows)", every,
        "< 1.05", every.median() < 1.05, "table output rendered to a discarding stream"));

    progress("cold: 1M steps in a fresh ./optlab process");
    List<Double> cold = new ArrayList<>();
    Pattern took = Pattern.compile("after " + STEPS + " steps \\(([0-9.]+) (ms|s)\\)");
    for (int i = 0; i < (quick ? 3 : 5); i++) {
      String out = exec(List.of("./optlab", script("adam1m.opt").toString())).stdout;
      Matcher m = took.matcher(out);
      if (!m.find()) {
        throw new IllegalStateException("no run time in: " + out);
      }
      double seconds = Double.parseDouble(m.group(1)) / (m.group(2).equals("ms") ? 1e3 : 1);
      cold.add(STEPS / seconds);
    }
    rows.add(new Row("a", "steps/s: optlab cold (fresh process, JIT warming up) ÷ Python",
        Stats.ratio(cold, python), "", null,
        "optlab cold " + Stats.num(Stats.of(cold).median(), 3) + " steps/s (run time as printed)"));
  }

  private static List<Double> stepsPerSecond(List<Double> seconds, long steps) {
    return Stats.map(seconds, s -> steps / s);
  }

  private double pythonStepsPerSecond(List<String> command) throws Exception {
    Result r = exec(command);
    Matcher m = Pattern.compile("steps_per_s ([0-9.]+)").matcher(r.stdout);
    if (r.exit != 0 || !m.find()) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + r.stdout
          + r.stderr);
    }
    return Double.parseDouble(m.group(1));
  }

  private static String python() {
    String p = System.getenv("OPTLAB_BENCH_PYTHON");
    return p == null || p.isEmpty() ? "python3" : p;
  }

  private Boolean torch;

  private boolean torchWorks() throws Exception {
    if (torch == null) {
      torch = Files.isExecutable(Path.of(TORCH_PYTHON))
          && exec(List.of(TORCH_PYTHON, "-c", "import torch")).exit == 0;
    }
    return torch;
  }

  // ---- (b) start-up --------------------------------------------------------------------------

  private void startUp() throws Exception {
    int runs = quick ? 10 : 20;
    progress("start-up, " + runs + " runs each" + (hyperfine() ? " (hyperfine)" : ""));
    List<Double> print = wallTimes("./optlab -e 'print 1 + 1'", runs);
    List<Double> story = wallTimes("./optlab examples/00_story.opt", runs);
    List<Double> torchImport = torchWorks()
        ? wallTimes(TORCH_PYTHON + " -c 'import torch'", Math.max(10, runs / 2)) : null;
    for (var e : List.of(Map.entry("`./optlab -e 'print 1 + 1'`", print),
        Map.entry("`./optlab examples/00_story.opt`", story))) {
      Stats s = Stats.of(e.getValue());
      rows.add(new Row("b", "wall s: " + e.getKey(), s, "median ≤ 0.25 s", s.median() <= 0.25,
          s.n() + " runs"));
      if (torchImport != null) {
        rows.add(new Row("b", "wall: " + e.getKey() + " ÷ `python3 -c \"import torch\"`",
            Stats.ratio(e.getValue(), torchImport), "< 1", Stats.ratio(e.getValue(),
            torchImport).median() < 1, "import torch " + Stats.num(Stats.of(torchImport).median(),
            3) + " s"));
      }
    }
    if (torchImport == null) {
      notes.add("`import torch` start-up reference skipped: torch is not importable.");
    }
  }

  private static boolean hyperfine() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "hyperfine"))) {
        return true;
      }
    }
    return false;
  }

  /** Wall seconds of each run of a shell-free command line, after three warm-up runs. */
  private List<Double> wallTimes(String command, int runs) throws Exception {
    if (hyperfine()) {
      Path json = work.resolve("hyperfine.json");
      Result r = exec(List.of("hyperfine", "-N", "--warmup", "3", "--runs", Integer.toString(runs),
          "--export-json", json.toString(), "--style", "none", command));
      if (r.exit != 0) {
        throw new IllegalStateException("hyperfine failed: " + r.stderr);
      }
      String text = Files.readString(json);
      Matcher m = Pattern.compile("\"times\"\\s*:\\s*\\[([^]]*)]").matcher(text);
      if (!m.find()) {
        throw new IllegalStateException("no times in " + json);
      }
      List<Double> times = new ArrayList<>();
      for (String t : m.group(1).split(",")) {
        times.add(Double.parseDouble(t.trim()));
      }
      return times;
    }
    List<String> argv = shellWords(command);
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs + 3; i++) {
      Result r = exec(argv);
      if (i >= 3) {
        times.add(r.nanos / 1e9);
      }
    }
    return times;
  }

  /** Splits {@code a 'b c' d} as a shell would (single quotes only). */
  private static List<String> shellWords(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(s);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return out;
  }

  // ---- (c) trace file ------------------------------------------------------------------------

  private void trace(Map<String, List<Double>> measured) throws Exception {
    List<Double> rowsPerSecond = stepsPerSecond(measured.get("optlabTraceCsv"), STEPS + 1);
    Stats s = Stats.of(rowsPerSecond);
    rows.add(new Row("c", "rows/s: `trace \"FILE.csv\"`, every step of 1M, in-process ÷ 500,000",
        s.times(1 / 500_000.0), "≥ 1", s.median() >= 500_000,
        Stats.num(s.median(), 3) + " rows/s; the traced run takes "
            + Stats.of(measured.get("optlabTraceCsv/optlab")).format(3) + "× the untraced one's time"));
    progress("cold: a 1M-row trace in a fresh ./optlab process");
    List<Double> cold = new ArrayList<>();
    for (int i = 0; i < (quick ? 2 : 3); i++) {
      Result r = exec(List.of("./optlab", script("trace1m.opt").toString()));
      if (r.exit != 0) {
        throw new IllegalStateException("trace run failed: " + r.stderr);
      }
      cold.add((STEPS + 1) / (r.nanos / 1e9));
    }
    Stats c = Stats.of(cold);
    rows.add(new Row("c", "rows/s: the same in a fresh `./optlab` process, start to exit ÷ 500,000",
        c.times(1 / 500_000.0), "≥ 1", c.median() >= 500_000, Stats.num(c.median(), 3)
            + " rows/s"));
    Files.deleteIfExists(work.resolve("trace.csv"));
  }

  // ---- (d) memory ----------------------------------------------------------------------------

  private void memory() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
      notes.add("Peak RSS skipped: /usr/bin/time is not installed (apt-get install time).");
      return;
    }
    progress("peak RSS (/usr/bin/time)");
    List<Double> torchRss = torchWorks() ? peakRss(List.of(TORCH_PYTHON, "-c", "import torch"), 3)
        : null;
    for (var e : List.of(Map.entry("`./optlab -e 'print 1 + 1'`",
            List.of("./optlab", "-e", "print 1 + 1")),
        Map.entry("`./optlab examples/00_story.opt`",
            List.of("./optlab", "examples/00_story.opt")))) {
      List<Double> rss = peakRss(e.getValue(), quick ? 3 : 5);
      Stats s = Stats.of(rss);
      rows.add(new Row("d", "peak RSS MB: " + e.getKey(), s, "< 150 MB", s.max() < 150,
          torchRss == null ? "" : "÷ `import torch` ("
              + Stats.num(Stats.of(torchRss).median(), 3) + " MB): "
              + Stats.ratio(rss, torchRss).format(2)));
    }
    Result heap = exec(List.of("./optlab", "-e", "print 1"),
        Map.of("OPTLAB_JAVA_OPTS", "-Xlog:gc+init"));
    Matcher m = Pattern.compile("Heap (Initial|Max) Capacity: (\\S+)").matcher(heap.stdout);
    StringBuilder sizes = new StringBuilder();
    while (m.find()) {
      sizes.append(sizes.isEmpty() ? "" : ", ").append(m.group(1).toLowerCase(Locale.ROOT))
          .append(" ").append(m.group(2));
    }
    notes.add("Heap of a small script (`-Xlog:gc+init`): "
        + (sizes.isEmpty() ? "not reported" : sizes) + "; machine memory "
        + memTotal() + ".");
  }

  private List<Double> peakRss(List<String> command, int runs) throws Exception {
    Path out = work.resolve("time.txt");
    List<Double> mb = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      List<String> argv = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o",
          out.toString()));
      argv.addAll(command);
      exec(argv);
      mb.add(Double.parseDouble(Files.readString(out).strip().lines().reduce((a, b) -> b)
          .orElseThrow()) / 1024);
    }
    return mb;
  }

  private static String memTotal() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        long kb = Long.parseLong(line.replaceAll("\\D", ""));
        return Stats.num(kb / 1024.0 / 1024.0, 3) + " GB";
      }
    }
    return "unknown";
  }

  // ---- (e) optimizer kernels over 10M parameters --------------------------------------------

  private void kernels() throws Exception {
    int warmup = 8; // RAdam's rectified update, the one it runs for good, starts at step 7
    List<KernelWorkloads.Measured> measured =
        new KernelWorkloads().measureAll(warmup, quick ? 10 : 30, Report::progress);
    Map<String, List<Double>> torchSeconds = torchWorks() ? torchKernels(warmup, quick ? 4 : 8)
        : Map.of();
    if (!torchWorks()) {
      notes.add("PyTorch kernels skipped: `" + TORCH_PYTHON + " -c \"import torch\"` failed.");
    }
    double n = KernelWorkloads.N;
    for (KernelWorkloads.Measured m : measured) {
      if (!(m.maxRelativeDifference() <= 1e-9)) {
        throw new IllegalStateException(m.c().label() + ": optlab and the hand-written loop"
            + " disagree (relative " + m.maxRelativeDifference() + "): not the same rule");
      }
      String label = "`" + m.c().label() + "`";
      Stats vsHand = Stats.of(m.speedVsHand());
      double optlabNs = Stats.of(m.optlab()).median() / n * 1e9;
      rows.add(new Row("e", label + ": speed, optlab ÷ hand-written fused Java loop", vsHand,
          "≥ 0.8", vsHand.median() >= 0.8,
          "optlab " + Stats.num(optlabNs, 3) + " ns/param ("
              + Stats.num(8 * m.c().streams() / optlabNs, 3) + " GB/s at " + 8 * m.c().streams()
              + " B/param), loop " + nsPerParameter(m.hand(), n) + " ns/param; parameters agree to "
              + String.format(Locale.ROOT, "%.0e", m.maxRelativeDifference())));
      List<Double> torch = torchSeconds.get(m.c().optimizer());
      if (torch != null) {
        Stats vsTorch = Stats.ratio(torch, m.optlab());
        rows.add(new Row("e", label + ": speed, optlab ÷ `torch.optim." + m.c().optimizer()
            + "` (float64, 1 thread)", vsTorch, "≥ 5", vsTorch.median() >= 5,
            "PyTorch " + nsPerParameter(torch, n) + " ns/param"));
      } else if (torchWorks()) {
        throw new IllegalStateException("optim_torch.py printed nothing for " + m.c().optimizer());
      }
    }
  }

  private static String nsPerParameter(List<Double> seconds, double n) {
    return Stats.num(Stats.of(seconds).median() / n * 1e9, 3);
  }

  /** Seconds per {@code opt.step()} of each optimizer, by name, from one Python process. */
  private Map<String, List<Double>> torchKernels(int warmup, int rounds) throws Exception {
    progress("kernels: torch.optim, " + warmup + " + " + rounds + " steps each over "
        + KernelWorkloads.N / 1_000_000 + "M float64 parameters, 1 thread");
    List<String> command = new ArrayList<>(List.of(TORCH_PYTHON, "bench/python/optim_torch.py",
        Integer.toString(KernelWorkloads.N), Integer.toString(warmup),
        Integer.toString(rounds)));
    for (KernelWorkloads.Case c : KernelWorkloads.CASES) {
      command.add(c.torchSpec());
    }
    Result r = exec(command);
    if (r.exit != 0) {
      throw new IllegalStateException("optim_torch.py failed: " + r.stdout + r.stderr);
    }
    Map<String, List<Double>> out = new LinkedHashMap<>();
    for (String line : r.stdout.lines().toList()) {
      String[] w = line.trim().split("\\s+");
      if (w.length > 3 && w[0].equals("optim") && w[2].equals("seconds")) {
        List<Double> s = new ArrayList<>();
        for (int i = 3; i < w.length; i++) {
          s.add(Double.parseDouble(w[i]));
        }
        out.put(w[1], s);
      }
    }
    return out;
  }

  // ---- (g) user-defined rules ---------------------------------------------------------------

  private void rules() throws Exception {
    RuleWorkloads w = new RuleWorkloads();
    int warmup = 3;
    progress("rules: MyAdam rule and built-in Adam, paired rounds over "
        + RuleWorkloads.N / 1_000_000 + "M parameters");
    RuleWorkloads.Measured adam = w.adamKernels(warmup, quick ? 10 : 30);
    if (!(adam.difference() <= 1e-9)) {
      throw new IllegalStateException("MyAdam and Adam disagree (relative " + adam.difference()
          + "): not the same update");
    }
    Stats kernel = Stats.of(Paired.ratio(adam.rounds(), 1, 0));
    rows.add(new Row("h", "`MyAdam(lr = 1e-3)` rule ÷ built-in `Adam`: one update over "
        + RuleWorkloads.N / 1_000_000 + "M parameters (speed)", kernel, "≥ 0.9",
        kernel.median() >= 0.9, "rule " + nsPerParameter(Paired.column(adam.rounds(), 0),
            RuleWorkloads.N) + " ns/param, built-in " + nsPerParameter(
            Paired.column(adam.rounds(), 1), RuleWorkloads.N) + " ns/param; parameters agree to "
            + String.format(Locale.ROOT, "%.0e", adam.difference())));
    progress("rules: run MyAdam and Adam on rosenbrock, " + Stats.num(STEPS, 3)
        + " steps each, paired rounds");
    List<double[]> scalar = w.scalarRuns(quick ? 3 : 5, quick ? 6 : 15);
    Stats path = Stats.of(Paired.ratio(scalar, 1, 0));
    rows.add(new Row("h", "`run MyAdam(lr = 1e-3) on rosenbrock` ÷ built-in `Adam`, "
        + Stats.num(STEPS, 3) + " steps (speed)", path, "≥ 0.9", path.median() >= 0.9,
        "rule " + seconds(Paired.column(scalar, 0)) + ", built-in "
            + seconds(Paired.column(scalar, 1))));
    progress("rules: Lion rule, one update over " + RuleWorkloads.N / 1_000_000
        + "M parameters");
    List<Double> lion = w.lionKernel(warmup, quick ? 10 : 30);
    if (!torchWorks()) {
      notes.add("Lion against PyTorch skipped: `" + TORCH_PYTHON + " -c \"import torch\"` failed.");
      return;
    }
    progress("rules: PyTorch's reference Lion (bench/python/lion_torch.py), 1 thread");
    Result r = exec(List.of(TORCH_PYTHON, "bench/python/lion_torch.py",
        Integer.toString(RuleWorkloads.N), Integer.toString(warmup),
        Integer.toString(quick ? 4 : 8)));
    List<Double> torch = new ArrayList<>();
    for (String line : r.stdout.lines().toList()) {
      String[] f = line.trim().split("\\s+");
      if (f.length > 2 && f[0].equals("lion") && f[1].equals("seconds")) {
        for (int i = 2; i < f.length; i++) {
          torch.add(Double.parseDouble(f[i]));
        }
      }
    }
    if (r.exit != 0 || torch.isEmpty()) {
      throw new IllegalStateException("lion_torch.py failed: " + r.stdout + r.stderr);
    }
    Stats vsTorch = Stats.ratio(torch, lion);
    rows.add(new Row("h", "`Lion()` rule ÷ PyTorch's reference Lion (one op a line, float64,"
        + " 1 thread): one update over " + RuleWorkloads.N / 1_000_000 + "M (speed)", vsTorch,
        "≥ 5", vsTorch.median() >= 5, "rule " + nsPerParameter(lion, RuleWorkloads.N)
            + " ns/param, PyTorch " + nsPerParameter(torch, RuleWorkloads.N) + " ns/param"));
  }

  // ---- (f) sweeps ---------------------------------------------------------------------------

  private void sweeps() throws Exception {
    String loadBefore = loadAverage();
    SweepWorkloads w = new SweepWorkloads(root);
    int threadsBefore = dev.optlab.tensor.Threads.count();
    dev.optlab.tensor.Threads.set(1); // a trial's reference time is one thread's
    try {
      int t = SweepWorkloads.SCALAR_TRIALS;
      int s = SweepWorkloads.SCALAR_STEPS;
      progress("sweep: " + t + " trials x " + s + " Adam steps on Rosenbrock, threads 1 and 2,"
          + " paired rounds");
      List<Double> cpu1 = new ArrayList<>();
      List<Double> cpu2 = new ArrayList<>();
      int warm = quick ? 2 : 3;
      List<double[]> r = Paired.rounds(List.of(cpu(cpu1, () -> w.scalarSweep(1)),
          cpu(cpu2, () -> w.scalarSweep(2))), warm, quick ? 4 : 8);
      cpu1 = cpu1.subList(warm, cpu1.size());
      cpu2 = cpu2.subList(warm, cpu2.size());
      Stats speedUp = Stats.of(Paired.ratio(r, 0, 1));
      List<Double> wall2 = Paired.column(r, 1);
      List<Double> cores = new ArrayList<>();
      for (int i = 0; i < wall2.size(); i++) {
        cores.add(cpu2.get(i) / wall2.get(i));
      }
      rows.add(new Row("f", "speed-up: " + t + " trials x " + Stats.num(s, 3)
          + " steps, `threads 1` time ÷ `threads 2` time", speedUp, "≥ 1.8",
          speedUp.median() >= 1.8, "threads 1 " + seconds(Paired.column(r, 0)) + ", threads 2 "
              + seconds(wall2) + "; " + Stats.num(t * (double) s / Stats.of(wall2).median(), 3)
              + " steps/s on 2 threads, which got " + Stats.of(cores).format(3)
              + " cores' worth of CPU time from the machine"));
      Stats work = Stats.of(pairwise(cpu2, cpu1));
      rows.add(new Row("f", "CPU time: the same sweep, `threads 2` ÷ `threads 1` (work added by"
          + " running side by side)", work, "", null, "process CPU time, JIT and GC included;"
          + " speed-up = cores got × threads 1 CPU ÷ threads 2 CPU"));

      int n = SweepWorkloads.SHORT_TRIALS;
      progress("sweep: " + n + " trials x " + SweepWorkloads.SHORT_STEPS + " steps, threads 1,"
          + " against the same steps as a hand-written loop");
      r = Paired.rounds(List.of(w::shortSweep, w::shortLoop), quick ? 3 : 5, quick ? 5 : 10);
      List<Double> perTrial = r.stream().map(x -> (x[0] - x[1]) / n * 1e3).toList();
      Stats overhead = Stats.of(perTrial);
      rows.add(new Row("f", "ms per trial beyond its steps: (" + n + "-trial sweep − the loop)"
          + " ÷ " + n, overhead, "< 1 ms", overhead.median() < 1, "sweep "
          + seconds(Paired.column(r, 0)) + " (its table of " + n + " rows included), loop "
          + seconds(Paired.column(r, 1))));

      int m = SweepWorkloads.MLP_TRIALS;
      progress("sweep: " + m + " digits-MLP trials (" + SweepWorkloads.MLP_EPOCHS
          + " epochs), threads 2 and 1, against " + m + " plain runs on one thread");
      List<Double> cpuM = new ArrayList<>();
      List<Double> cpuRuns = new ArrayList<>();
      int warmM = quick ? 1 : 2;
      r = Paired.rounds(List.of(cpu(cpuRuns, w::mlpRuns), cpu(cpuM, () -> w.mlpSweep(2)),
          () -> w.mlpSweep(1)), warmM, quick ? 3 : 5);
      Stats split = Stats.of(r.stream().map(x -> x[1] / (x[0] / 2)).toList());
      rows.add(new Row("f", "digits MLP: " + m + "-trial sweep on `threads 2` ÷ (" + m
          + " runs' time ÷ 2)", split, "≤ 1.15", split.median() <= 1.15, m + " runs "
          + seconds(Paired.column(r, 0)) + ", sweep on 2 threads " + seconds(Paired.column(r, 1))
          + " (got " + Stats.of(pairwise(cpuM.subList(warmM, cpuM.size()), Paired.column(r, 1)))
          .format(3) + " cores' worth of CPU time), on 1 thread " + seconds(Paired.column(r, 2))));
      Stats mlpWork = Stats.of(pairwise(cpuM.subList(warmM, cpuM.size()),
          cpuRuns.subList(warmM, cpuRuns.size())));
      rows.add(new Row("f", "CPU time: the digits sweep on `threads 2` ÷ the " + m + " runs",
          mlpWork, "", null, "what the wall-time ratio above comes to when both cores are free"));
      Stats one = Stats.of(Paired.ratio(r, 2, 0));
      rows.add(new Row("f", "digits MLP: " + m + "-trial sweep on `threads 1` ÷ " + m
          + " runs' time", one, "", null, "the sweep's own cost on one thread"));
    } finally {
      dev.optlab.tensor.Threads.set(threadsBefore);
    }
    notes.add("Sweeps (f): load average " + loadBefore + " before, " + loadAverage()
        + " after (1, 5, 15 min; the machine has " + Runtime.getRuntime().availableProcessors()
        + " cores, and a speed-up needs them idle).");
  }

  /** The task, adding the process CPU seconds each call takes to {@code sink}. */
  private static java.util.concurrent.Callable<?> cpu(List<Double> sink,
      java.util.concurrent.Callable<?> task) {
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return () -> {
      long c0 = os.getProcessCpuTime();
      Object out = task.call();
      sink.add((os.getProcessCpuTime() - c0) / 1e9);
      return out;
    };
  }

  private static List<Double> pairwise(List<Double> a, List<Double> b) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.add(a.get(i) / b.get(i));
    }
    return out;
  }

  private static String seconds(List<Double> xs) {
    return Stats.num(Stats.of(xs).median(), 3) + " s";
  }

  private static String loadAverage() throws IOException {
    String[] w = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
    return w[0] + " " + w[1] + " " + w[2];
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private void writeScripts() throws IOException {
    String objective = Workloads.OBJECTIVE;
    Files.writeString(script("adam1m.opt"), objective + Workloads.RUN + "\n");
    Files.writeString(script("trace1m.opt"), objective + Workloads.RUN + " trace \""
        + work.resolve("trace.csv") + "\"\n");
  }

  private Path script(String name) {
    return work.resolve(name);
  }

  record Result(int exit, String stdout, String stderr, long nanos) {}

  private Result exec(List<String> command) throws Exception {
    return exec(command, Map.of());
  }

  private Result exec(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    pb.environment().putAll(env);
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    long nanos = System.nanoTime() - t0;
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8), nanos);
  }

  private static void progress(String what) {
    System.err.println("bench: " + what);
  }

  private String machine() throws IOException {
    String cpu = "unknown CPU";
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        cpu = line.substring(line.indexOf(':') + 1).strip();
        break;
      }
    }
    return LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu
        + ", " + memTotal() + " RAM, JDK " + System.getProperty("java.runtime.version") + " ("
        + System.getProperty("java.vm.vendor") + ")";
  }

  private String render(boolean markdown) throws IOException {
    StringBuilder sb = new StringBuilder();
    String machine = machine();
    String command = "bench/run.sh" + (quick ? " --quick" : "");
    if (markdown) {
      sb.append("Measured ").append(machine).append(", with `").append(command).append("`.\n\n");
      sb.append("| | comparison | min / median / max | target | met | notes |\n");
      sb.append("|---|---|---|---|---|---|\n");
      for (Row r : rows) {
        sb.append("| ").append(r.section).append(" | ").append(r.what).append(" | ")
            .append(r.ratio.format(3)).append(" | ").append(r.target).append(" | ")
            .append(r.met == null ? "" : r.met ? "yes" : "**no**").append(" | ")
            .append(r.detail).append(" |\n");
      }
      for (String n : notes) {
        sb.append("\n").append(n).append("\n");
      }
      return sb.toString();
    }
    sb.append("\noptlab benchmark — ").append(machine).append("\n");
    sb.append("each line: min / median / max over the runs (ratios: over every pair of runs)\n\n");
    String section = "";
    for (Row r : rows) {
      if (!r.section.equals(section)) {
        section = r.section;
        sb.append(switch (section) {
          case "a" -> "(a) Rosenbrock + Adam, 1M steps";
          case "b" -> "(b) start-up, process start to exit";
          case "c" -> "(c) CSV trace of every step";
          case "d" -> "(d) memory";
          case "f" -> "(f) sweeps (ratios of wall time; one JVM, paired rounds)";
          case "h" -> "(h) user-defined rules (generated bytecode): built-ins and PyTorch";
          default -> "(e) optimizer kernels: one update over " + KernelWorkloads.N / 1_000_000
              + "M float64 parameters (ratios of speed)";
        }).append('\n');
      }
      sb.append(String.format(Locale.ROOT, "  %-74s %-24s %-18s %s%n", r.what,
          r.ratio.format(3), r.target.isEmpty() ? "" : "target " + r.target,
          r.met == null ? "" : r.met ? "ok" : "MISSED"));
      if (!r.detail.isEmpty()) {
        sb.append("      ").append(r.detail).append('\n');
      }
    }
    for (String n : notes) {
      sb.append("note: ").append(n).append('\n');
    }
    return sb.toString();
  }
}
