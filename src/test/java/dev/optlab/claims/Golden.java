package dev.optlab.claims;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An example's golden output, read as the tables it prints, so that a claim can name the cell it
 * is about ("the adagrad row's final loss in the compare on net") rather than a line number.
 */
record Golden(String name, String text, List<Table> tables) {

  static final Path DIR = Path.of("src", "test", "resources", "examples");

  /** Every number printed, wherever it stands (headers, tables, closing lines, prints). */
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w.])-?(?:\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?|inf)(?![\\w])");

  /**
   * One printed table: the line above its column header ({@code adam on rosenbrock from ...} or
   * {@code compare on ...}), the column names, and its rows keyed by their first cell (the step
   * of a run, the optimizer of a compare).
   */
  record Table(String title, List<String> columns, List<List<String>> rows) {
    boolean isCompare() {
      return title.startsWith("compare on ");
    }

    /** The cell in the row whose first cell is {@code key}, under {@code column}. */
    double at(String key, String column) {
      int c = columns.indexOf(column);
      if (c < 0) {
        fail("no column " + column + " in " + columns + " of '" + title + "'");
      }
      for (List<String> row : rows) {
        if (row.get(0).equals(key)) {
          return number(row.get(c));
        }
      }
      return fail("no row " + key + " in '" + title + "'");
    }

    /** The last row's cell under {@code column}: where a run ended. */
    double last(String column) {
      return at(rows.get(rows.size() - 1).get(0), column);
    }

    private static double number(String cell) {
      return switch (cell) {
        case "-", "diverged", "nan" -> Double.NaN;
        case "inf" -> Double.POSITIVE_INFINITY;
        default -> Double.parseDouble(cell);
      };
    }
  }

  static Golden of(String example) {
    try {
      return parse(example, Files.readString(DIR.resolve(example + ".out")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Golden parse(String name, String text) {
    List<Table> tables = new ArrayList<>();
    String[] lines = text.replace("\r\n", "\n").split("\n");
    for (int i = 1; i < lines.length; i++) {
      String header = lines[i];
      boolean run = header.startsWith("step ");
      boolean compare = header.trim().startsWith("optimizer ");
      if (!run && !compare) {
        continue;
      }
      List<String> columns =
          List.of(header.trim().replace("final loss", "final_loss").split("\\s+"));
      List<List<String>> rows = new ArrayList<>();
      for (int j = i + 1; j < lines.length && !lines[j].isBlank(); j++) {
        List<String> cells = List.of(lines[j].trim().split("\\s+"));
        if (cells.size() == columns.size() + 1 && compare) {
          rows.add(cells.subList(1, cells.size())); // the rank
        } else if (cells.size() == columns.size()) {
          rows.add(cells);
        }
      }
      tables.add(new Table(lines[i - 1], columns, rows));
    }
    return new Golden(name, text, List.copyOf(tables));
  }

  /** The numbers printed anywhere in the output. */
  double[] numbers() {
    return numbers(text);
  }

  /** The numbers of the output's line {@code index} (from 0), such as a {@code print}'s. */
  double[] line(int index) {
    return numbers(text.split("\n")[index]);
  }

  private static double[] numbers(String text) {
    Matcher m = NUMBER.matcher(text);
    List<Double> out = new ArrayList<>();
    while (m.find()) {
      String t = m.group();
      out.add(t.endsWith("inf") ? (t.startsWith("-") ? Double.NEGATIVE_INFINITY
          : Double.POSITIVE_INFINITY) : Double.parseDouble(t));
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The table of {@code run OPTIMIZER on OBJECTIVE ...} (the first, if it ran twice). */
  Table run(String optimizer, String objective) {
    return find(optimizer + " on " + objective + " ");
  }

  /** The table of {@code compare ... on OBJECTIVE ...}. */
  Table compare(String objective) {
    return find("compare on " + objective + " ");
  }

  private Table find(String titleStart) {
    return tables.stream().filter(t -> t.title().startsWith(titleStart)).findFirst()
        .orElseGet(() -> fail(name + ": no table '" + titleStart + "...' among "
            + Arrays.toString(tables.stream().map(Table::title).toArray())));
  }
}
