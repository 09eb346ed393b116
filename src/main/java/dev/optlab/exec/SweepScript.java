package dev.optlab.exec;

import dev.optlab.source.Span;
import dev.optlab.source.StringLiterals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A sweep statement with what it needs to be checked again elsewhere (a Spark task): the
 * session's declarations as written, then the statement itself, in one text. An engine that
 * runs trials on other machines rewrites the file names at the spans given here.
 *
 * @param name the script's name, for messages
 * @param directory where the script's relative file names started (absolute), for messages
 * @param text the declarations, one a line, then the sweep statement
 * @param dataPaths the spans in {@code text} of the data files' string literals
 * @param outputs the spans in {@code text} of the files the statement writes (the sweep's {@code
 *     to "FILE.csv"}, a {@code plot sweep}'s picture): a worker writes none of them
 * @param resume the span in {@code text} of its {@code resume} clause, or null
 */
public record SweepScript(String name, String directory, String text, List<Span> dataPaths,
    List<Span> outputs, Span resume) implements java.io.Serializable {
  public SweepScript {
    dataPaths = List.copyOf(dataPaths);
    outputs = List.copyOf(outputs);
  }

  /** The data files' names as written (made absolute), in {@link #dataPaths}' order. */
  public List<String> dataFiles() {
    return dataPaths.stream().map(s -> StringLiterals.unquote(text.substring(s.start(), s.end()))).toList();
  }

  /**
   * The text a worker checks: each data file named {@code files.get(i)} instead (where the
   * worker has it), each output file in the directory {@code scratch} (with its own name, so its
   * format reads the same; never written: a trial writes no row, draws no picture), and no
   * {@code resume} (the driver skipped the trials done).
   */
  public String forWorker(List<String> files, String scratch) {
    record Edit(Span at, String with) {}
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < dataPaths.size(); i++) {
      edits.add(new Edit(dataPaths.get(i), StringLiterals.quote(files.get(i))));
    }
    for (int i = 0; i < outputs.size(); i++) {
      Span s = outputs.get(i);
      String name = java.nio.file.Path.of(StringLiterals.unquote(text.substring(s.start(), s.end())))
          .getFileName().toString();
      edits.add(new Edit(s, StringLiterals.quote(java.nio.file.Path.of(scratch, i + "-" + name).toString())));
    }
    if (resume != null) {
      edits.add(new Edit(resume, " ".repeat(resume.end() - resume.start())));
    }
    edits.sort(Comparator.comparingInt((Edit e) -> e.at().start()).reversed());
    StringBuilder sb = new StringBuilder(text);
    for (Edit e : edits) {
      sb.replace(e.at().start(), e.at().end(), e.with());
    }
    return sb.toString();
  }
}
