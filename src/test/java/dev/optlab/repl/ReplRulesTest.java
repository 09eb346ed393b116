package dev.optlab.repl;

import static dev.optlab.repl.ReplDriver.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.check.Declaration;
import dev.optlab.console.TableOutput;
import dev.optlab.exec.RunControl;
import dev.optlab.source.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL knows the rules a session declares: entry, :help, completion and colours. */
class ReplRulesTest {
  static final String LION = """
      rule Lion(lr = 1e-4, betas = (0.9, 0.99), weight_decay = 0) {
        state m = 0
        p = p * (1 - lr * weight_decay)
        c = add(m * betas[0], g, alpha = 1 - betas[0])
        p = add(p, sign(c), alpha = -lr)
        m = add(m * betas[1], g, alpha = 1 - betas[1])
      }
      """;

  @Test
  void aRuleTypedOverSeveralLinesIsOneStatementAndHelpShowsItAsWritten() {
    String out = session(LION + ":help Lion\n");
    assertFalse(out.contains("error"), out);
    // each line of the body got a continuation prompt, not an answer of its own
    assertEquals(1, out.split("optlab> ", -1).length - 3, out);
    assertTrue(out.contains("Lion (a rule declared in this session"), out);
    assertTrue(out.contains("betas = (0.9, 0.99)"), out);
    // not Adam's text (the gradient and its square): Lion's betas are no such thing
    assertFalse(out.contains("of its square"), out);
    assertTrue(out.contains("weight_decay = 0"), out);
    assertTrue(out.contains("  p = add(p, sign(c), alpha = -lr)\n"), out);
  }

  @Test
  void anOpenBraceContinuesTheInput() {
    InputParser parser = new InputParser(new Engine()::isIncomplete);
    assertTrue(parser.needsMore("rule R(lr = 1) {"));
    assertTrue(parser.needsMore("rule R(lr = 1) {\n  p = p - lr * g"));
    assertFalse(parser.needsMore("rule R(lr = 1) {\n  p = p - lr * g\n}"));
  }

  private static Engine engineWithLion() {
    Engine engine = new Engine();
    engine.run(new Source("setup", LION), false,
        new TableOutput(new PrintStream(OutputStream.nullOutputStream())), RunControl.none());
    return engine;
  }

  @Test
  void completionOffersARulesHyperparametersWithTheirDefaults() {
    LanguageCompleter completer = new LanguageCompleter(engineWithLion(), Path.of("."));
    String text = "optimizer l = Lion(";
    ParsedLine line = new InputParser(t -> false).parse(text, text.length(),
        Parser.ParseContext.COMPLETE);
    List<Candidate> out = new ArrayList<>();
    completer.complete(null, line, out);
    List<String> values = out.stream().map(Candidate::value).toList();
    assertEquals(List.of("lr = ", "betas = ", "weight_decay = ", "schedule = "), values);
    assertTrue(out.get(1).descr().startsWith("default (0.9, 0.99)"), out.get(1).descr());
    List<Candidate> names = new ArrayList<>();
    String run = "run L";
    completer.complete(null, new InputParser(t -> false).parse(run, run.length(),
        Parser.ParseContext.COMPLETE), names);
    assertTrue(names.stream().anyMatch(c -> c.value().equals("Lion(")
        && c.descr().equals("Lion(lr=0.0001, betas=(0.9, 0.99), weight_decay=0)")),
        names.stream().map(c -> c.value() + " " + c.descr()).toList().toString());
  }

  @Test
  void highlightingKnowsRuleKeywordsRuleNamesAndTheBodysNames() {
    SyntaxHighlighter h = new SyntaxHighlighter(n -> n.equals("Lion"), n -> n.equals("Lion"));
    String text = "rule R(lr = 1, beta = 2) {\n  state m = 0\n  shared s = 0\n"
        + "  once { s = s + 1 }\n  if t > 1 and beta < 3 or s == 1 { p = p } else { p = p }\n"
        + "  repeat 2 { q = sign(m) }\n  eval = p\n  p = p - lr * g * q + zz\n}";
    AttributedString s = h.highlight(text, -1);
    for (String kw : List.of("rule", "state", "shared", "once", "if", "else", "repeat", "eval",
        "and", "or")) {
      assertEquals(SyntaxHighlighter.KEYWORD, styleOf(s, text, kw + " "), kw);
    }
    // names the rule binds or sees are plain; only a name it never binds is red
    for (String name : List.of("p - lr", "g * q", "q + zz", "sign", "m = 0", "s = s")) {
      assertEquals(AttributedStyle.DEFAULT, styleOf(s, text, name), name);
    }
    assertEquals(SyntaxHighlighter.UNKNOWN, styleOf(s, text, "zz"));
    String use = "optimizer l = Lion(lr = 1)";
    assertEquals(SyntaxHighlighter.BUILTIN, styleOf(h.highlight(use, -1), use, "Lion"));
  }

  @Test
  void saveWritesRulesBeforeTheOptimizersThatUseThemAndTheFileLoadsAgain(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("s.opt");
    String out = session(LION + "optimizer lion = Lion(lr = 3e-4)\n"
        + "rule Lion(lr = 1, betas = (0.5, 0.5)) {\n  p = p - lr * betas[0] * g\n}\n"
        + ":save " + file + "\n");
    assertTrue(out.contains("saved 3 declarations"), out);
    String saved = Files.readString(file);
    // the first Lion, then the optimizer made from it, then the Lion that replaced it
    int first = saved.indexOf("rule Lion(lr = 1e-4");
    int optimizer = saved.indexOf("optimizer lion = Lion(lr = 3e-4)");
    int second = saved.indexOf("rule Lion(lr = 1, betas");
    assertTrue(0 < first && first < optimizer && optimizer < second, saved);
    assertTrue(saved.contains("  m = add(m * betas[1], g, alpha = 1 - betas[1])\n}"), saved);
    Engine reloaded = new Engine();
    reloaded.run(new Source(file.toString(), saved + "objective f(x = 1) = x^2\n"
        + "run lion on f for 2 steps\n"), false,
        new TableOutput(new PrintStream(OutputStream.nullOutputStream())), RunControl.none());
    assertTrue(reloaded.lookup("Lion") instanceof Declaration.Rule r
        && r.def().text().contains("betas = (0.5, 0.5)"));
    assertTrue(reloaded.lookup("lion") instanceof Declaration.Optimizer);
  }

  private static AttributedStyle styleOf(AttributedString s, String text, String part) {
    int at = text.indexOf(part);
    assertTrue(at >= 0, part);
    return s.styleAt(at);
  }
}
