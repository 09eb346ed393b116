package dev.optlab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** Colours from the language's tokens, and red for names nothing declares. */
class SyntaxHighlighterTest {
  private final SyntaxHighlighter highlighter =
      new SyntaxHighlighter(Set.of("adam", "rosen")::contains);

  /** The style of the first occurrence of {@code part} in {@code text}, checked for all of it. */
  private static AttributedStyle styleOf(AttributedString s, String part) {
    String text = s.toString();
    int at = text.indexOf(part);
    AttributedStyle style = s.styleAt(at);
    for (int i = at; i < at + part.length(); i++) {
      assertEquals(style, s.styleAt(i), "mixed styles in '" + part + "'");
    }
    return style;
  }

  @Test
  void keywordsNumbersStringsCommentsAndNames() {
    String text = "run adam on nosuch for 1e3 steps trace \"t.csv\" # go";
    AttributedString s = highlighter.highlight(text, -1);
    assertEquals(text, s.toString());
    assertEquals(SyntaxHighlighter.KEYWORD, styleOf(s, "run"));
    assertEquals(SyntaxHighlighter.DECLARED, styleOf(s, "adam"));
    assertEquals(SyntaxHighlighter.UNKNOWN, styleOf(s, "nosuch"));
    assertEquals(SyntaxHighlighter.NUMBER_STYLE, styleOf(s, "1e3"));
    assertEquals(SyntaxHighlighter.KEYWORD, styleOf(s, "steps"));
    assertEquals(SyntaxHighlighter.STRING_STYLE, styleOf(s, "\"t.csv\""));
    assertEquals(SyntaxHighlighter.COMMENT, styleOf(s, "# go"));
  }

  @Test
  void builtInsAndNamesTheStatementBindsAreNotUnknown() {
    AttributedString s = highlighter.highlight(
        "objective g(p = 1, q) = sqrt(p) + q * pi + Adam + cosine + zz", -1);
    assertEquals(AttributedStyle.DEFAULT, styleOf(s, "g("));
    assertEquals(AttributedStyle.DEFAULT, styleOf(s, "q *"));
    assertEquals(AttributedStyle.DEFAULT, styleOf(s, "sqrt"));
    assertEquals(AttributedStyle.DEFAULT, styleOf(s, "pi"));
    assertEquals(SyntaxHighlighter.BUILTIN, styleOf(s, "Adam"));
    assertEquals(SyntaxHighlighter.BUILTIN, styleOf(s, "cosine"));
    assertEquals(SyntaxHighlighter.UNKNOWN, styleOf(s, "zz"));
    AttributedString args = highlighter.highlight("optimizer b = Adam(lr = 1, betaz = 2)", -1);
    assertEquals(AttributedStyle.DEFAULT, styleOf(args, "lr"), "argument names are the checker's");
  }

  @Test
  void aNameBeingTypedIsNotRedYet() {
    String text = "run ad";
    assertEquals(AttributedStyle.DEFAULT, styleOf(highlighter.highlight(text, 6), "ad"));
    assertEquals(SyntaxHighlighter.UNKNOWN, styleOf(highlighter.highlight(text, 3), "ad"));
  }

  @Test
  void commentsRunToTheEndOfTheirLineOnly() {
    AttributedString s = highlighter.highlight("let a = 1 # one\nlet b = 2", -1);
    assertEquals(SyntaxHighlighter.COMMENT, styleOf(s, "# one"));
    assertEquals(SyntaxHighlighter.KEYWORD, s.styleAt(16));
  }

  @Test
  void commandsByWhetherTheTableKnowsThem() {
    assertEquals(SyntaxHighlighter.COMMAND, styleOf(highlighter.highlight(":help adam", -1),
        ":help"));
    assertEquals(SyntaxHighlighter.UNKNOWN, styleOf(highlighter.highlight(":nope", -1), ":nope"));
    AttributedString time = highlighter.highlight(":time run adam on rosen for 9 steps", -1);
    assertEquals(SyntaxHighlighter.KEYWORD, styleOf(time, "run"));
    assertEquals(SyntaxHighlighter.NUMBER_STYLE, styleOf(time, "9"));
  }

  @Test
  void oddInputKeepsItsText() {
    for (String text : new String[] {"\"open", "@ é 😀 ∑", "", "   ", "((((", "\t# tab"}) {
      assertEquals(text, highlighter.highlight(text, text.length()).toString());
    }
  }
}
