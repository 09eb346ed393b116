package dev.optlab.repl;

import static dev.optlab.syntax.TokenKind.UNTERMINATED_STRING;

import dev.optlab.Engine;
import dev.optlab.check.Declaration;
import dev.optlab.data.Dataset;
import dev.optlab.hyper.HyperParam;
import dev.optlab.hyper.HyperValues;
import dev.optlab.optim.OptimizerKind;
import dev.optlab.optim.Optimizers;
import dev.optlab.syntax.Tokens;
import dev.optlab.syntax.Tokens.Tok;
import dev.optlab.schedule.ScheduleKind;
import dev.optlab.schedule.Schedules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion that knows the language. The text before the cursor is lexed with the
 * language's own lexer and the statement being typed is read by {@link CompletionContext} to
 * decide what may come next: statement keywords at the start, objectives after {@code on},
 * optimizers after {@code run}, {@code compare} and their commas, schedules after {@code
 * schedule =} and {@code then}, hyperparameter names (their defaults as descriptions) inside a
 * constructor's parentheses, names usable in an expression elsewhere. Lines starting with
 * {@code :} complete commands from the {@link Commands} table, and their arguments with each
 * command's completer.
 */
final class LanguageCompleter implements Completer {
  private final Engine engine;
  private final Path workingDirectory;

  LanguageCompleter(Engine engine, Path workingDirectory) {
    this.engine = engine;
    this.workingDirectory = workingDirectory;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    try {
      candidates.addAll(candidates(line.line(), line.cursor()));
    } catch (RuntimeException | StackOverflowError e) {
      // completion must never break the prompt; offer nothing
    }
  }

  /** The candidates for the word before {@code cursor}, already filtered by what is typed. */
  List<Candidate> candidates(String buffer, int cursor) {
    String before = buffer.substring(0, cursor);
    int start = InputParser.wordStart(buffer, cursor);
    String prefix = before.substring(start);
    List<Candidate> all;
    if (before.stripLeading().startsWith(":")) {
      all = command(before);
    } else {
      all = statement(before.substring(0, start), prefix);
    }
    return filter(all, prefix);
  }

  private List<Candidate> command(String before) {
    String text = before.stripLeading();
    int space = text.indexOf(' ');
    if (space < 0) {
      List<Candidate> out = new ArrayList<>();
      for (Commands.Command c : Commands.ALL) {
        out.add(new Candidate(c.name(), c.name(), "commands", c.summary(), null, null, true));
      }
      return out;
    }
    List<Commands.Command> found = Commands.matching(text.substring(0, space));
    if (found.size() != 1) {
      return List.of();
    }
    return found.get(0).completer().complete(this, text.substring(space + 1).stripLeading());
  }

  /** Language completion for {@code head} (the text before the word) and the word's prefix. */
  List<Candidate> statement(String head, String prefix) {
    if (!prefix.isEmpty() && Character.isDigit(prefix.charAt(0))) {
      return List.of(); // a number being typed
    }
    List<Tok> tokens = Tokens.lex(head);
    int gapStart = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
    if (head.indexOf('#', gapStart) >= 0
        || (!tokens.isEmpty() && tokens.get(tokens.size() - 1).is(UNTERMINATED_STRING))) {
      return List.of(); // in a comment or a string
    }
    return new CompletionContext(this, Tokens.currentStatement(tokens)).candidates();
  }

  // What the context asks for, as candidates. ------------------------------------------------

  List<Candidate> keywords(String... words) {
    List<Candidate> out = new ArrayList<>();
    for (String w : words) {
      out.add(new Candidate(w, w, "keywords", null, null, null, true));
    }
    return out;
  }

  /** Declared names of one kind. */
  List<Candidate> declared(Declaration.Kind kind) {
    List<Candidate> out = new ArrayList<>();
    for (Declaration d : engine.declarations()) {
      if (d.kind() == kind) {
        out.add(new Candidate(d.name(), d.name(), kind.plural(), brief(d), null, null, true));
      }
    }
    return out;
  }

  /**
   * What a parameter group's {@code for} takes: {@code matrices}, {@code others}, and (inside
   * {@code [...]}, {@code names}) the parameters of the declared objectives, since the objective
   * comes after {@code on}, later in the statement.
   */
  List<Candidate> groupSelectors(boolean names) {
    if (!names) {
      return keywords("matrices", "others", "[");
    }
    java.util.Map<String, List<String>> owners = new java.util.LinkedHashMap<>();
    for (Declaration d : engine.declarations()) {
      List<String> params = d instanceof Declaration.Objective o ? o.params()
          : d instanceof Declaration.Model m ? m.model().layout().names() : List.of();
      for (String p : params) {
        owners.computeIfAbsent(p, k -> new ArrayList<>()).add(d.name());
      }
    }
    List<Candidate> out = new ArrayList<>();
    owners.forEach((p, of) -> out.add(new Candidate(p, p, "parameters", "a parameter of "
        + String.join(", ", of), null, null, false)));
    return out;
  }

  List<Candidate> optimizerKinds() {
    List<Candidate> out = new ArrayList<>();
    for (OptimizerKind k : Optimizers.all()) {
      out.add(new Candidate(k.name() + "(", k.name(), "built-in optimizers",
          signature(k.name(), k.params()), null, null, false));
    }
    for (Declaration d : engine.declarations()) {
      if (d instanceof Declaration.Rule r) {
        out.add(new Candidate(r.name() + "(", r.name(), "rules",
            signature(r.name(), r.def().params()), null, null, false));
      }
    }
    return out;
  }

  /** A built-in optimizer or a rule the session declared: both are called the same way. */
  Optional<OptimizerKind> optimizerKind(String name) {
    if (engine.lookup(name) instanceof Declaration.Rule r) {
      return Optional.of(r.def().kind());
    }
    return Optimizers.byName(name);
  }

  /** The sources after {@code data NAME =}: csv, idx, npy, npz and the generators. */
  List<Candidate> dataSources() {
    List<Candidate> out = new ArrayList<>();
    for (String s : Dataset.SOURCES) {
      out.add(new Candidate(s + "(", s, "data sources", null, null, null, false));
    }
    return out;
  }

  List<Candidate> scheduleKinds() {
    List<Candidate> out = new ArrayList<>();
    for (ScheduleKind k : Schedules.all()) {
      out.add(new Candidate(k.name() + "(", k.name(), "built-in schedules",
          signature(k.name(), k.params()), null, null, false));
    }
    return out;
  }

  /**
   * {@code Adam(lr=0.001, betas=(0.9, 0.999), ...)}: the real defaults (an example's values read
   * as defaults in a menu, {@code Adam(lr = 0.01)} where the default is 1e-3), {@code ?} for a
   * required one.
   */
  static String signature(String name, List<HyperParam> params) {
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < params.size(); i++) {
      HyperParam p = params.get(i);
      if (p.name().equals("schedule")) {
        continue;
      }
      sb.append(i == 0 ? "" : ", ").append(p.name()).append('=').append(
          p.defaultValue() == null ? "?" : HyperValues.format(p.defaultValue()));
    }
    return sb.append(')').toString();
  }

  /** {@code name = } for each hyperparameter not given yet, its default as the description. */
  List<Candidate> hyperparameters(List<HyperParam> params, boolean schedule,
      List<String> given) {
    List<Candidate> out = new ArrayList<>();
    for (HyperParam p : params) {
      if (!given.contains(p.name())) {
        String descr = (p.required() ? "required" : "default " + p.defaultText())
            + (p.doc() == null ? "" : ": " + p.doc());
        out.add(new Candidate(p.name() + " = ", p.name(), "hyperparameters", descr, null, null,
            false));
      }
    }
    if (schedule && !given.contains("schedule")) {
      out.add(new Candidate("schedule = ", "schedule", "hyperparameters",
          "default none: a learning-rate schedule", null, null, false));
    }
    return out;
  }

  /** Names an expression can use: constants, functions, objectives, built-ins, and locals. */
  List<Candidate> expressionNames(List<String> locals, boolean grad) {
    List<Candidate> out = new ArrayList<>();
    for (String l : locals) {
      out.add(new Candidate(l, l, "variables", null, null, null, true));
    }
    for (Declaration d : engine.declarations()) {
      switch (d.kind()) {
        case CONSTANT -> out.add(new Candidate(d.name(), d.name(), "constants", brief(d), null,
            null, true));
        case FUNCTION, OBJECTIVE -> out.add(new Candidate(d.name() + "(", d.name(),
            d.kind().plural(), brief(d), null, null, false));
        default -> { }
      }
    }
    for (String f : Names.FUNCTIONS) {
      if (grad || !f.equals("grad")) {
        out.add(new Candidate(f + "(", f, "built-in functions", null, null, null, false));
      }
    }
    for (String c : Names.CONSTANTS) {
      out.add(new Candidate(c, c, "built-in constants", null, null, null, true));
    }
    return out;
  }

  Declaration lookup(String name) {
    return engine.lookup(name);
  }

  // Command arguments. ------------------------------------------------------------------------

  List<Candidate> helpTopics() {
    List<Candidate> out = new ArrayList<>();
    for (String t : Help.topics()) {
      out.add(new Candidate(t, t, "topics", null, null, null, true));
    }
    for (Declaration d : engine.declarations()) {
      if (d instanceof Declaration.Rule) { // :help NAME shows the rule as written
        out.add(new Candidate(d.name(), d.name(), "rules", null, null, null, true));
      }
    }
    return out;
  }

  List<Candidate> declaredNames() {
    List<Candidate> out = new ArrayList<>();
    for (Declaration d : engine.declarations()) {
      out.add(new Candidate(d.name(), d.name(), d.kind().plural(), brief(d), null, null, true));
    }
    return out;
  }

  /** Directories and scripts ({@code .opt}): what {@code :load} and {@code :save} take. */
  List<Candidate> paths(String typed) {
    return PathCompletion.complete(workingDirectory, typed, name -> name.endsWith(".opt"));
  }

  List<Candidate> statement(String typed) {
    int start = InputParser.identifierStart(typed, typed.length(), false);
    return statement(typed.substring(0, start), typed.substring(start));
  }

  // Helpers. ------------------------------------------------------------------------------------

  /** A declaration's text on one line, for a description. */
  static String brief(Declaration d) {
    String text = d.describe().replaceAll("\\s+", " ").strip();
    return text.length() <= 70 ? text : text.substring(0, 69) + "…";
  }

  /**
   * Candidates whose value starts with {@code prefix} (ignoring case), each value once, numbered
   * so that JLine lists them in this order (PyTorch's order of hyperparameters, declared names
   * before built-ins) rather than alphabetically.
   */
  static List<Candidate> filter(List<Candidate> all, String prefix) {
    String p = prefix.toLowerCase(Locale.ROOT);
    Map<String, Candidate> unique = new LinkedHashMap<>();
    for (Candidate c : all) {
      String v = c.value();
      if (v.toLowerCase(Locale.ROOT).startsWith(p) && !unique.containsKey(v)) {
        unique.put(v, new Candidate(v, c.displ(), c.group(), c.descr(), c.suffix(), c.key(),
            c.complete(), unique.size()));
      }
    }
    return new ArrayList<>(unique.values());
  }
}
