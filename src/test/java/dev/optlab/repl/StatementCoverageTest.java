package dev.optlab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.ast.Stmt;
import dev.optlab.source.Source;
import dev.optlab.syntax.SyntaxParser;
import dev.optlab.syntax.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What docs/contributing.md says a new statement must touch, forced: every statement keyword
 * (from the grammar) has a {@code :help} whose example parses into an AST — so {@code AstBuilder}
 * builds it — and a row in docs/language.md's table of statements.
 */
class StatementCoverageTest {
  private static final Pattern EXAMPLE = Pattern.compile("example: (.+)");

  @Test
  void everyStatementsHelpExampleParsesToItsAst() {
    for (String keyword : Tokens.STATEMENT_KEYWORDS) {
      String help = Help.topic(keyword).orElseThrow(() -> new AssertionError("no :help "
          + keyword));
      Matcher m = EXAMPLE.matcher(help);
      assertTrue(m.find(), ":help " + keyword + " has no example");
      String example = m.group(1).strip();
      List<Stmt> parsed = SyntaxParser.parse(new Source("<help>", example));
      assertEquals(1, parsed.size(), example);
      assertTrue(example.startsWith(keyword) || keyword.equals("schedule"), example);
    }
  }

  @Test
  void everyStatementHasARowInTheLanguageReference() throws IOException {
    String doc = Files.readString(Path.of("docs/language.md"));
    for (String keyword : Tokens.STATEMENT_KEYWORDS) {
      assertTrue(doc.contains("| `" + keyword + " ") || doc.contains("| `" + keyword + "`"),
          "docs/language.md has no row for " + keyword);
    }
  }
}
