package dev.optlab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.optlab.Engine;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Enter continues an unfinished statement (JLine's EOFError) and submits everything else. */
class InputParserTest {
  private final InputParser parser = new InputParser(new Engine()::isIncomplete);

  @ParameterizedTest
  @ValueSource(strings = {
      "optimizer a = Adam(lr = 0.1,",
      "let a = 1 +",
      "schedule s = cosine(T_max = 10) for 10 then",
      "objective f(x) =",
      "run adam on f for",
      "print (1 +\n  2 *",
      "let z = [1, 2,"})
  void unfinishedInputAsksForMore(String text) {
    assertThrows(EOFError.class, () -> parser.parse(text, text.length(), ParseContext.ACCEPT_LINE));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "let a = 1",
      "",
      "   ",
      "let a = (1 +\n",
      "let a = (1 +\n   ",
      "let = 1 +",
      ":load notes(",
      "  :time let a = (",
      "# only a comment (",
      "let s = \"unterminated"})
  void finishedBlankContinuedOrWrongEarlierInputIsSubmitted(String text) {
    assertEquals(text, parser.parse(text, text.length(), ParseContext.ACCEPT_LINE).line());
  }

  @Test
  void completionNeverAsksForMore() {
    assertEquals("run Adam(", parser.parse("run Adam(", 9, ParseContext.COMPLETE).line());
  }

  @Test
  void anEngineFailureCountsAsFinishedInput() {
    InputParser failing = new InputParser(text -> {
      throw new StackOverflowError();
    });
    assertEquals("((((", failing.parse("((((", 4, ParseContext.ACCEPT_LINE).line());
  }

  @Test
  void wordsForCompletion() {
    var line = parser.parse("run adam on ros", 15, ParseContext.COMPLETE);
    assertEquals("ros", line.word());
    assertEquals(3, line.wordCursor());
    assertEquals(java.util.List.of("run", "adam", "on", "ros"), line.words());
    assertEquals(3, line.wordIndex());
    assertEquals(":he", parser.parse(":he", 3, ParseContext.COMPLETE).word());
    assertEquals("~/x/y", parser.parse(":load ~/x/y", 11, ParseContext.COMPLETE).word());
  }
}
