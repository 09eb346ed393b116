package dev.optlab.repl;

import dev.optlab.check.Declaration;
import dev.optlab.source.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.reader.Candidate;

/**
 * The REPL's {@code :} commands: one table (name, arguments, help, handler, completer) that
 * drives dispatch, completion and {@code :help}, so a command cannot exist in one and be missing
 * from another. The handlers that do more than a line or two live in {@link SessionCommands}.
 */
final class Commands {
  private Commands() {}

  /** Runs a command; returns false to end the session. */
  @FunctionalInterface
  interface Handler {
    boolean run(ReplSession session, String argument);
  }

  /** Completes a command's argument, given the text typed after the command up to the cursor. */
  @FunctionalInterface
  interface ArgumentCompleter {
    List<Candidate> complete(LanguageCompleter completer, String argument);
  }

  record Command(String name, String args, String summary, String help, Handler handler,
      ArgumentCompleter completer) {
    String usage() {
      return args.isEmpty() ? name : name + " " + args;
    }
  }

  private static final ArgumentCompleter NOTHING = (c, a) -> List.of();

  static final List<Command> ALL = List.of(
      new Command(":help", "[TOPIC]", "help on a statement, optimizer, schedule or command",
          "With no topic, lists the commands, statements, optimizers and schedules. A topic is a"
              + "\n  statement (run), an optimizer (Adam), a schedule (cosine) or a command (:load).",
          SessionCommands::help, (c, a) -> c.helpTopics()),
      new Command(":list", "", "list what is declared",
          "Lists every declaration of the session, in the order they were made.",
          SessionCommands::list, NOTHING),
      new Command(":show", "NAME", "show one declaration",
          "Shows what NAME is declared as, with every default filled in.",
          SessionCommands::show, (c, a) -> c.declaredNames()),
      new Command(":load", "FILE", "run a script into the session",
          "Runs the statements of FILE (an .opt script) as batch mode would, keeping what they"
              + "\n  declare in the session.",
          SessionCommands::load, (c, a) -> c.paths(a)),
      new Command(":save", "FILE", "write the declarations as a script",
          "Writes every declaration of the session, as typed and in order, to FILE: a script"
              + "\n  that :load or `optlab FILE` turns back into this session; then, as comments,"
              + "\n  the runs that wrote checkpoints (resume \"FILE\" goes on from them). The file"
              + "\n  is written whole or not at all.",
          SessionCommands::save, (c, a) -> c.paths(a)),
      new Command(":reset", "", "forget every declaration",
          "Forgets every declaration; the history of what was typed stays.",
          SessionCommands::reset, NOTHING),
      new Command(":history", "", "show what was typed in this session",
          "Shows the inputs of this session, numbered. Up/Down and Ctrl-R recall them; the"
              + "\n  history persists in $XDG_STATE_HOME/optlab/history.",
          SessionCommands::history, NOTHING),
      new Command(":time", "STATEMENT", "run a statement and show how long it took",
          "Runs STATEMENT as if typed at the prompt, then prints the wall time it took.",
          SessionCommands::time, (c, a) -> c.statement(a)),
      new Command(":quit", "", "leave the REPL (Ctrl-D too)",
          "Ends the session. Ctrl-D at an empty prompt does the same.",
          (s, a) -> false, NOTHING));

  /** The command called exactly {@code name}. */
  static Optional<Command> exactly(String name) {
    return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The commands {@code word} names: itself, or every command it is a prefix of. */
  static List<Command> matching(String word) {
    Optional<Command> exact = exactly(word);
    if (exact.isPresent()) {
      return List.of(exact.get());
    }
    return word.length() < 2 ? List.of()
        : ALL.stream().filter(c -> c.name().startsWith(word)).toList();
  }

  static boolean takesPath(String word) {
    List<Command> m = matching(word);
    return m.size() == 1 && (m.get(0).name().equals(":load") || m.get(0).name().equals(":save"));
  }

  static boolean takesTopic(String word) {
    List<Command> m = matching(word);
    return m.size() == 1 && m.get(0).name().equals(":help");
  }

  /** Runs a command line (it starts with {@code :}); returns false to end the session. */
  static boolean execute(ReplSession session, String line) {
    String text = line.strip();
    int space = 0;
    while (space < text.length() && !Character.isWhitespace(text.charAt(space))) {
      space++;
    }
    String word = text.substring(0, space);
    String argument = text.substring(space).strip();
    List<Command> found = matching(word);
    if (found.size() == 1) {
      return found.get(0).handler().run(session, argument);
    }
    if (found.isEmpty()) {
      List<String> names = ALL.stream().map(Command::name).toList();
      session.out().println("unknown command '" + word + "'" + Suggest.didYouMean(word, names)
          + " (:help lists the commands)");
    } else {
      List<String> names = new ArrayList<>();
      found.forEach(c -> names.add(c.name()));
      session.out().println("ambiguous command '" + word + "': " + String.join(", ", names));
    }
    return true;
  }

  /** Names of declarations, for {@code :show} and messages. */
  static List<String> names(List<Declaration> declarations) {
    return declarations.stream().map(Declaration::name).toList();
  }
}
