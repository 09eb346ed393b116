package dev.optlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optlab.hyper.HyperParam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/language.md's optimizer table lists the registry: every optimizer, in the registry's
 * order, each with exactly its hyperparameters (a row "as `X`, but ..." names only the ones whose
 * default differs). A new optimizer, or a renamed hyperparameter, fails here until the docs say so.
 */
class OptimizerDocsTest {
  private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| (.*) \\|$",
      Pattern.MULTILINE);
  private static final Pattern PARAM = Pattern.compile("`(\\w+)(?: = [^`]*)?`");

  @Test
  void languageDocsTableMatchesTheRegistry() throws IOException {
    String docs = Files.readString(Path.of("docs", "language.md"));
    String section = docs.substring(docs.indexOf("## Optimizers"));
    section = section.substring(0, section.indexOf("\n## ", 1) < 0 ? section.length()
        : section.indexOf("\n## ", 1));
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher m = ROW.matcher(section);
    while (m.find()) {
      rows.put(m.group(1), m.group(2));
    }
    assertEquals(Optimizers.names(), List.copyOf(rows.keySet()), "optimizers in docs/language.md");
    for (OptimizerKind kind : Optimizers.all()) {
      String row = rows.get(kind.name());
      if (row.startsWith("as `")) {
        continue;
      }
      List<String> documented = new ArrayList<>();
      Matcher p = PARAM.matcher(row);
      while (p.find()) {
        documented.add(p.group(1));
      }
      assertEquals(kind.params().stream().map(HyperParam::name).toList(), documented,
          kind.name() + "'s hyperparameters in docs/language.md");
    }
  }
}
