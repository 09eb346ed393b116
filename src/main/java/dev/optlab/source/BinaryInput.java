package dev.optlab.source;

import java.util.Optional;

/**
 * A binary file (an image, an archive) given where a script is expected, by the command line or
 * {@code :load}: refused before the lexer sees it. Its diagnostic names the place of the first
 * NUL byte but shows no source line, since echoing the bytes would garble (or drive) the terminal.
 */
public final class BinaryInput {
  private BinaryInput() {}

  /** The rendered diagnostic when the source holds a NUL byte, which no text file has. */
  public static Optional<String> diagnostic(Source source) {
    int nul = source.text().indexOf('\0');
    if (nul < 0) {
      return Optional.empty();
    }
    return Optional.of(source.name() + ":" + source.line(nul) + ":" + source.column(nul)
        + ": error: this is binary data, not an optlab script\n");
  }
}
