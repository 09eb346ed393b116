package dev.optlab;

import dev.optlab.check.Action;
import dev.optlab.source.Source;
import dev.optlab.source.Span;
import dev.optlab.source.StringLiterals;
import java.nio.file.Path;
import java.util.List;

/**
 * A declaration as written, with what {@code :save} needs to write it elsewhere: the directory
 * its relative paths started from and where in its text the file names are.
 *
 * @param directory where its relative paths start (absolute)
 * @param paths the file-name literals' spans, relative to the start of {@code text}
 */
record Declared(String text, Path directory, List<Span> paths) {
  static Declared of(Source source, Action.Declare d) {
    Path dir = source.directory() != null ? source.directory() : Path.of("");
    int at = d.span().start();
    List<Span> local = d.paths().stream()
        .map(p -> new Span(p.start() - at, p.end() - at)).toList();
    return new Declared(d.text(), dir.toAbsolutePath().normalize(), local);
  }

  /**
   * A statement of {@code source} at {@code at} whose file names are at {@code files} (spans in
   * the source, null ones skipped): a run that wrote a checkpoint, for {@code :save}'s list.
   */
  static Declared of(Source source, Span at, List<Span> files) {
    Path dir = source.directory() != null ? source.directory() : Path.of("");
    List<Span> local = files.stream().filter(java.util.Objects::nonNull)
        .sorted(java.util.Comparator.comparingInt(Span::start))
        .map(p -> new Span(p.start() - at.start(), p.end() - at.start())).toList();
    return new Declared(source.text().substring(at.start(), at.end()),
        dir.toAbsolutePath().normalize(), local);
  }

  /** The text with each relative file name made relative to {@code target} instead. */
  String relocated(Path target) {
    Path to = target.toAbsolutePath().normalize();
    StringBuilder sb = new StringBuilder();
    int done = 0;
    for (Span s : paths) {
      String literal = text.substring(s.start(), s.end());
      String written = StringLiterals.unquote(literal);
      Path p = Path.of(written);
      sb.append(text, done, s.start());
      if (p.isAbsolute() || directory.equals(to)) {
        sb.append(literal);
      } else {
        sb.append(StringLiterals.quote(to.relativize(directory.resolve(p).normalize()).toString()));
      }
      done = s.end();
    }
    return sb.append(text.substring(done)).toString();
  }

  /**
   * The text with each relative file name made absolute, for a script checked elsewhere ({@link
   * dev.optlab.exec.SweepScript}); adds to {@code literals} the spans of the file names in the
   * result, shifted by {@code offset}.
   */
  String absolute(int offset, List<Span> literals) {
    StringBuilder sb = new StringBuilder();
    int done = 0;
    for (Span s : paths) {
      String literal = text.substring(s.start(), s.end());
      Path p = Path.of(StringLiterals.unquote(literal));
      sb.append(text, done, s.start());
      int at = offset + sb.length();
      sb.append(p.isAbsolute() ? literal : StringLiterals.quote(directory.resolve(p).normalize().toString()));
      literals.add(new Span(at, offset + sb.length()));
      done = s.end();
    }
    return sb.append(text.substring(done)).toString();
  }
}
