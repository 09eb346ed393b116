package dev.optlab.repl;

import dev.optlab.check.Declaration;
import dev.optlab.Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;

/** How the REPL configures JLine: its parser, completer, highlighter, options and history. */
final class ReaderSetup {
  private ReaderSetup() {}

  static LineReader reader(Terminal terminal, Engine engine, Repl.Settings settings,
      boolean color) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(LineReader.SECONDARY_PROMPT_PATTERN, "%P ...> ");
    variables.put(LineReader.HISTORY_FILE_SIZE, 10_000);
    if (settings.historyFile() != null) {
      try {
        Files.createDirectories(settings.historyFile().getParent());
        variables.put(LineReader.HISTORY_FILE, settings.historyFile());
      } catch (IOException | RuntimeException e) {
        // no persistent history then; the session works the same
      }
    }
    if (!color) { // JLine's completion list has colours of its own
      variables.put(LineReader.COMPLETION_STYLE_GROUP, "bold");
      variables.put(LineReader.COMPLETION_STYLE_LIST_GROUP, "bold");
      for (String style : List.of(LineReader.COMPLETION_STYLE_STARTING,
          LineReader.COMPLETION_STYLE_DESCRIPTION, LineReader.COMPLETION_STYLE_LIST_STARTING,
          LineReader.COMPLETION_STYLE_LIST_DESCRIPTION)) {
        variables.put(style, "fg:default");
      }
      variables.put(LineReader.COMPLETION_STYLE_BACKGROUND, "bg:default");
      variables.put(LineReader.COMPLETION_STYLE_LIST_BACKGROUND, "bg:default");
    }
    // What LineReaderBuilder.build() does, with a reader that skips redraws under type-ahead.
    LineReaderImpl reader = new TypeAheadReader(terminal, "optlab", variables);
    reader.setHistory(new DefaultHistory());
    reader.setParser(new InputParser(engine::isIncomplete));
    reader.setCompleter(new LanguageCompleter(engine, settings.workingDirectory()));
    reader.setHighlighter(color ? new SyntaxHighlighter(name -> engine.lookup(name) != null,
        name -> engine.lookup(name) instanceof Declaration.Rule)
        : (r, buffer) -> new AttributedString(buffer));
    // `!` and backslashes are the language's own characters, not history expansion
    reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    reader.option(LineReader.Option.CASE_INSENSITIVE, true);
    reader.option(LineReader.Option.INSERT_TAB, false);
    if (color) {
      reader.setAutosuggestion(LineReader.SuggestionType.HISTORY); // greyed, from history
    }
    return reader;
  }

  /**
   * Loads the history file now, so that this session's entries can be told apart. A file that
   * cannot be read (not UTF-8, not JLine's format) is left alone, and this session's history is
   * kept in memory only.
   */
  static void loadHistory(LineReader reader, PrintStream out) {
    try {
      reader.getHistory().attach(reader);
    } catch (RuntimeException e) {
      Object file = reader.getVariable(LineReader.HISTORY_FILE);
      reader.getVariables().remove(LineReader.HISTORY_FILE);
      try {
        reader.getHistory().load();
      } catch (IOException | RuntimeException again) {
        // an empty in-memory history it is
      }
      out.println("optlab: cannot read the history file " + file + " ("
          + (e.getCause() != null ? e.getCause() : e).getClass().getSimpleName()
          + "); this session's history will not be saved");
    }
  }
}
